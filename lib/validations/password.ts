// 修改密码: the same schema checks the dialog and the server action. That the new password is not the account
// code is checked by lib/auth/change-password.ts, which knows the account.
import { z } from "zod";

export const ZNewPassword = z
  .string()
  .min(8, "password.tooShort")
  .max(72, "password.tooLong")
  .regex(/\p{L}/u, "password.needsLetter")
  .regex(/\d/, "password.needsDigit");

export const ZChangePassword = z
  .object({
    currentPassword: z.string().min(1, "password.currentRequired").max(200, "auth.currentPasswordWrong"),
    newPassword: ZNewPassword,
    confirmPassword: z.string().max(200, "password.mismatch"),
  })
  .refine((input) => input.confirmPassword === input.newPassword, { path: ["confirmPassword"], message: "password.mismatch" });
export type TChangePassword = z.infer<typeof ZChangePassword>;
