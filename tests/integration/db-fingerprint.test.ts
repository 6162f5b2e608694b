// The fingerprint the fuzzing and isolation suites rely on to say "nothing was written": it must see every
// kind of write, even one that changes a single column to the value's own length, and nothing else.
import { expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { dbFingerprint } from "../support/db-fingerprint";
import { createEnterprise } from "../support/factories";

test("an insert, an update of one column and a delete each change the fingerprint; reads do not", async () => {
  const fixture = await createEnterprise(db);
  const before = await dbFingerprint(db);
  await db.enterprise.findMany();
  expect(await dbFingerprint(db)).toEqual(before);

  await db.importClient.update({ where: { id: fixture.client.id }, data: { name: "改名" } });
  const updated = await dbFingerprint(db);
  expect(updated.ImportClient).not.toBe(before.ImportClient);
  expect({ ...updated, ImportClient: before.ImportClient }).toEqual(before);

  const row = { kind: "IP" as const, key: "fingerprint-test", attempts: 1, windowStartedAt: new Date() };
  await db.signInThrottle.create({ data: row });
  const inserted = await dbFingerprint(db);
  expect(inserted.SignInThrottle).not.toBe(updated.SignInThrottle);
  await db.signInThrottle.delete({ where: { kind_key: { kind: row.kind, key: row.key } } });
  expect((await dbFingerprint(db)).SignInThrottle).toBe(updated.SignInThrottle);
});
