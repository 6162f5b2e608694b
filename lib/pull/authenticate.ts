// Who is pulling: every pull request is signed with the SM2 key of the card medium bound to its import client
// (docs/delivery-protocol.md B.2). Checked in this order so that an unsigned caller learns nothing but the
// binding: the client and its bound card, the signature over the canonical request, the timestamp window, and
// the nonce, which is stored once (a replay inside the window finds it). The scope returned is the client's
// enterprise: every later query of the request composes it (lib/db/tenancy.ts).
import { db } from "@/lib/db/client";
import type { EnterpriseScope } from "@/lib/db/tenancy";
import { createSm2DigestVerifier, sm2DigestFor } from "@/lib/signing/sm2-fixed-key";
import { ZClientId } from "@/lib/validations/identifiers";
import { PullError } from "./errors";
import { PULL_HEADERS, PULL_TIMESTAMP_WINDOW_MS, pullCanonicalRequest } from "./protocol";

export interface PullClient {
  id: number;
  clientId: string;
  scope: EnterpriseScope;
  deliveryMode: "PUSH" | "PULL";
  deliveryModeChangedAt: Date | null;
  paused: boolean;
}

const NONCE = /^[0-9A-Za-z_-]{16,64}$/;
const TIMESTAMP = /^\d{1,16}$/;
const SIGNATURE = /^[0-9a-fA-F]{16,200}$/;

export async function authenticatePullRequest(options: { request: Request; body: Uint8Array; now?: Date }): Promise<PullClient> {
  const { request, body } = options;
  const now = options.now ?? new Date();
  const header = (name: string) => request.headers.get(name) ?? "";
  const clientId = ZClientId.safeParse(header(PULL_HEADERS.clientId));
  const timestamp = header(PULL_HEADERS.timestamp);
  const nonce = header(PULL_HEADERS.nonce);
  const signature = header(PULL_HEADERS.signature);
  if (!clientId.success || !TIMESTAMP.test(timestamp) || !NONCE.test(nonce) || !SIGNATURE.test(signature)) {
    throw new PullError(401, "AUTH_FAILED", `headers ${Object.values(PULL_HEADERS).join(", ")} are required in their documented form`);
  }
  const client = await db.importClient.findUnique({
    where: { clientId: clientId.data },
    select: {
      id: true,
      clientId: true,
      enterpriseId: true,
      status: true,
      deliveryMode: true,
      deliveryModeChangedAt: true,
      boundCard: { select: { publicKey: true, status: true, enterpriseId: true } },
    },
  });
  // An unknown client reads as a bad signature: ids cannot be probed.
  if (!client) throw new PullError(401, "AUTH_FAILED", "signature does not verify");
  const card = client.boundCard;
  if (!card || card.status !== "ACTIVE" || card.enterpriseId !== client.enterpriseId) {
    throw new PullError(403, "CLIENT_NOT_BOUND", "the client has no card medium in use bound to it; bind one on the portal");
  }
  const canonical = pullCanonicalRequest({
    clientId: client.clientId,
    method: request.method,
    path: new URL(request.url).pathname,
    timestamp,
    nonce,
    body,
  });
  if (!verifierFor(card.publicKey)(canonical, signature)) throw new PullError(401, "AUTH_FAILED", "signature does not verify");
  if (Math.abs(now.getTime() - Number(timestamp)) > PULL_TIMESTAMP_WINDOW_MS) {
    throw new PullError(401, "STALE_TIMESTAMP", `timestamp is more than ${PULL_TIMESTAMP_WINDOW_MS / 1000} s from the portal's clock`);
  }
  await consumeNonce({ importClientId: client.id, nonce, now });
  return {
    id: client.id,
    clientId: client.clientId,
    scope: { enterpriseId: client.enterpriseId },
    deliveryMode: client.deliveryMode,
    deliveryModeChangedAt: client.deliveryModeChangedAt,
    paused: client.status === "PAUSED",
  };
}

/** Stores the nonce until its timestamp has left the window, dropping the client's expired ones. */
async function consumeNonce(options: { importClientId: number; nonce: string; now: Date }) {
  const { importClientId, nonce, now } = options;
  const expiresAt = new Date(now.getTime() + 2 * PULL_TIMESTAMP_WINDOW_MS);
  const inserted = await db.$executeRaw`
    WITH pruned AS (DELETE FROM "PullNonce" WHERE "importClientId" = ${importClientId} AND "expiresAt" < ${now})
    INSERT INTO "PullNonce" ("importClientId", nonce, "expiresAt") VALUES (${importClientId}, ${nonce}, ${expiresAt})
    ON CONFLICT DO NOTHING`;
  if (inserted !== 1) throw new PullError(401, "NONCE_REUSED", "this nonce was used before");
}

// Z and the key's point once per card key: a client pulls all day with the same card.
const verifiers = new Map<string, (message: string, signature: string) => boolean>();

function verifierFor(publicKey: string) {
  let verifier = verifiers.get(publicKey);
  if (!verifier) {
    const digestOf = sm2DigestFor(publicKey);
    const verifyDigest = createSm2DigestVerifier(publicKey);
    verifier = (message, signature) => verifyDigest(digestOf(message), signature);
    if (verifiers.size >= 1_000) verifiers.clear();
    verifiers.set(publicKey, verifier);
  }
  return verifier;
}
