"use server";

// Issues the single-use challenge a card signs, for any action of the registry (lib/signing/registry.ts): the
// request is checked first, so that errors appear before the user is asked for the PIN, and the answer carries
// the statement to show and the content to sign.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { prepareChallenge } from "@/lib/signing/prepare-challenge";
import type { SignedActionName } from "@/lib/signing/registry";
import { enterpriseAction } from "../safe-action";

const ZChallengeRequest = z.object({ action: z.string().max(40), payload: z.unknown() });

export const requestChallengeAction = enterpriseAction(ZChallengeRequest, (request, actor) =>
  prepareChallenge({ db, actor, action: request.action, payload: request.payload }),
);

export type TChallengeRequest = { action: SignedActionName; payload: unknown };
