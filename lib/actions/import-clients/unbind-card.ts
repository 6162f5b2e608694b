"use server";

// 解绑卡介质 of an import client, signed with the legal-person card.
import { unbindCardHandler } from "@/lib/import-clients/signed-handlers";
import { ZClientRequest } from "@/lib/validations/import-client";
import { signedEnterpriseAction } from "../safe-action";

export const unbindCardAction = signedEnterpriseAction("CLIENT_UNBIND", ZClientRequest, unbindCardHandler);
