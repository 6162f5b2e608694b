// 创建海关管理员 (npm run admin:create): the account, the name and a password under the portal's password rules.
import { z } from "zod";
import { ZAccountCode } from "./identifiers";
import { ZNewPassword } from "./password";

export const ZCustomsAdmin = z
  .object({
    accountCode: ZAccountCode,
    name: z.string().trim().min(1, "admins.nameRequired").max(50, "admins.nameTooLong"),
    password: ZNewPassword,
  })
  .refine((input) => !input.password.toUpperCase().includes(input.accountCode), { path: ["password"], message: "password.containsAccount" });
export type TCustomsAdmin = z.infer<typeof ZCustomsAdmin>;
