// Sessions are JWTs, so they cannot be deleted; instead each carries the user's sessionVersion, and one
// primary-key read on every request (lib/auth/index.ts, jwt callback) refuses a token whose version is no longer
// the user's or whose user is disabled. Raising the version ends every session of the user at once.
import type { Db, Prisma } from "@/lib/db/client";

type Client = Db | Prisma.TransactionClient;

/** Ends every session of the user (sign-out everywhere, password change, disable, account lock). */
export async function endSessions(db: Client, user: { id: number } | { accountCode: string }): Promise<void> {
  await db.user.updateMany({ where: user, data: { sessionVersion: { increment: 1 } } });
}

/** Sign-out: ends the user's sessions, but only when this one is still current (an old cookie cannot end newer sessions). */
export async function endSessionsFrom(db: Client, session: { userId: number; sessionVersion: number }): Promise<void> {
  await db.user.updateMany({ where: { id: session.userId, sessionVersion: session.sessionVersion }, data: { sessionVersion: { increment: 1 } } });
}

export async function sessionIsCurrent(db: Client, session: { userId: number; sessionVersion: number }): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: session.userId }, select: { sessionVersion: true, disabledAt: true } });
  return user !== null && user.disabledAt === null && user.sessionVersion === session.sessionVersion;
}
