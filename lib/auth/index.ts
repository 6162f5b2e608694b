// Auth.js (next-auth v5) with credentials; the JWT session carries role and enterprise.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { ZAccountCode } from "@/lib/validations/identifiers";
import { verifyCredentials, type SessionUser } from "./credentials";

declare module "next-auth" {
  interface Session {
    user: SessionUser;
  }
  interface User extends SessionUser {}
}

class AccountLocked extends CredentialsSignin {
  code = "locked";
}

const ZCredentials = z.object({ accountCode: ZAccountCode, password: z.string().min(1).max(200) });

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { accountCode: {}, password: {} },
      authorize: async (raw, request) => {
        const parsed = ZCredentials.safeParse(raw);
        if (!parsed.success) return null;
        const ip = request?.headers?.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null;
        const result = await verifyCredentials({ db, ...parsed.data, ip });
        if (!result.ok) {
          if (result.reason === "locked") throw new AccountLocked();
          return null;
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
