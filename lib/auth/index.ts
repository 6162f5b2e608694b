// Auth.js (next-auth v5) with credentials; the JWT session carries role, enterprise and the user's
// sessionVersion, checked on every read of the session (pages, actions, routes, /api/auth/session), so that
// sign-out, a password change, disabling and a lock end every session of the user at once.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { ZAccountCode } from "@/lib/validations/identifiers";
import { clientIp } from "./client-ip";
import { verifyCredentials, type SessionUser } from "./credentials";
import { sessionCookieOptions, SESSION_MAX_AGE_SECONDS } from "./session-cookie";
import { endSessionsFrom, sessionIsCurrent } from "./session-version";

declare module "next-auth" {
  interface Session {
    user: SessionUser;
  }
  // next-auth's User is the session user: the declaration merges SessionUser's fields into it.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface User extends SessionUser {}
}

/** A refused sign-in that the user may retry at `retryAt` (the sign-in action tells them when). */
export class SignInBlocked extends CredentialsSignin {
  constructor(
    public readonly code: "locked" | "throttled" | "rate_limited",
    public readonly retryAt: Date,
  ) {
    super();
  }
}

/** The right password of a disabled account. */
export class SignInDisabled extends CredentialsSignin {}

const ZCredentials = z.object({ accountCode: ZAccountCode, password: z.string().min(1).max(200) });

/** What the token holds besides the session user. */
const ZTokenSession = z.object({ user: z.object({ id: z.number().int() }), sessionVersion: z.number().int() });
const tokenSession = (token: unknown) => {
  const parsed = ZTokenSession.safeParse(token);
  return parsed.success ? { userId: parsed.data.user.id, sessionVersion: parsed.data.sessionVersion } : null;
};

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  ...sessionCookieOptions(),
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { accountCode: {}, password: {} },
      authorize: async (raw, request) => {
        const parsed = ZCredentials.safeParse(raw);
        if (!parsed.success) return null;
        const result = await verifyCredentials({ db, ...parsed.data, ip: request?.headers ? clientIp(request.headers) : null });
        if (!result.ok) {
          if ("retryAt" in result) throw new SignInBlocked(result.reason, result.retryAt);
          if (result.reason === "disabled") throw new SignInDisabled();
          return null;
        }
        return { ...result.user, id: String(result.user.id), sessionVersion: result.sessionVersion } as never;
      },
    }),
  ],
  callbacks: {
    jwt: async ({ token, user }) => {
      if (user) {
        const { sessionVersion, ...sessionUser } = user as unknown as SessionUser & { sessionVersion: number };
        return { ...token, user: { ...sessionUser, id: Number(user.id) }, sessionVersion };
      }
      // Null ends the session: Auth.js answers without one and clears the cookie where it can.
      const session = tokenSession(token);
      return session && (await sessionIsCurrent(db, session)) ? token : null;
    },
    session: ({ session, token }) => {
      session.user = token.user as SessionUser & typeof session.user;
      return session;
    },
  },
  events: {
    // 退出 signs out everywhere: every session of the user ends, not only this browser's.
    signOut: async (message) => {
      const session = "token" in message ? tokenSession(message.token) : null;
      if (session) await endSessionsFrom(db, session);
    },
  },
});
