// The challenge step of every signed action (the card dialog's first request): the action's checks run before the
// PIN is asked for, and the challenge is issued for the content the server derived — statement included — which
// the browser shows and signs with the card's number (docs/signing.md).
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validations/parse";
import { issueChallenge } from "./challenge";
import type { EnterpriseActor } from "./context";
import { signedActionRegistry } from "./registry";
import { deriveSignedContent } from "./signed-content";

export async function prepareChallenge(options: { db: Db; actor: EnterpriseActor; action: string; payload: unknown; now?: Date }) {
  const { db, actor } = options;
  const now = options.now ?? new Date();
  const definition = signedActionRegistry.get(options.action);
  if (!definition) throw new AppError("INVALID_INPUT", "signing.unsupportedAction");
  const input = parseOrThrow(definition.schema, options.payload);
  const { content, phrases } = await db.$transaction((tx) => deriveSignedContent(definition, input, { tx, actor, now }));
  const { challengeId } = await issueChallenge({ db, userId: actor.user.id, content, now });
  return { challengeId, content, phrases, cardKinds: [...definition.cardKinds] };
}

export type PreparedChallenge = Awaited<ReturnType<typeof prepareChallenge>>;
