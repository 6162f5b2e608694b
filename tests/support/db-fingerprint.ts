// What the database holds, in one query: each table's row count and a hash of all its rows, plus the queued
// jobs. Two equal fingerprints mean nothing was written in between. The audit log is left out because a
// refusal is itself audited (R20); auditRowsSince shows what was added to it instead.
import type { Db } from "@/lib/db/client";

/** Prisma's migration bookkeeping and the append-only audit log (checked separately). */
const NOT_FINGERPRINTED = ["_prisma_migrations", "AuditLog"];

export type Fingerprint = Record<string, string>;

let tables: Promise<string[]> | undefined;

/** The tables of the public schema, read once: migrations ran before the tests. */
function publicTables(db: Db): Promise<string[]> {
  tables ??= db
    .$queryRawUnsafe<{ name: string }[]>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    )
    .then((rows) => rows.map((row) => row.name));
  return tables;
}

export async function dbFingerprint(db: Db, options: { except?: string[] } = {}): Promise<Fingerprint> {
  const skipped = new Set([...NOT_FINGERPRINTED, ...(options.except ?? [])]);
  // A sum of row-version hashes needs no sort: the order rows come in does not matter. Every insert, update or
  // delete changes the set of row versions (each has its own ctid and xmin), so this sees any write without
  // reading the rows themselves (hashing whole rows detoasted megabyte XML bodies on every call).
  const digest = (from: string, label: string) =>
    `SELECT '${label}' AS name, count(*) || ':' || coalesce(sum(hashtext(t.tableoid::text || t.ctid::text || t.xmin::text)::bigint), 0) AS digest FROM ${from} t`;
  const fingerprinted = (await publicTables(db)).filter((name) => !skipped.has(name));
  const parts = [...fingerprinted.map((name) => digest(`"${name}"`, name)), digest("pgboss.job", "pgboss.job")];
  const rows = await db.$queryRawUnsafe<{ name: string; digest: string }[]>(parts.join(" UNION ALL "));
  return Object.fromEntries(rows.map((row) => [row.name, row.digest]));
}

export async function lastAuditId(db: Db): Promise<bigint> {
  return (await db.auditLog.aggregate({ _max: { id: true } }))._max.id ?? 0n;
}

export function auditRowsSince(db: Db, id: bigint) {
  return db.auditLog.findMany({ where: { id: { gt: id } }, orderBy: { id: "asc" } });
}
