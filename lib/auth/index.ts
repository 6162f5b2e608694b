// Auth.js (next-auth v5) with credentials; the JWT session carries role and enterprise.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { ZAccountCode } from "@/lib/validations/identifiers";
import { clientIp } from "./client-ip";
import { verifyCredentials, type SessionUser } from "./credentials";
import { sessionCookieOptions, SESSION_MAX_AGE_SECONDS } from "./session-cookie";

declare module "next-auth" {
  interface Session {
    user: SessionUser;
  }
  interface User extends SessionUser {}
}

/** A refused sign-in that the user may retry at `retryAt` (the sign-in action tells them when). */
export class SignInBlocked extends CredentialsSignin {
  constructor(
    public readonly code: "locked" | "rate_limited",
    public readonly retryAt: Date,
  ) {
    super();
  }
}

const ZCredentials = z.object({ accountCode: ZAccountCode, password: z.string().min(1).max(200) });

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
          if (result.reason === "invalid") return null;
          throw new SignInBlocked(result.reason, result.retryAt);
        }
        return { ...result.user, id: String(result.user.id) } as never;
      },
    }),
  ],
  callbacks: {
    jwt: ({ token, user }) => {
      if (user) token.user = { ...(user as unknown as SessionUser), id: Number(user.id) };
      return token;
    },
    session: ({ session, token }) => {
      session.user = token.user as SessionUser & typeof session.user;
      return session;
    },
  },
});
