// Runs the signed actions of 导入客户端管理 as the browser does (see signing.ts): challenge, card signature,
// runSignedAction with the same handlers as the server actions.
import type { z } from "zod";
import { runSignedAction, type EnterpriseActor, type SignedContext } from "@/lib/actions/run-signed";
import {
  bindCardHandler,
  changeEndpointHandler,
  registerClientHandler,
  resumeClientHandler,
  unbindCardHandler,
} from "@/lib/import-clients/signed-handlers";
import type { SignedAction } from "@/lib/signing/actions";
import { ZBindCardRequest, ZClientRequest, ZEndpointRequest, ZRegisterClientRequest } from "@/lib/validations/import-client";
import type { createEnterprise } from "./factories";
import { actorFor, signRequest } from "./signing";

type Fixture = Awaited<ReturnType<typeof createEnterprise>>;
type TestCard = { cardNo: string; publicKey: string; privateKey: string };

async function runClientAction<T extends z.ZodType, R extends object>(options: {
  fixture: Fixture;
  action: SignedAction;
  schema: T;
  payload: z.input<T>;
  handler: (input: z.infer<T>, actor: EnterpriseActor, signed: SignedContext) => Promise<R>;
  card?: TestCard;
}) {
  const { fixture, action, schema, payload, handler, card } = options;
  const request = await signRequest({ fixture, action, schema, payload, card });
  return runSignedAction({ actor: actorFor(fixture), action, schema, request, handler });
}

export const registerClient = (fixture: Fixture, payload: z.input<typeof ZRegisterClientRequest>, card?: TestCard) =>
  runClientAction({ fixture, action: "CLIENT_REGISTER", schema: ZRegisterClientRequest, payload, handler: registerClientHandler, card });

export const bindCard = (fixture: Fixture, payload: z.input<typeof ZBindCardRequest>, card?: TestCard) =>
  runClientAction({ fixture, action: "CLIENT_BIND", schema: ZBindCardRequest, payload, handler: bindCardHandler, card });

export const unbindCard = (fixture: Fixture, clientId: string, card?: TestCard) =>
  runClientAction({ fixture, action: "CLIENT_UNBIND", schema: ZClientRequest, payload: { clientId }, handler: unbindCardHandler, card });

export const changeEndpoint = (fixture: Fixture, payload: z.input<typeof ZEndpointRequest>, card?: TestCard) =>
  runClientAction({ fixture, action: "CLIENT_ENDPOINT", schema: ZEndpointRequest, payload, handler: changeEndpointHandler, card });

export const resumeClient = (fixture: Fixture, clientId: string, card?: TestCard) =>
  runClientAction({ fixture, action: "CLIENT_RESUME", schema: ZClientRequest, payload: { clientId }, handler: resumeClientHandler, card });
