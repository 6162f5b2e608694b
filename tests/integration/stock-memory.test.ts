// Nothing keeps a stock push's bodies alive once they are stored: they go to PostgreSQL on pg, not through
// Prisma, whose debug history (@prisma/debug keeps the arguments of its last 100 calls, DEBUG set or not)
// would hold every body of the last few dozen queries (lib/db/sql.ts).
import { expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { dispatchStockSubscription } from "@/lib/pushes/dispatch-stock";
import { createEnterprise, createManual, createStockSubscription } from "../support/factories";
import { retainedHeapBytes } from "../support/heap";

test("after a stock dispatch of ten parts, the retained heap holds less than one part's body", { timeout: 300_000 }, async () => {
  const fixture = await createEnterprise(db);
  const manual = await createManual(db, { processingUnitCode: fixture.enterprise.customsCode, materials: 10_000, products: 10_000 });
  const subscription = await createStockSubscription(db, fixture, manual, { materials: { from: 1, to: 10_000 }, products: { from: 1, to: 10_000 } });
  // A first dispatch of another subscription warms every code path (and Prisma's caches) up.
  const warmUp = await createStockSubscription(db, fixture, manual, { materials: { from: 1, to: 10 } });
  await dispatchStockSubscription({ db, subscriptionId: warmUp.id });

  const before = retainedHeapBytes();
  const result = await dispatchStockSubscription({ db, subscriptionId: subscription.id });
  const growth = retainedHeapBytes() - before;

  expect(result).toMatchObject({ outcome: "dispatched", messageIds: expect.any(Array) });
  const parts = await db.pushMessage.findMany({ where: { subscriptionId: subscription.id }, select: { rowCount: true } });
  expect(parts).toHaveLength(10);
  const [{ smallest }] = await db.$queryRaw<{ smallest: number }[]>`
    SELECT min(octet_length(body))::int AS smallest FROM "PushMessage" WHERE "subscriptionId" = ${subscription.id}`;
  expect(growth).toBeLessThan(smallest);
});
