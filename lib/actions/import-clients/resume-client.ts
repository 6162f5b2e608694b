"use server";

// 恢复 a paused import client and deliver what waited for it, signed with the legal-person card.
import { resumeClientHandler } from "@/lib/import-clients/signed-handlers";
import { ZClientRequest } from "@/lib/validations/import-client";
import { signedEnterpriseAction } from "../safe-action";

export const resumeClientAction = signedEnterpriseAction("CLIENT_RESUME", ZClientRequest, resumeClientHandler);
