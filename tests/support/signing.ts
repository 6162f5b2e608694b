// Signs requests as the browser's card dialog does: ask for a challenge (the action's checks, its statement),
// sign the content with the card's key and number, send payload + proof through runSignedAction with the
// action's definition from the registry (the same path as the server actions).
import { runSignedAction } from "@/lib/actions/run-signed";
import { sm2Sign } from "@/lib/crypto/sm2";
import { db } from "@/lib/db/client";
import { AppError, type ActionResult } from "@/lib/errors";
import { signingMessage, withoutEmptyFields, type SignedContent } from "@/lib/signing/canonical";
import { issueChallenge } from "@/lib/signing/challenge";
import type { EnterpriseActor } from "@/lib/signing/context";
import { prepareChallenge } from "@/lib/signing/prepare-challenge";
import { signedActionRegistry, type SignedActionName, type SignedActionOf } from "@/lib/signing/registry";
import type { createEnterprise } from "./factories";

type Fixture = Awaited<ReturnType<typeof createEnterprise>>;
/** What an action answers on success, from its definition's handle. */
export type SignedResult<N extends SignedActionName> = Awaited<ReturnType<SignedActionOf<N>["handle"]>>;
export type TestCard = { cardNo: string; publicKey: string; privateKey: string };

export function actorFor(fixture: Fixture): EnterpriseActor {
  return {
    user: {
      id: fixture.user.id,
      accountCode: fixture.user.accountCode,
      name: fixture.user.name,
      role: "ENTERPRISE_USER",
      enterpriseId: fixture.enterprise.id,
      enterpriseName: fixture.enterprise.name,
      customsCode: fixture.enterprise.customsCode,
    },
    scope: { enterpriseId: fixture.enterprise.id },
    ip: "127.0.0.1",
  };
}

/**
 * A challenge as requestChallengeAction issues it. A request its checks refuse gets no challenge there; here it
 * gets one for its bare payload (no statement), so that tests can show the signed action refusing it too.
 */
async function challengeFor(options: { fixture: Fixture; action: SignedActionName; payload: unknown; now?: Date }) {
  const actor = actorFor(options.fixture);
  try {
    return await prepareChallenge({ db, actor, action: options.action, payload: options.payload, now: options.now });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const parsed = signedActionRegistry.get(options.action)!.schema.safeParse(options.payload);
    const content: SignedContent = {
      action: options.action,
      enterprise: options.fixture.enterprise.customsCode,
      statement: "",
      payload: withoutEmptyFields(parsed.success ? parsed.data : options.payload),
    };
    return { ...(await issueChallenge({ db, userId: actor.user.id, content, now: options.now })), content, phrases: [] };
  }
}

export async function signRequest<P>(options: { fixture: Fixture; action: SignedActionName; payload: P; card?: TestCard; now?: Date }) {
  const card = options.card ?? options.fixture.legalCard;
  const challenge = await challengeFor(options);
  const message = signingMessage(challenge.content, challenge.challengeId, card.cardNo);
  return {
    payload: options.payload,
    proof: { challengeId: challenge.challengeId, cardNo: card.cardNo, signature: sm2Sign(card.privateKey, card.publicKey, message) },
    message,
    statement: challenge.content.statement,
  };
}

/** Signs and runs a signed action as the fixture's user, with its legal-person card unless another is given. */
export async function runSigned<N extends SignedActionName>(options: {
  fixture: Fixture;
  action: N;
  payload: unknown;
  card?: TestCard;
  now?: Date;
}): Promise<ActionResult<SignedResult<N>>> {
  const request = await signRequest(options);
  return runSignedAction({ actor: actorFor(options.fixture), definition: signedActionRegistry.get(options.action)!, request }) as Promise<
    ActionResult<SignedResult<N>>
  >;
}
