// Fails when prisma/schema.prisma and the migrated database disagree: tables, columns (type, nullability,
// default), enums, indexes (name, uniqueness, columns, order) and foreign keys (columns, target, actions).
import { readFileSync } from "node:fs";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";

interface DmmfField {
  name: string;
  kind: "scalar" | "enum" | "object";
  type: string;
  isRequired: boolean;
  isList: boolean;
  hasDefaultValue: boolean;
  nativeType: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal";
  dbName?: string;
  fields: { name: string; sortOrder?: "asc" | "desc" }[];
}

const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: readFileSync("prisma/schema.prisma", "utf8") }))).datamodel as {
  models: DmmfModel[];
  enums: { name: string; values: { name: string }[] }[];
  indexes: DmmfIndex[];
};

const scalarTypes: Record<string, string> = {
  Int: "integer",
  BigInt: "bigint",
  String: "text",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Decimal: "numeric(65,30)",
  Float: "double precision",
  Bytes: "bytea",
};
const nativeTypes: Record<string, (args: string[]) => string> = {
  VarChar: ([n]) => `character varying(${n})`,
  Char: ([n]) => `character(${n})`,
  Uuid: () => "uuid",
  Timestamptz: ([p]) => `timestamp(${p ?? 6}) with time zone`,
  Date: () => "date",
  Decimal: ([p, s]) => `numeric(${p},${s})`,
};

function expectedColumnType(field: DmmfField): string {
  if (field.kind === "enum") return `"${field.type}"`; // format_type quotes mixed-case type names
  if (field.nativeType) return nativeTypes[field.nativeType[0]](field.nativeType[1]);
  return scalarTypes[field.type];
}

function defaultIndexName(index: DmmfIndex) {
  const suffix = { id: "pkey", unique: "key", normal: "idx" }[index.type];
  return index.type === "id" ? `${index.model}_pkey` : `${index.model}_${index.fields.map((f) => f.name).join("_")}_${suffix}`;
}

describe("schema.prisma and the migrated database", () => {
  const client = new pg.Client({ connectionString: inject("databaseUrl") });
  beforeAll(() => client.connect());
  afterAll(() => client.end());

  test("have the same tables and columns", async () => {
    const { rows } = await client.query(`
      SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
             a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
        AND c.relname <> '_prisma_migrations'`);
    const actual = rows.map((r) => ({ table: r.table, column: r.column, type: r.type, notNull: r.not_null, hasDefault: r.default !== null }));
    const expected = dmmf.models.flatMap((model) =>
      model.fields
        .filter((f) => f.kind !== "object")
        .map((f) => ({
          table: model.dbName ?? model.name,
          column: f.name,
          type: expectedColumnType(f),
          notNull: f.isRequired,
          hasDefault: f.hasDefaultValue,
        })),
    );
    const key = (c: { table: string; column: string }) => `${c.table}.${c.column}`;
    expect(actual.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(expected.sort((a, b) => key(a).localeCompare(key(b))));
  });

  test("have the same enums", async () => {
    const { rows } = await client.query(`
      SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' GROUP BY t.typname`);
    const expected = dmmf.enums.map((e) => ({ name: e.name, values: e.values.map((v) => v.name) }));
    expect(rows.sort((a, b) => a.name.localeCompare(b.name))).toEqual(expected.sort((a, b) => a.name.localeCompare(b.name)));
  });

  test("have the same indexes", async () => {
    const { rows } = await client.query(`
      SELECT t.relname AS table, i.relname AS name, ix.indisunique AS unique, ix.indisprimary AS primary,
             array_agg(a.attname::text ORDER BY k.ord) AS columns,
             array_agg(CASE WHEN ix.indoption[k.ord - 1] & 1 = 1 THEN 'desc' ELSE 'asc' END ORDER BY k.ord) AS orders
      FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'
      GROUP BY t.relname, i.relname, ix.indisunique, ix.indisprimary`);
    const actual = rows.map((r) => ({
      table: r.table,
      name: r.name,
      unique: r.unique,
      primary: r.primary,
      columns: r.columns,
      orders: r.orders,
    }));
    const expected = dmmf.indexes.map((index) => ({
      table: index.model,
      name: index.dbName ?? defaultIndexName(index),
      unique: index.type !== "normal",
      primary: index.type === "id",
      columns: index.fields.map((f) => f.name),
      orders: index.fields.map((f) => f.sortOrder ?? "asc"),
    }));
    expect(actual.sort((a, b) => a.name.localeCompare(b.name))).toEqual(expected.sort((a, b) => a.name.localeCompare(b.name)));
  });

  test("have the same foreign keys", async () => {
    const { rows } = await client.query(`
      SELECT c.conname AS name, src.relname AS table, dst.relname AS target, c.confdeltype AS on_delete,
             array_agg(a.attname::text ORDER BY k.ord) AS columns, array_agg(fa.attname::text ORDER BY k.ord) AS target_columns
      FROM pg_constraint c JOIN pg_class src ON src.oid = c.conrelid JOIN pg_class dst ON dst.oid = c.confrelid
      CROSS JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS k(col, fcol, ord)
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.col
      JOIN pg_attribute fa ON fa.attrelid = c.confrelid AND fa.attnum = k.fcol
      JOIN pg_namespace n ON n.oid = src.relnamespace
      WHERE c.contype = 'f' AND n.nspname = 'public' GROUP BY c.conname, src.relname, dst.relname, c.confdeltype`);
    const deleteCode: Record<string, string> = { Cascade: "c", Restrict: "r", SetNull: "n", NoAction: "a", SetDefault: "d" };
    const expected = dmmf.models.flatMap((model) =>
      model.fields
        .filter((f) => f.kind === "object" && f.relationFromFields?.length)
        .map((f) => ({
          name: `${model.name}_${f.relationFromFields!.join("_")}_fkey`,
          table: model.name,
          target: f.type,
          on_delete: deleteCode[f.relationOnDelete ?? (f.isRequired ? "Restrict" : "SetNull")],
          columns: f.relationFromFields,
          target_columns: f.relationToFields,
        })),
    );
    expect(rows.sort((a, b) => a.name.localeCompare(b.name))).toEqual(expected.sort((a, b) => a.name.localeCompare(b.name)));
  });
});
