// 停用 / 启用 of a user by a customs admin.
import { z } from "zod";
import { ZAccountCode } from "./identifiers";

export const ZSetUserDisabled = z.object({ accountCode: ZAccountCode, disabled: z.boolean("users.chooseStatus") });
export type TSetUserDisabled = z.infer<typeof ZSetUserDisabled>;
