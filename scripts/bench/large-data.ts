// The large data set of P3/P4, generated in the database with set-based SQL (generate_series), never row by
// row: E enterprises (each with a legal-person card, an import client and two manuals), S subscriptions and
// M push messages spread evenly over the enterprises and over the past year, ids rising with time.
//
// Layout, so that related ids are arithmetic instead of joins: subscription i (1…S) belongs to enterprise
// n = 1 + (i-1) % E and is that enterprise's k-th, k = (i-1) / E; its k = 0 is stock + incremental on manual
// 1, k = 1 incremental on manual 2 (one ACTIVE incremental per manual, R6), the rest stock. Push message j
// belongs to enterprise 1 + (j-1) % E and to its subscription k = ((j-1) / E) % (S/E). All subscriptions are
// ACTIVE with a validity of one year from creation, so P4 can expire every one of them.
//
// Secondary indexes of the two big tables are dropped during the load and built again afterwards (what a bulk
// load does; the same definitions, so the schema is unchanged), and foreign-key triggers are skipped where
// the role may (session_replication_role), which the generated ids satisfy by construction.
import { performance } from "node:perf_hooks";
import pg from "pg";

export interface LargeData {
  enterprises: number;
  subscriptions: number;
  pushMessages: number;
  /** Ids are base + n (enterprises, cards, clients), base + i (subscriptions), base + j (push messages). */
  enterpriseIdBase: number;
  subscriptionIdBase: number;
  pushMessageIdBase: number;
  seconds: number;
  foreignKeyChecksSkipped: boolean;
}

export const MANUALS_PER_ENTERPRISE = 2;
const PARALLEL_LOADERS = 2;
const CHUNK_ROWS = 500_000;

export const bulkEmsNo = (n: number, manual: number) => `E53${String(n).padStart(8, "0")}${manual}`;

export async function generateLargeData(options: {
  databaseUrl: string;
  enterprises: number;
  subscriptions: number;
  pushMessages: number;
}): Promise<LargeData> {
  const { enterprises: E, pushMessages: M } = options;
  const perEnterprise = Math.max(MANUALS_PER_ENTERPRISE, Math.floor(options.subscriptions / E));
  const S = perEnterprise * E;
  const start = performance.now();
  const client = await connect(options.databaseUrl);
  try {
    const foreignKeyChecksSkipped = await skipForeignKeyChecks(client);
    const base = async (table: string) => Number((await client.query(`SELECT COALESCE(max(id), 0) AS max FROM "${table}"`)).rows[0].max);
    const ids = {
      enterprise: await base("Enterprise"),
      card: await base("Card"),
      client: await base("ImportClient"),
      manual: await base("Manual"),
      subscription: await base("Subscription"),
      message: await base("PushMessage"),
    };
    await client.query(enterprisesSql(ids, E));
    await withIndexesRebuilt(options.databaseUrl, "Subscription", () =>
      loadInChunks(options.databaseUrl, S, (from, to) => subscriptionsSql({ ids, E, S, perEnterprise, from, to })),
    );
    await withIndexesRebuilt(options.databaseUrl, "PushMessage", () =>
      loadInChunks(options.databaseUrl, M, (from, to) => pushMessagesSql({ ids, E, M, perEnterprise, from, to })),
    );
    for (const table of ["Enterprise", "Card", "ImportClient", "Manual", "Subscription", "PushMessage"]) {
      await client.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT max(id) FROM "${table}"))`);
    }
    // As autovacuum would have left a table that has lived a year: visibility map set, statistics fresh.
    await client.query(`VACUUM (ANALYZE) "Subscription", "PushMessage", "Enterprise", "ImportClient", "Card", "Manual"`);
    return {
      enterprises: E,
      subscriptions: S,
      pushMessages: M,
      enterpriseIdBase: ids.enterprise,
      subscriptionIdBase: ids.subscription,
      pushMessageIdBase: ids.message,
      seconds: (performance.now() - start) / 1000,
      foreignKeyChecksSkipped,
    };
  } finally {
    await client.end();
  }
}

async function connect(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return client;
}

async function skipForeignKeyChecks(client: pg.Client): Promise<boolean> {
  try {
    await client.query("SET session_replication_role = replica");
    await client.query("RESET session_replication_role");
    return true;
  } catch {
    return false;
  }
}

type Ids = Record<"enterprise" | "card" | "client" | "manual" | "subscription" | "message", number>;

function enterprisesSql(ids: Ids, E: number) {
  return `
    INSERT INTO "Enterprise" (id, "customsCode", uscc, name)
      SELECT ${ids.enterprise} + n, '53' || lpad(n::text, 8, '0'), '9153' || lpad(n::text, 8, '0') || 'MA1XX0', '压测企业' || n
      FROM generate_series(1, ${E}) AS n;
    INSERT INTO "Card" (id, "cardNo", kind, "enterpriseId", holder, "publicKey")
      SELECT ${ids.card} + n, '87' || lpad(n::text, 8, '0') || '001', 'LEGAL_PERSON', ${ids.enterprise} + n, '法人',
             '04' || repeat(md5(n::text), 4)
      FROM generate_series(1, ${E}) AS n;
    INSERT INTO "ImportClient" (id, "clientId", "enterpriseId", name, "boundCardNo", "endpointUrl")
      SELECT ${ids.client} + n, 'B' || lpad(n::text, 9, '0'), ${ids.enterprise} + n, '导入客户端',
             '87' || lpad(n::text, 8, '0') || '001', 'http://127.0.0.1:9/push'
      FROM generate_series(1, ${E}) AS n;
    INSERT INTO "Manual" (id, "emsNo", "bizopEtpsno", "bizopEtpsNm", "rcvgdEtpsno", "rcvgdEtpsNm", "masterCuscd", "dclTypecd",
                          "finishValidDate", "putrecApprTime", "mtpckItemCnt", "endprdItemCnt")
      SELECT ${ids.manual} + (n - 1) * ${MANUALS_PER_ENTERPRISE} + m, 'E53' || lpad(n::text, 8, '0') || m,
             '53' || lpad(n::text, 8, '0'), '压测经营企业', '53' || lpad(n::text, 8, '0'), '压测加工单位', '5300', '1',
             DATE '2030-12-31', TIMESTAMPTZ '2025-01-01 10:00:00+08', 10000, 5000
      FROM generate_series(1, ${E}) AS n CROSS JOIN generate_series(1, ${MANUALS_PER_ENTERPRISE}) AS m;`;
}

function subscriptionsSql(o: { ids: Ids; E: number; S: number; perEnterprise: number; from: number; to: number }) {
  const { ids, E, S } = o;
  return `
    INSERT INTO "Subscription" (id, "enterpriseId", "importClientId", "signingCardId", "enteredBy", status, "validUntil", "createdAt",
                                "stockManualId", "stockEmsNo", "pushMaterials", "pushProducts", "materialFrom", "materialTo",
                                "productFrom", "productTo", "incrementalManualId", "incrementalEmsNo", "signedPayload", signature)
    SELECT ${ids.subscription} + i, ${ids.enterprise} + n, ${ids.client} + n, ${ids.card} + n, 'SW' || lpad(n::text, 8, '0'),
           'ACTIVE', created + interval '1 year', created,
           CASE WHEN k <> 1 THEN manual_id END, CASE WHEN k <> 1 THEN ems_no END,
           k <> 1, k <> 1 AND k % 3 = 0, CASE WHEN k <> 1 THEN 1 END, CASE WHEN k <> 1 THEN 1000 * (1 + k % 10) END,
           CASE WHEN k <> 1 AND k % 3 = 0 THEN 1 END, CASE WHEN k <> 1 AND k % 3 = 0 THEN 500 END,
           CASE WHEN k < 2 THEN manual_id END, CASE WHEN k < 2 THEN ems_no END,
           '{"action":"SUBSCRIBE","challengeId":"' || md5(i::text)::uuid || '","payload":{"clientId":"B' || lpad(n::text, 9, '0')
             || '","stockEmsNo":"' || ems_no || '","materialFrom":"1","materialTo":"' || 1000 * (1 + k % 10) || '","validUntil":"'
             || to_char(created + interval '1 year', 'YYYY-MM-DD') || '"}}',
           '30450221' || md5(i::text) || md5(n::text) || '0220' || md5(k::text) || md5((i + n)::text)
    FROM (
      SELECT i, n, k, ${ids.manual} + (n - 1) * ${MANUALS_PER_ENTERPRISE} + 1 + k % ${MANUALS_PER_ENTERPRISE} AS manual_id,
             'E53' || lpad(n::text, 8, '0') || (1 + k % ${MANUALS_PER_ENTERPRISE}) AS ems_no,
             now() - interval '360 days' + (i::float8 / ${S}) * interval '360 days' AS created
      FROM generate_series(${o.from}, ${o.to}) AS i,
           LATERAL (SELECT 1 + (i - 1) % ${E} AS n, (i - 1) / ${E} AS k) AS position
    ) AS s`;
}

function pushMessagesSql(o: { ids: Ids; E: number; M: number; perEnterprise: number; from: number; to: number }) {
  const { ids, E, M, perEnterprise } = o;
  return `
    INSERT INTO "PushMessage" (id, "messageId", "dedupeKey", "enterpriseId", "subscriptionId", "importClientId", "emsNo", type,
                               "partNo", "partCount", "rowCount", body, "dispatchStatus", "dispatchedAt", "deliveredAt",
                               "attemptCount", "lastError", resent, "resentAt")
    SELECT ${ids.message} + j,
           to_char(at AT TIME ZONE 'Asia/Shanghai', 'YYYY') || lpad(nextval('push_message_id_seq')::text, 16, '0'),
           'bulk:' || j, ${ids.enterprise} + n, ${ids.subscription} + n + k * ${E}, ${ids.client} + n,
           'E53' || lpad(n::text, 8, '0') || (1 + k % ${MANUALS_PER_ENTERPRISE}),
           CASE WHEN k < 2 THEN 'INCREMENT' ELSE 'STOCK' END::"MessageType", 1, 1, 1,
           '<?xml version="1.0" encoding="UTF-8"?><EmsPushMessage><Head><MessageId>bulk ' || j || '</MessageId></Head></EmsPushMessage>',
           status::"DispatchStatus", at,
           CASE WHEN status = 'DELIVERED' THEN at + interval '1 second' END,
           CASE WHEN status = 'FAILED' THEN 7 WHEN status = 'DELIVERED' THEN 1 ELSE 0 END,
           CASE WHEN status = 'FAILED' THEN '无法连接客户端: ECONNREFUSED' END,
           h % 200 = 3, CASE WHEN h % 200 = 3 THEN at + interval '1 day' END
    FROM (
      SELECT j, n, ((j - 1) / ${E}) % ${perEnterprise} AS k,
             now() - interval '365 days' + (j::float8 / ${M}) * interval '365 days' AS at,
             CASE h % 100 WHEN 0 THEN 'FAILED' WHEN 1 THEN 'FAILED' WHEN 2 THEN 'PENDING' ELSE 'DELIVERED' END AS status, h
      FROM generate_series(${o.from}, ${o.to}) AS j,
           -- A hash of j spreads failures and resends over every enterprise, unlike j % k with E a multiple of k.
           LATERAL (SELECT 1 + (j - 1) % ${E} AS n, hashint4(j)::int8 + 2147483648 AS h) AS position
    ) AS m`;
}

/** Runs the chunks [1…CHUNK_ROWS], … of `total` rows on PARALLEL_LOADERS connections at once. */
async function loadInChunks(databaseUrl: string, total: number, chunkSql: (from: number, to: number) => string) {
  let next = 1;
  const loader = async () => {
    const client = await connect(databaseUrl);
    try {
      await client.query("SET session_replication_role = replica").catch(() => undefined);
      while (next <= total) {
        const from = next;
        const to = Math.min(total, from + CHUNK_ROWS - 1);
        next = to + 1;
        await client.query(chunkSql(from, to));
      }
    } finally {
      await client.end();
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_LOADERS }, loader));
}

/** Drops the table's secondary indexes (keeping the primary key), runs `load`, and builds them again, two at a time. */
async function withIndexesRebuilt(databaseUrl: string, table: string, load: () => Promise<void>) {
  const client = await connect(databaseUrl);
  let definitions: { name: string; definition: string }[];
  try {
    definitions = (
      await client.query<{ name: string; definition: string }>(
        `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
         WHERE schemaname = 'public' AND tablename = $1 AND indexname <> $2`,
        [table, `${table}_pkey`],
      )
    ).rows;
    for (const { name } of definitions) await client.query(`DROP INDEX "${name}"`);
  } finally {
    await client.end();
  }
  await load();
  const pending = [...definitions];
  const builder = async () => {
    const builderClient = await connect(databaseUrl);
    try {
      for (let index = pending.shift(); index; index = pending.shift()) await builderClient.query(index.definition);
    } finally {
      await builderClient.end();
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_LOADERS }, builder));
}
