// R18: one push message as a customs admin inspects it (/admin/push-messages/<messageId>): the enterprise's
// detail (lib/pushes/detail.ts: XML, every attempt), who it is for, its client's health now, and the platform
// signature headers of its latest attempt, verified (lib/pushes/signature-headers.ts). 下发次数 and 最近错误
// are read from the attempts themselves, as in the list (list-push-messages.ts).
import type { Db } from "@/lib/db/client";
import { findPushMessageDetail } from "@/lib/pushes/detail";
import { checkSignatureHeaders } from "@/lib/pushes/signature-headers";
import { clientHealthSelect, withHealthFigures } from "./client-health";

export async function loadPushMessageForReview(options: { db: Db; messageId: string; now?: Date }) {
  const { db, messageId } = options;
  const [found, context] = await Promise.all([
    findPushMessageDetail({ db, where: { messageId } }),
    db.pushMessage.findUnique({
      where: { messageId },
      select: {
        subscriptionId: true,
        manualChangeId: true,
        enterprise: { select: { customsCode: true, name: true } },
        importClient: { select: clientHealthSelect },
      },
    }),
  ]);
  if (!found || !context) return null;
  const { detail, body } = found;
  const [client] = await withHealthFigures({ db, clients: [context.importClient] });
  const failed = detail.attempts.filter((a) => !a.delivered);
  const latest = detail.attempts.at(-1);
  return {
    ...detail,
    attemptCount: detail.attempts.length,
    failedAttempts: failed.length,
    lastError: failed.at(-1)?.error ?? null,
    subscriptionId: context.subscriptionId,
    manualChangeId: context.manualChangeId,
    enterprise: context.enterprise,
    client,
    signature: checkSignatureHeaders({ messageId, body, at: latest?.startedAt ?? options.now ?? new Date() }),
    /** The timestamp stands for the latest attempt; without one, for now. */
    signatureOfAttempt: latest?.attemptNo ?? null,
  };
}
export type PushMessageReview = NonNullable<Awaited<ReturnType<typeof loadPushMessageForReview>>>;
