// 修改下发方式 of an import client: 推送 (PUSH, the platform POSTs) or 拉取 (PULL, the client pulls: lib/pull).
import { z } from "zod";
import { ZClientId } from "./identifiers";

export const DELIVERY_MODES = ["PUSH", "PULL"] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export const ZDeliveryModeRequest = z.object({ clientId: ZClientId, deliveryMode: z.enum(DELIVERY_MODES, "importClients.deliveryModeInvalid") });
export type TDeliveryModeRequest = z.infer<typeof ZDeliveryModeRequest>;
