// 修改密码: the same schema checks the dialog and the server action. That the new password is not the account
// code is checked by lib/auth/change-password.ts, which knows the account.
import { z } from "zod";

export const ZNewPassword = z
  .string()
  .min(8, "新密码至少 8 位")
  .max(72, "新密码最多 72 位")
  .regex(/\p{L}/u, "新密码须含字母")
  .regex(/\d/, "新密码须含数字");

export const ZChangePassword = z
  .object({
    currentPassword: z.string().min(1, "请输入当前密码").max(200, "当前密码不正确"),
    newPassword: ZNewPassword,
    confirmPassword: z.string().max(200, "两次输入的新密码不一致"),
  })
  .refine((input) => input.confirmPassword === input.newPassword, { path: ["confirmPassword"], message: "两次输入的新密码不一致" });
export type TChangePassword = z.infer<typeof ZChangePassword>;
