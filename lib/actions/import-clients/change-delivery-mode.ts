"use server";

// 修改下发方式 (definition: lib/import-clients/actions/change-delivery-mode.ts).
import { changeClientDeliveryMode } from "@/lib/import-clients/actions/change-delivery-mode";
import { signedEnterpriseAction } from "../safe-action";

export const changeDeliveryModeAction = signedEnterpriseAction(changeClientDeliveryMode);
