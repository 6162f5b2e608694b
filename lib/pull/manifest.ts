// Reconciliation: the platform-signed list of every message of the client dispatched in [from, to), oldest first,
// with the SM3 of each body and its status, so that the client can prove it holds everything and fetch what it
// lacks (docs/delivery-protocol.md B.5). The signature covers the answer's exact bytes (protocol.ts).
import { pgPool } from "@/lib/db/client";
import type { EnterpriseScope } from "@/lib/db/tenancy";
import { getPlatformKeyPair, type PlatformKeyPair } from "@/lib/signing/platform-key";
import { createSm2Signer } from "@/lib/signing/sm2-fixed-key";
import { PullError } from "./errors";
import { MANIFEST_HEADERS, MANIFEST_MAX_ENTRIES, manifestCanonicalString, sm3Hex, type Manifest, type ManifestEntry } from "./protocol";

const PAGE = 500;

export async function buildManifest(options: {
  importClientId: number;
  clientId: string;
  scope: EnterpriseScope;
  from: Date;
  to: Date;
  now?: Date;
}): Promise<Manifest> {
  const { importClientId, scope, from, to } = options;
  const messages: ManifestEntry[] = [];
  let afterId = 0;
  for (;;) {
    const { rows } = await pgPool().query<ManifestRow>(PAGE_SQL, [importClientId, scope.enterpriseId, from, to, afterId, PAGE]);
    for (const row of rows) {
      messages.push({
        messageId: row.messageId,
        type: row.type,
        emsNo: row.emsNo,
        bodySm3: sm3Hex(row.body),
        status: row.dispatchStatus,
        dispatchedAt: row.dispatchedAt.toISOString(),
      });
    }
    if (messages.length > MANIFEST_MAX_ENTRIES)
      throw new PullError(400, "RANGE_TOO_LARGE", `more than ${MANIFEST_MAX_ENTRIES} messages; ask for a shorter range`);
    if (rows.length < PAGE) break;
    afterId = rows[rows.length - 1].id;
  }
  return {
    clientId: options.clientId,
    from: from.toISOString(),
    to: to.toISOString(),
    generatedAt: (options.now ?? new Date()).toISOString(),
    messages,
  };
}

interface ManifestRow {
  id: number;
  messageId: string;
  type: string;
  emsNo: string | null;
  body: string;
  dispatchStatus: ManifestEntry["status"];
  dispatchedAt: Date;
}

const PAGE_SQL = `
  SELECT id, "messageId", type::text AS type, "emsNo", body, "dispatchStatus"::text AS "dispatchStatus", "dispatchedAt"
  FROM "PushMessage"
  WHERE "importClientId" = $1 AND "enterpriseId" = $2 AND "dispatchedAt" >= $3 AND "dispatchedAt" < $4 AND id > $5
  ORDER BY id LIMIT $6`;

let signer: { keyPair: PlatformKeyPair; sign: (message: string) => string } | undefined;

/** The manifest as the answer's bytes with the platform's signature headers over them. */
export function signedManifestResponse(options: { manifest: Manifest; now?: Date }): Response {
  const body = JSON.stringify(options.manifest);
  const timestamp = String((options.now ?? new Date()).getTime());
  const keyPair = getPlatformKeyPair();
  if (signer?.keyPair !== keyPair) signer = { keyPair, sign: createSm2Signer(keyPair) };
  const signature = signer.sign(manifestCanonicalString({ clientId: options.manifest.clientId, timestamp, body }));
  return new Response(body, {
    status: 200,
    headers: { "Content-Type": "application/json; charset=utf-8", [MANIFEST_HEADERS.timestamp]: timestamp, [MANIFEST_HEADERS.signature]: signature },
  });
}
