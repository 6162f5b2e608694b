"use server";

// 停用 / 启用 a user; disabling ends all the user's sessions at once.
import { db } from "@/lib/db/client";
import { setUserDisabled } from "@/lib/users/set-user-disabled";
import { ZSetUserDisabled } from "@/lib/validations/user-status";
import { adminAction } from "../admin-action";

export const setUserDisabledAction = adminAction("SET_USER_DISABLED", ZSetUserDisabled, async (input, actor) => {
  await setUserDisabled({ db, admin: { userId: actor.user.id, accountCode: actor.user.accountCode, ip: actor.ip }, input });
  return {};
});
