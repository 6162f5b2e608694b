// A subscription's whole life (issue 18): every act on record — subscribe, each extension, the cancellation,
// each resend of its messages (one act per signature, however many messages it named), the expiry — oldest
// first, with who, which card (by its kind), the statement the signer read and 签名复验 computed now.
import type { Db } from "@/lib/db/client";
import { checkSignedEntries } from "./check-signed-entries";
import { signedStatementOf, type SignedEntryCheck } from "./verify-signed-entry";

const RECORD_ACTS = ["SUBSCRIBE", "EXTEND", "CANCEL", "EXPIRE"];

export interface TimelineAct {
  id: bigint;
  at: Date;
  action: string;
  actorAccount: string | null;
  actorName: string | null;
  card: { cardNo: string; kind: "LEGAL_PERSON" | "OPERATOR" | null } | null;
  /** The Chinese statement as signed (statement/2); null for older formats and unsigned acts. */
  statement: string | null;
  check: SignedEntryCheck | null;
  /** A resend: the record's messages it named. */
  messageIds: string[];
}

export async function loadSubscriptionTimeline(options: { db: Db; subscriptionId: number }): Promise<TimelineAct[]> {
  const { db, subscriptionId } = options;
  const resent = await db.pushMessage.findMany({ where: { subscriptionId, resent: true }, select: { messageId: true } });
  const entries = await db.auditLog.findMany({
    where: {
      outcome: "OK",
      OR: [
        { targetType: "Subscription", targetId: String(subscriptionId), action: { in: RECORD_ACTS } },
        ...(resent.length ? [{ targetType: "PushMessage", targetId: { in: resent.map((m) => m.messageId) }, action: "RESEND" }] : []),
      ],
    },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });
  // One resend act writes an entry per message, all with the act's signature.
  const acts = new Map<string, { entry: (typeof entries)[number]; messageIds: string[] }>();
  for (const entry of entries) {
    const key = entry.action === "RESEND" && entry.signature ? `RESEND:${entry.signature}` : `#${entry.id}`;
    const act = acts.get(key) ?? { entry, messageIds: [] };
    if (entry.action === "RESEND" && entry.targetId) act.messageIds.push(entry.targetId);
    acts.set(key, act);
  }
  const list = [...acts.values()];
  const checks = await checkSignedEntries({ db, entries: list.map(({ entry }) => ({ ...entry, at: entry.at })) });
  const cardNos = [...new Set(list.flatMap(({ entry }) => (entry.cardNo ? [entry.cardNo] : [])))];
  const userIds = [...new Set(list.flatMap(({ entry }) => (entry.actorUserId ? [entry.actorUserId] : [])))];
  const [cards, users] = await Promise.all([
    db.card.findMany({ where: { cardNo: { in: cardNos } }, select: { cardNo: true, kind: true } }),
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }),
  ]);
  const kindOf = new Map(cards.map((card) => [card.cardNo, card.kind]));
  const nameOf = new Map(users.map((user) => [user.id, user.name]));
  return list.map(({ entry, messageIds }, index) => ({
    id: entry.id,
    at: entry.at,
    action: entry.action,
    actorAccount: entry.actorAccount,
    actorName: entry.actorUserId ? (nameOf.get(entry.actorUserId) ?? null) : null,
    card: entry.cardNo ? { cardNo: entry.cardNo, kind: kindOf.get(entry.cardNo) ?? null } : null,
    statement: signedStatementOf(entry.signedMessage, entry.signedFormat),
    check: checks[index],
    messageIds,
  }));
}
