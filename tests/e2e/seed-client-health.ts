// Seeds, for demo enterprise 1, a PAUSED import client (failing for two days) and a recovered one (a failure an
// hour ago, delivered since), both bound and sorted after the demo clients so other specs never pick them;
// prints their ids as JSON. Run by enterprise-day.spec.ts through runSeedScript.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { createManual } from "@/tests/support/factories";

const DEMO_ENTERPRISE = "3201931234";
const LEGAL_PERSON_CARD = "8600000100001";
const HOUR = 3_600_000;

async function main() {
  const enterprise = await db.enterprise.findUniqueOrThrow({ where: { customsCode: DEMO_ENTERPRISE }, select: { id: true } });
  const suffix = String(Date.now() % 1e8).padStart(8, "0");
  const now = Date.now();
  // Nothing listens on the discard port: the platform's probes of the paused client keep failing.
  const common = { enterpriseId: enterprise.id, boundCardNo: LEGAL_PERSON_CARD, endpointUrl: "http://127.0.0.1:9/push" };
  const paused = await db.importClient.create({
    data: {
      ...common,
      clientId: `ZP${suffix}`,
      name: "已暂停的客户端",
      status: "PAUSED",
      pausedAt: new Date(now - HOUR),
      failingSince: new Date(now - 48 * HOUR),
    },
  });
  const recovered = await db.importClient.create({
    data: { ...common, clientId: `ZR${suffix}`, name: "已恢复的客户端", lastDeliveredAt: new Date(now - 10 * 60_000) },
  });
  // A data message (test messages never count toward a client's health), failed once and then delivered.
  const manual = await createManual(db, { processingUnitCode: DEMO_ENTERPRISE });
  const message = await db.pushMessage.create({
    data: {
      messageId: `9${suffix}${String(now % 1e11).padStart(11, "0")}`,
      dedupeKey: `seed:${randomUUID()}`,
      enterpriseId: enterprise.id,
      importClientId: recovered.id,
      emsNo: manual.emsNo,
      type: "INCREMENT",
      body: "<EmsPushMessage/>",
      dispatchStatus: "DELIVERED",
      attemptCount: 2,
    },
  });
  await db.deliveryAttempt.createMany({
    data: [
      {
        pushMessageId: message.id,
        importClientId: recovered.id,
        attemptNo: 1,
        startedAt: new Date(now - HOUR),
        durationMs: 3,
        error: "ECONNREFUSED",
        delivered: false,
      },
      {
        pushMessageId: message.id,
        importClientId: recovered.id,
        attemptNo: 2,
        startedAt: new Date(now - 10 * 60_000),
        durationMs: 3,
        httpStatus: 200,
        delivered: true,
      },
    ],
  });
  // The paused client's last attempt: refused, as post-message.ts records it.
  const waiting = await db.pushMessage.create({
    data: {
      messageId: `8${suffix}${String(now % 1e11).padStart(11, "0")}`,
      dedupeKey: `seed:${randomUUID()}`,
      enterpriseId: enterprise.id,
      importClientId: paused.id,
      emsNo: manual.emsNo,
      type: "INCREMENT",
      body: "<EmsPushMessage/>",
      attemptCount: 1,
      lastError: "REFUSED: connect ECONNREFUSED 127.0.0.1:9",
    },
  });
  await db.deliveryAttempt.create({
    data: {
      pushMessageId: waiting.id,
      importClientId: paused.id,
      attemptNo: 1,
      startedAt: new Date(now - HOUR),
      durationMs: 2,
      error: "REFUSED: connect ECONNREFUSED 127.0.0.1:9",
      delivered: false,
    },
  });
  process.stdout.write(JSON.stringify({ paused: paused.clientId, recovered: recovered.clientId }));
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
