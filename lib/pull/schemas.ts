// The JSON bodies of the pull API (docs/delivery-protocol.md B.3–B.5).
import { z } from "zod";
import { ZMessageId } from "@/lib/validations/identifiers";
import {
  MANIFEST_MAX_DAYS,
  PULL_DEFAULT_LEASE_SECONDS,
  PULL_MAX_ACK,
  PULL_MAX_FETCH,
  PULL_MAX_LEASE_SECONDS,
  PULL_MAX_MESSAGES,
  PULL_MAX_WAIT_SECONDS,
  PULL_MIN_LEASE_SECONDS,
} from "./protocol";

const whole = (min: number, max: number) => z.number().int().min(min).max(max);

export const ZPullRequest = z
  .object({
    max: whole(1, PULL_MAX_MESSAGES).default(PULL_MAX_MESSAGES),
    waitSeconds: whole(0, PULL_MAX_WAIT_SECONDS).default(25),
    leaseSeconds: whole(PULL_MIN_LEASE_SECONDS, PULL_MAX_LEASE_SECONDS).default(PULL_DEFAULT_LEASE_SECONDS),
  })
  .strict();

export const ZAckRequest = z.object({ messageIds: z.array(ZMessageId).min(1).max(PULL_MAX_ACK) }).strict();

export const ZFetchRequest = z.object({ messageIds: z.array(ZMessageId).min(1).max(PULL_MAX_FETCH) }).strict();

export const ZManifestRequest = z
  .object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) })
  .strict()
  .transform((range) => ({ from: new Date(range.from), to: new Date(range.to) }))
  .refine((range) => range.from < range.to, "from must be before to")
  .refine((range) => range.to.getTime() - range.from.getTime() <= MANIFEST_MAX_DAYS * 86_400_000, `at most ${MANIFEST_MAX_DAYS} days`);
