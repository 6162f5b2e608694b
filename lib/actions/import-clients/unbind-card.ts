"use server";

// 解绑卡介质 (definition: lib/import-clients/actions/unbind-card.ts).
import { unbindCard } from "@/lib/import-clients/actions/unbind-card";
import { signedEnterpriseAction } from "../safe-action";

export const unbindCardAction = signedEnterpriseAction(unbindCard);
