// Seeds, for a new enterprise, what a reviewer asks the audit log about (issue 18): a subscription extended
// (its entry holding ISO instants) and cancelled with a signature of the legal-person card, two refusals (one
// stored as a refusal key, one as the Chinese prose older entries hold) and a message resent. Prints the ids
// as JSON. Run by admin-audit.spec.ts.
import { randomUUID } from "node:crypto";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db/client";
import { createEnterprise, createManual, createSubscription } from "@/tests/support/factories";
import { runSigned } from "@/tests/support/signing";

async function main() {
  const f = await createEnterprise(db);
  const manual = await createManual(db, { processingUnitCode: f.enterprise.customsCode });
  const subscription = await createSubscription(db, f, manual);
  const actor = { actorUserId: f.user.id, actorAccount: f.user.accountCode, enterpriseId: f.enterprise.id, ip: "10.1.2.3" };
  await writeAudit(db, {
    ...actor,
    action: "EXTEND",
    targetType: "Subscription",
    targetId: subscription.id,
    detail: { from: "2027-06-30T15:59:59.000Z", to: "2027-09-30T15:59:59.000Z" },
  });
  const cancelled = await runSigned({ fixture: f, action: "CANCEL", payload: { subscriptionId: subscription.id } });
  if (!cancelled.ok) throw new Error(cancelled.error);

  const refused = { ...actor, action: "ACTION_REFUSED" as const, outcome: "REFUSED" as const, targetType: "SUBSCRIBE" };
  await writeAudit(db, { ...refused, detail: { reason: "subscriptions.rangeTooLarge", values: { table: "material", max: 10000 } } });
  await writeAudit(db, { ...refused, detail: { reason: "账册号[E00000000000]不存在" } });

  const messageId = `8${String(Date.now()).padStart(19, "0")}`.slice(0, 20);
  await db.pushMessage.create({
    data: {
      messageId,
      dedupeKey: `seed:${randomUUID()}`,
      enterpriseId: f.enterprise.id,
      importClientId: f.client.id,
      emsNo: manual.emsNo,
      type: "INCREMENT",
      dispatchStatus: "FAILED",
      body: `<?xml version="1.0" encoding="UTF-8"?><EmsPushMessage><Head><MessageId>${messageId}</MessageId></Head></EmsPushMessage>`,
    },
  });
  await writeAudit(db, { ...actor, action: "RESEND", targetType: "PushMessage", targetId: messageId, detail: { messageIds: [messageId] } });

  process.stdout.write(
    JSON.stringify({
      customsCode: f.enterprise.customsCode,
      subscriptionId: subscription.id,
      legalCardNo: f.legalCard.cardNo,
      messageId,
      emsNo: manual.emsNo,
    }),
  );
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
