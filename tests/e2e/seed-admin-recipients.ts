// Seeds, for admin-review.spec.ts, a manual of demo enterprise 1 whose data went to two enterprises: 23 messages
// dispatched today to a new client of enterprise 1 (21 下发成功, 2 下发失败; more than a page of the push-message
// list) and one delivered 10 days ago to a new client of demo enterprise 2, outside the last 7 days. Both clients
// unbound, so no enterprise spec's picker offers them. Prints the manual number and the client ids as JSON.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { createManual } from "@/tests/support/factories";

const DAY = 86_400_000;

async function main() {
  const [first, second] = await Promise.all(
    ["3201931234", "4403940123"].map((customsCode) => db.enterprise.findUniqueOrThrow({ where: { customsCode }, select: { id: true } })),
  );
  const suffix = String(Date.now() % 1e8).padStart(8, "0");
  const client = (enterpriseId: number, prefix: string, name: string) =>
    db.importClient.create({ data: { enterpriseId, clientId: `${prefix}${suffix}`, name, endpointUrl: "http://127.0.0.1:9/push" } });
  const recent = await client(first.id, "RA", "本周接收的客户端");
  const old = await client(second.id, "RB", "上月接收的客户端");
  const manual = await createManual(db, { processingUnitCode: "3201931234" });
  const now = Date.now();
  let n = 0;
  const message = (enterpriseId: number, importClientId: number, at: number, dispatchStatus: "DELIVERED" | "FAILED") => {
    const messageId = `8${suffix}${String((now + ++n) % 1e11).padStart(11, "0")}`;
    return {
      messageId,
      dedupeKey: `seed:${randomUUID()}`,
      enterpriseId,
      importClientId,
      type: "INCREMENT" as const,
      emsNo: manual.emsNo,
      body: `<?xml version="1.0" encoding="UTF-8"?><EmsPushMessage><Head><MessageId>${messageId}</MessageId></Head></EmsPushMessage>`,
      dispatchStatus,
      dispatchedAt: new Date(at),
      deliveredAt: dispatchStatus === "DELIVERED" ? new Date(at + 1_000) : null,
    };
  };
  await db.pushMessage.createMany({
    data: [
      ...Array.from({ length: 23 }, (_, i) => message(first.id, recent.id, now - 60_000 * (i + 1), i < 2 ? "FAILED" : "DELIVERED")),
      message(second.id, old.id, now - 10 * DAY, "DELIVERED"),
    ],
  });
  process.stdout.write(JSON.stringify({ emsNo: manual.emsNo, recent: recent.clientId, old: old.clientId }));
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
