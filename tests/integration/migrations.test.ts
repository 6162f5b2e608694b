import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { migrate, readMigrationFiles } from "@/lib/db/migrate";

describe("migration runner", () => {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  beforeAll(() => client.connect());
  afterAll(() => client.end());

  test("records every migration as Prisma does and is idempotent", async () => {
    const files = await readMigrationFiles();
    const { rows } = await client.query(
      `SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const [i, row] of rows.entries()) {
      expect(row.checksum).toBe(files[i].checksum);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.rolled_back_at).toBeNull();
    }
    expect(await migrate(inject("databaseUrl"))).toEqual([]);
  });

  test("the audit log refuses UPDATE and DELETE", async () => {
    await client.query(`INSERT INTO "AuditLog" (action) VALUES ('TEST')`);
    await expect(client.query(`UPDATE "AuditLog" SET action = 'X'`)).rejects.toThrow(/append-only/);
    await expect(client.query(`DELETE FROM "AuditLog"`)).rejects.toThrow(/append-only/);
  });

  test("the audit log refuses TRUNCATE, alone or with other tables, and its rows remain", async () => {
    await client.query(`INSERT INTO "AuditLog" (action) VALUES ('TEST')`);
    const count = async () => Number((await client.query(`SELECT count(*) AS n FROM "AuditLog"`)).rows[0].n);
    const before = await count();
    await expect(client.query(`TRUNCATE "AuditLog"`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    await expect(client.query(`TRUNCATE "SignInThrottle", "AuditLog" CASCADE`)).rejects.toThrow(/append-only/);
    expect(await count()).toBe(before);
  });
});
