-- Sessions that end (issue 10): every session JWT carries the user's sessionVersion and is refused once it
-- differs (sign-out, password change, disable, lock) or the user is disabled.
ALTER TABLE "User" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "disabledAt" TIMESTAMPTZ(3);

-- Sign-in throttling per (account code, client IP): the growing delays an attacker on one IP meets, while the
-- owner elsewhere signs in. The key is the account code and the IP, so it needs more than 64 characters.
ALTER TYPE "SignInThrottleKind" ADD VALUE 'ACCOUNT_IP';
ALTER TABLE "SignInThrottle" ALTER COLUMN "key" SET DATA TYPE VARCHAR(100);
