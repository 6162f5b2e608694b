// Seeds, for demo enterprise 1, what a customs reviewer inspects (issue 18): a client failing for two hours
// (a data message 下发失败 after 3 failed attempts, and a failed test message that counts nowhere), and a recovered
// client (an old pause, an old 下发失败 message, and a message delivered at its 3rd attempt). Both unbound, so no
// enterprise spec's picker offers them; prints their ids and the messages' ids as JSON. Run by admin-review.spec.ts.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { createManual } from "@/tests/support/factories";

const DEMO_ENTERPRISE = "3201931234";
const MINUTE = 60_000;

async function main() {
  const enterprise = await db.enterprise.findUniqueOrThrow({ where: { customsCode: DEMO_ENTERPRISE }, select: { id: true } });
  const suffix = String(Date.now() % 1e8).padStart(8, "0");
  const now = Date.now();
  const common = { enterpriseId: enterprise.id, endpointUrl: "http://127.0.0.1:9/push" };
  const failingSince = new Date(now - 120 * MINUTE);
  const failing = await db.importClient.create({ data: { ...common, clientId: `ZF${suffix}`, name: "持续失败的客户端", failingSince } });
  const recovered = await db.importClient.create({
    data: {
      ...common,
      clientId: `ZQ${suffix}`,
      name: "已恢复的客户端",
      pausedAt: new Date(now - 3 * 86_400_000),
      resumedAt: new Date(now - 2 * 86_400_000),
      lastDeliveredAt: new Date(now - 5 * MINUTE),
    },
  });
  const manual = await createManual(db, { processingUnitCode: DEMO_ENTERPRISE });
  let n = 0;
  const message = (
    importClientId: number,
    data: { type?: "INCREMENT" | "TEST"; dispatchStatus: "DELIVERED" | "FAILED"; attemptCount: number; lastError?: string; deliveredAt?: Date },
  ) => {
    const messageId = `9${suffix}${String((now + ++n) % 1e11).padStart(11, "0")}`;
    const { type = "INCREMENT", ...rest } = data;
    return db.pushMessage.create({
      data: {
        messageId,
        dedupeKey: `seed:${randomUUID()}`,
        enterpriseId: enterprise.id,
        importClientId,
        type,
        emsNo: type === "TEST" ? null : manual.emsNo,
        body: `<?xml version="1.0" encoding="UTF-8"?><EmsPushMessage><Head><MessageId>${messageId}</MessageId></Head></EmsPushMessage>`,
        dispatchedAt: new Date(now - 130 * MINUTE),
        ...rest,
      },
    });
  };
  const attempt = (pushMessageId: number, importClientId: number, attemptNo: number, startedAt: number, delivered: boolean) => ({
    pushMessageId,
    importClientId,
    attemptNo,
    startedAt: new Date(startedAt),
    durationMs: 7,
    httpStatus: delivered ? 200 : 503,
    error: delivered ? null : "HTTP_STATUS: HTTP 503: busy",
    delivered,
  });

  const failed = await message(failing.id, { dispatchStatus: "FAILED", attemptCount: 3, lastError: "HTTP_STATUS: HTTP 503: busy" });
  const failedTest = await message(failing.id, { type: "TEST", dispatchStatus: "FAILED", attemptCount: 1, lastError: "HTTP_STATUS: HTTP 503: busy" });
  const oldFailed = await message(recovered.id, { dispatchStatus: "FAILED", attemptCount: 0 });
  // What the list used to show as "下发次数 3" with an empty error: the success cleared the message's lastError.
  const deliveredLate = await message(recovered.id, { dispatchStatus: "DELIVERED", attemptCount: 3, deliveredAt: new Date(now - 5 * MINUTE) });
  await db.deliveryAttempt.createMany({
    data: [
      ...[0, 1, 2].map((i) => attempt(failed.id, failing.id, i + 1, failingSince.getTime() + i * MINUTE, false)),
      attempt(failedTest.id, failing.id, 1, now - 30 * MINUTE, false),
      attempt(deliveredLate.id, recovered.id, 1, now - 20 * MINUTE, false),
      attempt(deliveredLate.id, recovered.id, 2, now - 15 * MINUTE, false),
      attempt(deliveredLate.id, recovered.id, 3, now - 5 * MINUTE, true),
    ],
  });
  process.stdout.write(
    JSON.stringify({
      failing: failing.clientId,
      recovered: recovered.clientId,
      failedMessage: failed.messageId,
      oldFailedMessage: oldFailed.messageId,
      deliveredLate: deliveredLate.messageId,
    }),
  );
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
