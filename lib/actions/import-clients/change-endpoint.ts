"use server";

// 修改接收地址 of an import client, signed with the legal-person card.
import { changeEndpointHandler } from "@/lib/import-clients/signed-handlers";
import { ZEndpointRequest } from "@/lib/validations/import-client";
import { signedEnterpriseAction } from "../safe-action";

export const changeEndpointAction = signedEnterpriseAction("CLIENT_ENDPOINT", ZEndpointRequest, changeEndpointHandler);
