// Runs the signed actions of 导入客户端管理 as the browser does (see signing.ts): challenge, card signature,
// runSignedAction with the definitions the server actions use.
import type { z } from "zod";
import type { ZBindCardRequest, ZEndpointRequest, ZRegisterClientRequest } from "@/lib/validations/import-client";
import type { createEnterprise } from "./factories";
import { runSigned, type TestCard } from "./signing";

type Fixture = Awaited<ReturnType<typeof createEnterprise>>;

export const registerClient = (fixture: Fixture, payload: z.input<typeof ZRegisterClientRequest>, card?: TestCard) =>
  runSigned({ fixture, action: "CLIENT_REGISTER", payload, card });

export const bindCard = (fixture: Fixture, payload: z.input<typeof ZBindCardRequest>, card?: TestCard) =>
  runSigned({ fixture, action: "CLIENT_BIND", payload, card });

export const unbindCard = (fixture: Fixture, clientId: string, card?: TestCard) =>
  runSigned({ fixture, action: "CLIENT_UNBIND", payload: { clientId }, card });

export const changeEndpoint = (fixture: Fixture, payload: z.input<typeof ZEndpointRequest>, card?: TestCard) =>
  runSigned({ fixture, action: "CLIENT_ENDPOINT", payload, card });

export const resumeClient = (fixture: Fixture, clientId: string, card?: TestCard) =>
  runSigned({ fixture, action: "CLIENT_RESUME", payload: { clientId }, card });
