"use server";

// 注册导入客户端: the platform assigns the 客户端ID; signed with the legal-person card.
import { registerClientHandler } from "@/lib/import-clients/signed-handlers";
import { ZRegisterClientRequest } from "@/lib/validations/import-client";
import { signedEnterpriseAction } from "../safe-action";

export const registerClientAction = signedEnterpriseAction("CLIENT_REGISTER", ZRegisterClientRequest, registerClientHandler);
