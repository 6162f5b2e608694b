"use server";

// 退出 signs out everywhere: the signOut event (lib/auth/index.ts) ends every session of the user, not only
// this browser's.
import { signOut } from "@/lib/auth";

export async function signOutAction() {
  await signOut({ redirectTo: "/login" });
}
