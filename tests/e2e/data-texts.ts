// Writes to a JSON file, and prints its path, every Chinese text the e2e database holds (text columns, and the
// strings inside JSON ones): the data values a page may show in any language (enterprise and goods names,
// holders, reasons). A long text (an XML body) is kept as its element fragments, as a page shows pieces of it.
// Run by english.spec.ts through runSeedScript.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db/client";
import { E2E_STATE_DIR } from "./state";

const WHOLE_UP_TO = 2_000;

const HAN = "[一-鿿]";

async function main() {
  const columns = await db.$queryRaw<{ table: string; column: string; type: string }[]>`
    SELECT table_name AS "table", column_name AS "column", data_type AS "type"
    FROM information_schema.columns
    WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb')`;
  const texts = new Set<string>();
  for (const { table, column, type } of columns) {
    const sql =
      type === "jsonb"
        ? `SELECT DISTINCT s #>> '{}' AS text FROM "${table}", jsonb_path_query("${column}", 'strict $.**') s
           WHERE jsonb_typeof(s) = 'string' AND (s #>> '{}') ~ '${HAN}'`
        : `SELECT DISTINCT "${column}" AS text FROM "${table}" WHERE "${column}" ~ '${HAN}'`;
    for (const { text } of await db.$queryRawUnsafe<{ text: string }[]>(sql)) {
      if (text.length <= WHOLE_UP_TO) texts.add(text);
      else for (const fragment of text.split(/(?=<)/)) if (/\p{Script=Han}/u.test(fragment)) texts.add(fragment.trim());
    }
  }
  const file = path.join(E2E_STATE_DIR, "data-texts.json");
  writeFileSync(file, JSON.stringify([...texts]));
  process.stdout.write(JSON.stringify({ file }));
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
