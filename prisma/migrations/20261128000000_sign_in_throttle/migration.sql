-- Sign-in throttling (issue 9) in the database, so that it holds across web instances: consecutive failed
-- passwords per account code and sign-in attempts per client IP, each within a window, and the time until
-- which further attempts are refused. Keyed by the account code as typed, not the user, so that an unknown
-- account locks exactly as a real one does and the answer never tells whether the account exists.
CREATE TYPE "SignInThrottleKind" AS ENUM ('ACCOUNT', 'IP');

CREATE TABLE "SignInThrottle" (
    "kind" "SignInThrottleKind" NOT NULL,
    "key" VARCHAR(64) NOT NULL,
    "attempts" INTEGER NOT NULL,
    "windowStartedAt" TIMESTAMPTZ(3) NOT NULL,
    "blockedUntil" TIMESTAMPTZ(3),

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("kind", "key")
);

-- Old rows are pruned by age on every sign-in.
CREATE INDEX "SignInThrottle_windowStartedAt_idx" ON "SignInThrottle"("windowStartedAt");

-- The per-user counter is replaced by the table above.
ALTER TABLE "User" DROP COLUMN "failedSignIns", DROP COLUMN "lockedUntil";
