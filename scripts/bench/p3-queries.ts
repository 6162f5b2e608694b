// P3: the enterprise records query (R9, listSubscriptions) and the push-log query (R16, listPushLog) on the
// large data set, called as the pages call them, for random enterprises and a mix of pages and filters; and,
// beyond the issue's two, the customs admins' review lists (R18), which read every enterprise's rows (their
// CSV exports read the same pages).
// Server-side time of a call is the planning + execution time PostgreSQL reports for each statement the
// call sent (captured from Prisma's query events and run again under EXPLAIN ANALYZE); the whole call as
// the web server sees it is timed too. One plan of each variant, with buffers, goes into the result.
import { performance } from "node:perf_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { Db } from "@/lib/db/client";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { encodeTimeCursor } from "@/lib/pagination/keyset";
import { listPushLog } from "@/lib/pushes/log";
import { listPushMessagesForReview } from "@/lib/review/list-push-messages";
import { listSubscriptionsForReview } from "@/lib/review/list-subscriptions";
import { listSubscriptions } from "@/lib/subscriptions/list";
import { addDaysToDay, shanghaiDay } from "@/lib/time/shanghai";
import { bulkEmsNo, MANUALS_PER_ENTERPRISE, type LargeData } from "./large-data";
import type { BenchOptions } from "./options";
import type { BenchResults } from "./report";

interface Statement {
  sql: string;
  params: unknown[];
}

interface QueryFigures {
  samples: number;
  serverP95Ms: number;
  serverMedianMs: number;
  callP95Ms: number;
  /** Per kind of call, to tell which one makes the p95. */
  variants: { variant: string; serverMaxMs: number; serverMedianMs: number }[];
  plans: { variant: string; statements: { sql: string; params: unknown[]; plan: string }[] }[];
}

/** One kind of call; `prepare` (untimed) fetches what the call needs, e.g. the first page's cursor. */
interface Variant<T = unknown> {
  name: string;
  prepare?: (db: Db, n: number) => Promise<T>;
  run: (db: Db, n: number, prepared: T) => Promise<unknown>;
}

const variant = <T>(v: Variant<T>) => v as Variant;

export async function benchQueries(options: { bench: BenchOptions; databaseUrl: string; data: LargeData; results: BenchResults }) {
  const { bench, data, results } = options;
  const queries = await measureQueries({ databaseUrl: options.databaseUrl, data, samples: bench.querySamples });
  results.detail("P3", queries);
  results.add({
    id: "P3",
    what: `records query (R9) p95, server side, ${data.subscriptions} subscriptions`,
    value: queries.records.serverP95Ms,
    unit: "ms",
    target: { limit: 50, kind: "max" },
  });
  results.add({
    id: "P3",
    what: `push-log query (R16) p95, server side, ${data.pushMessages} messages`,
    value: queries.pushLog.serverP95Ms,
    unit: "ms",
    target: { limit: 50, kind: "max" },
  });
  results.add({
    id: "P3",
    what: `admin review of subscriptions (R18) p95, server side (not in the issue)`,
    value: queries.reviewSubscriptions.serverP95Ms,
    unit: "ms",
    target: { limit: 50, kind: "max" },
  });
  results.add({
    id: "P3",
    what: `admin review of push messages (R18) p95, server side (not in the issue)`,
    value: queries.reviewPushMessages.serverP95Ms,
    unit: "ms",
    target: { limit: 50, kind: "max" },
  });
  results.note(
    `P3 as the web server sees it (p95 of the whole call): records ${queries.records.callP95Ms.toFixed(1)} ms, push log ${queries.pushLog.callP95Ms.toFixed(1)} ms, ` +
      `admin review ${queries.reviewSubscriptions.callP95Ms.toFixed(1)} / ${queries.reviewPushMessages.callP95Ms.toFixed(1)} ms`,
  );
}

async function measureQueries(options: { databaseUrl: string; data: LargeData; samples: number }) {
  const captured: Statement[] = [];
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString: options.databaseUrl, max: 4 }),
    log: [{ emit: "event", level: "query" }],
  });
  prisma.$on("query", (event) => captured.push({ sql: event.query, params: JSON.parse(event.params) }));
  const explainer = new pg.Client({ connectionString: options.databaseUrl });
  await explainer.connect();
  try {
    const measure = (variants: Variant[]) =>
      measureVariants({ db: prisma as unknown as Db, captured, explainer, data: options.data, samples: options.samples, variants });
    return {
      records: await measure(recordsVariants(options.data)),
      pushLog: await measure(pushLogVariants(options.data)),
      reviewSubscriptions: await measure(reviewSubscriptionsVariants(options.data)),
      reviewPushMessages: await measure(reviewPushMessagesVariants(options.data)),
    };
  } finally {
    await explainer.end();
    await prisma.$disconnect();
  }
}

const scopeOf = (data: LargeData, n: number) => ({ enterpriseId: data.enterpriseIdBase + n });

function recordsVariants(data: LargeData): Variant[] {
  return [
    variant({ name: "records, first page", run: (db, n) => listSubscriptions({ db, scope: scopeOf(data, n) }) }),
    variant({ name: "records, second page", run: (db, n) => listSubscriptions({ db, scope: scopeOf(data, n), page: 2 }) }),
    variant({ name: "records, status 生效", run: (db, n) => listSubscriptions({ db, scope: scopeOf(data, n), filters: { status: "ACTIVE" } }) }),
    variant({ name: "records, one manual", run: (db, n) => listSubscriptions({ db, scope: scopeOf(data, n), filters: { emsNo: bulkEmsNo(n, 2) } }) }),
  ];
}

function pushLogVariants(data: LargeData): Variant[] {
  const today = shanghaiDay();
  const query = (n: number, days: number, status?: "FAILED") => ({
    emsNo: bulkEmsNo(n, 1 + (n % MANUALS_PER_ENTERPRISE)),
    from: addDaysToDay(today, -(days - 1)),
    to: today,
    ...(status ? { status } : {}),
  });
  return [
    variant({ name: "push log, last 7 days (the page's default)", run: (db, n) => listPushLog({ db, scope: scopeOf(data, n), query: query(n, 7) }) }),
    variant({ name: "push log, last 90 days", run: (db, n) => listPushLog({ db, scope: scopeOf(data, n), query: query(n, 90) }) }),
    variant({ name: "push log, one year", run: (db, n) => listPushLog({ db, scope: scopeOf(data, n), query: query(n, 366) }) }),
    variant({
      name: "push log, one year, second page",
      prepare: async (db, n) => (await listPushLog({ db, scope: scopeOf(data, n), query: query(n, 366) })).nextCursor ?? undefined,
      run: (db, n, after) => listPushLog({ db, scope: scopeOf(data, n), query: query(n, 366), after }),
    }),
    variant({
      name: "push log, one year, 下发失败 only",
      run: (db, n) => listPushLog({ db, scope: scopeOf(data, n), query: query(n, 366, "FAILED") }),
    }),
  ];
}

const customsCodeOf = (n: number) => `53${String(n).padStart(8, "0")}`;

function reviewSubscriptionsVariants(data: LargeData): Variant[] {
  const today = shanghaiDay();
  return [
    variant({ name: "review subscriptions, first page", run: (db) => listSubscriptionsForReview({ db, filters: {} }) }),
    variant({
      name: "review subscriptions, a page deep in the list",
      prepare: async (db, n) => {
        const id = data.subscriptionIdBase + 1 + ((n * 7919) % data.subscriptions);
        const row = await db.subscription.findUniqueOrThrow({ where: { id }, select: { createdAt: true, id: true } });
        return encodeTimeCursor(row.createdAt, row.id);
      },
      run: (db, _n, after) => listSubscriptionsForReview({ db, filters: {}, after }),
    }),
    variant({
      name: "review subscriptions, one enterprise (海关十位)",
      run: (db, n) => listSubscriptionsForReview({ db, filters: { customsCode: customsCodeOf(n) } }),
    }),
    variant({
      name: "review subscriptions, one manual (账册号)",
      run: (db, n) => listSubscriptionsForReview({ db, filters: { emsNo: bulkEmsNo(n, 2) } }),
    }),
    variant({
      name: "review subscriptions, incremental, 生效",
      run: (db) => listSubscriptionsForReview({ db, filters: { kind: "INCREMENTAL", status: "ACTIVE" } }),
    }),
    variant({
      name: "review subscriptions, one day",
      run: (db, n) => {
        const day = addDaysToDay(today, -(n % 300));
        return listSubscriptionsForReview({ db, filters: { dateFrom: day, dateTo: day } });
      },
    }),
  ];
}

function reviewPushMessagesVariants(data: LargeData): Variant[] {
  const today = shanghaiDay();
  return [
    variant({ name: "review push messages, first page", run: (db) => listPushMessagesForReview({ db, filters: {} }) }),
    variant({
      name: "review push messages, one enterprise (海关十位)",
      run: (db, n) => listPushMessagesForReview({ db, filters: { customsCode: customsCodeOf(n) } }),
    }),
    variant({
      name: "review push messages, one manual (账册号)",
      run: (db, n) => listPushMessagesForReview({ db, filters: { emsNo: bulkEmsNo(n, 1 + (n % MANUALS_PER_ENTERPRISE)) } }),
    }),
    variant({ name: "review push messages, 下发失败", run: (db) => listPushMessagesForReview({ db, filters: { status: "FAILED" } }) }),
    variant({
      name: "review push messages, one message (报文编号)",
      prepare: async (db, n) => {
        const id = data.pushMessageIdBase + 1 + ((n * 104_729) % data.pushMessages);
        return (await db.pushMessage.findUniqueOrThrow({ where: { id }, select: { messageId: true } })).messageId;
      },
      run: (db, _n, messageId) => listPushMessagesForReview({ db, filters: { messageId } }),
    }),
    variant({
      name: "review push messages, one enterprise's subscription",
      run: (db, n) => listPushMessagesForReview({ db, filters: { subscriptionId: data.subscriptionIdBase + n } }),
    }),
    variant({
      name: "review push messages, one day, 增量",
      run: (db, n) => {
        const day = addDaysToDay(today, -(n % 360));
        return listPushMessagesForReview({ db, filters: { type: "INCREMENT", dateFrom: day, dateTo: day } });
      },
    }),
  ];
}

async function measureVariants(options: {
  db: Db;
  captured: Statement[];
  explainer: pg.Client;
  data: LargeData;
  samples: number;
  variants: Variant[];
}): Promise<QueryFigures> {
  const { captured, explainer, variants } = options;
  const random = seededRandom(8);
  const serverMs: number[] = [];
  const serverMsByVariant = new Map<string, number[]>();
  const callMs: number[] = [];
  const plans: QueryFigures["plans"] = [];
  for (let sample = 0; sample < options.samples; sample++) {
    const current = variants[sample % variants.length];
    const n = 1 + Math.floor(random() * options.data.enterprises);
    const prepared = await current.prepare?.(options.db, n);
    captured.length = 0;
    const start = performance.now();
    await current.run(options.db, n, prepared);
    callMs.push(performance.now() - start);
    const statements = captured.splice(0);
    let server = 0;
    for (const statement of statements) server += await serverTimeMs(explainer, statement);
    serverMs.push(server);
    if (!serverMsByVariant.has(current.name)) serverMsByVariant.set(current.name, []);
    serverMsByVariant.get(current.name)!.push(server);
    if (sample < variants.length) {
      plans.push({
        variant: current.name,
        statements: await sequentially(statements, async (s) => ({ ...s, plan: await explainText(explainer, s) })),
      });
    }
  }
  return {
    samples: options.samples,
    serverP95Ms: percentile(serverMs, 95),
    serverMedianMs: percentile(serverMs, 50),
    callP95Ms: percentile(callMs, 95),
    variants: [...serverMsByVariant].map(([variant, ms]) => ({ variant, serverMaxMs: Math.max(...ms), serverMedianMs: percentile(ms, 50) })),
    plans,
  };
}

async function serverTimeMs(client: pg.Client, statement: Statement): Promise<number> {
  const { rows } = await client.query(`EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ${statement.sql}`, statement.params);
  const [result] = rows[0]["QUERY PLAN"] as { "Planning Time": number; "Execution Time": number }[];
  return result["Planning Time"] + result["Execution Time"];
}

async function explainText(client: pg.Client, statement: Statement): Promise<string> {
  const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, statement.params);
  return rows.map((row) => row["QUERY PLAN"]).join("\n");
}

/** One connection runs one statement at a time. */
async function sequentially<T, U>(items: T[], fn: (item: T) => Promise<U>): Promise<U[]> {
  const results: U[] = [];
  for (const item of items) results.push(await fn(item));
  return results;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** A small deterministic generator (mulberry32), so that runs query the same enterprises. */
function seededRandom(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
