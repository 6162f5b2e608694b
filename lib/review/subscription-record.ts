// R18: one subscription record as a customs admin opens it: the signed statement and request, the signing card
// and its holder, 签名验证 computed now, and the record's push messages.
import type { Db } from "@/lib/db/client";
import { parseSignedDocument } from "@/lib/signing/canonical";
import { subscriptionContent } from "@/lib/subscriptions/content";
import { effectiveStatus } from "@/lib/subscriptions/validity";
import { countPushMessages } from "./push-counts";
import { signedFormatOf, verifySubscriptionSignature } from "./verify-subscription-signature";

export async function loadSubscriptionRecord(options: { db: Db; subscriptionId: number; now?: Date }) {
  const now = options.now ?? new Date();
  const record = await options.db.subscription.findUnique({
    where: { id: options.subscriptionId },
    include: {
      enterprise: { select: { id: true, customsCode: true, name: true } },
      importClient: { select: { clientId: true, name: true, endpointUrl: true, status: true } },
      signingCard: { select: { cardNo: true, kind: true, holder: true, status: true, publicKey: true, enterpriseId: true, revokedAt: true } },
    },
  });
  if (!record) return null;
  const pushCounts = await countPushMessages({ db: options.db, subscriptionIds: [record.id] });
  const signatureCheck = verifySubscriptionSignature({
    signedPayload: record.signedPayload,
    signature: record.signature,
    enterpriseId: record.enterpriseId,
    card: record.signingCard,
    signedAt: record.createdAt,
    record: { ...record, clientId: record.importClient.clientId },
  });
  const { cardNo, kind, holder, status, publicKey } = record.signingCard;
  return {
    id: record.id,
    enterprise: record.enterprise,
    importClient: record.importClient,
    card: { cardNo, kind, holder, status, publicKey },
    content: subscriptionContent(record),
    enteredBy: record.enteredBy,
    createdAt: record.createdAt,
    validUntil: record.validUntil,
    cancelledAt: record.cancelledAt,
    status: effectiveStatus(record, now),
    signedPayload: record.signedPayload,
    /** What the signer read (statement/2); null for a record signed in the older format. */
    statement: parseSignedDocument(record.signedPayload)?.statement ?? null,
    signedFormat: signedFormatOf(record.signedPayload),
    signature: record.signature,
    signatureCheck,
    pushCount: pushCounts.get(record.id) ?? 0,
  };
}

export type SubscriptionRecord = NonNullable<Awaited<ReturnType<typeof loadSubscriptionRecord>>>;
