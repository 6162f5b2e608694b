"use server";

// 注册导入客户端 (definition: lib/import-clients/actions/register.ts).
import { registerClient } from "@/lib/import-clients/actions/register";
import { signedEnterpriseAction } from "../safe-action";

export const registerClientAction = signedEnterpriseAction(registerClient);
