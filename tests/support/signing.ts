// Signs requests as the browser's card dialog does: ask for a challenge, sign its message with the card's
// key, send payload + proof through runSignedAction (the same path as the server actions).
import type { z } from "zod";
import type { EnterpriseActor } from "@/lib/actions/run-signed";
import { sm2Sign } from "@/lib/crypto/sm2";
import { db } from "@/lib/db/client";
import type { SignedAction } from "@/lib/signing/actions";
import { issueChallenge } from "@/lib/signing/challenge";
import type { createEnterprise } from "./factories";

type Fixture = Awaited<ReturnType<typeof createEnterprise>>;
type TestCard = { cardNo: string; publicKey: string; privateKey: string };

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

export async function signRequest<T extends z.ZodType>(options: {
  fixture: Fixture;
  action: SignedAction;
  schema: T;
  payload: z.input<T>;
  card?: TestCard;
  now?: Date;
}) {
  const card = options.card ?? options.fixture.legalCard;
  // The challenge covers the parsed payload, as requestChallengeAction issues it; an invalid payload is
  // signed as sent so that tests can show the action refusing it.
  const parsed = options.schema.safeParse(options.payload);
  const signedPayload = parsed.success ? parsed.data : options.payload;
  const { challengeId, message } = await issueChallenge({
    db,
    userId: options.fixture.user.id,
    action: options.action,
    payload: signedPayload,
    now: options.now,
  });
  return {
    payload: options.payload,
    proof: { challengeId, cardNo: card.cardNo, signature: sm2Sign(card.privateKey, card.publicKey, message) },
    message,
  };
}
