"use server";

// 修改密码 of the signed-in user (either role); every session of the user ends, this browser's cookie is cleared.
import { signOut } from "@/lib/auth";
import { changePassword } from "@/lib/auth/change-password";
import { db } from "@/lib/db/client";
import { ZChangePassword } from "@/lib/validations/password";
import { userAction } from "../safe-action";

export const changePasswordAction = userAction(ZChangePassword, async (input, actor) => {
  await changePassword({ db, user: actor.user, ip: actor.ip, input });
  await signOut({ redirect: false });
  return {};
});
