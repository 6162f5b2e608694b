"use server";

// 绑定/更换卡介质 (definition: lib/import-clients/actions/bind-card.ts).
import { bindCard } from "@/lib/import-clients/actions/bind-card";
import { signedEnterpriseAction } from "../safe-action";

export const bindCardAction = signedEnterpriseAction(bindCard);
