"use server";

// 绑定/更换卡介质 of an import client, signed with the legal-person card.
import { bindCardHandler } from "@/lib/import-clients/signed-handlers";
import { ZBindCardRequest } from "@/lib/validations/import-client";
import { signedEnterpriseAction } from "../safe-action";

export const bindCardAction = signedEnterpriseAction("CLIENT_BIND", ZBindCardRequest, bindCardHandler);
