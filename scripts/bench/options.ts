// Command-line options of `npm run bench`: the sizes by default, far smaller ones with --quick, and
// each size overridable on its own.
import { parseArgs } from "node:util";

type FigureId = "P1" | "P2" | "P3" | "P4" | "P5" | "ISO";

export interface BenchOptions {
  quick: boolean;
  only: Set<FigureId>;
  output: string;
  /** P1/P5: materials and products of the stock subscription (each), and how many timed runs. */
  stockRows: number;
  stockRuns: number;
  /** P2: INCREMENT messages delivered end to end, and empty jobs for the raw pg-boss figure. */
  messages: number;
  /** ISO: messages over the 20 import clients of each isolation run. */
  isolationMessages: number;
  /** P3/P4: the large data set. */
  enterprises: number;
  subscriptions: number;
  pushMessages: number;
  /** P3: timed calls of each query. */
  querySamples: number;
  /** NODE_OPTIONS of the worker process, e.g. "--max-old-space-size=200" (docs/performance.md, P5). */
  workerNodeOptions: string;
}

const FULL = {
  stockRows: 10_000,
  stockRuns: 5,
  messages: 20_000,
  isolationMessages: 2_000,
  enterprises: 5_000,
  subscriptions: 1_000_000,
  pushMessages: 10_000_000,
  querySamples: 200,
};
const QUICK = {
  stockRows: 2_000,
  stockRuns: 3,
  messages: 1_000,
  isolationMessages: 200,
  enterprises: 200,
  subscriptions: 20_000,
  pushMessages: 200_000,
  querySamples: 40,
};

const USAGE = `npm run bench -- [--quick] [--only P1,P3,ISO] [--output bench-results/latest.json]
  [--stock-rows 10000] [--stock-runs 5] [--messages 20000] [--isolation-messages 2000]
  [--enterprises 5000] [--subscriptions 1000000] [--push-messages 10000000] [--query-samples 200]
  [--worker-node-options=--max-old-space-size=200]`;

export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: "boolean", default: false },
      only: { type: "string" },
      output: { type: "string", default: "bench-results/latest.json" },
      "stock-rows": { type: "string" },
      "stock-runs": { type: "string" },
      messages: { type: "string" },
      "isolation-messages": { type: "string" },
      enterprises: { type: "string" },
      subscriptions: { type: "string" },
      "push-messages": { type: "string" },
      "query-samples": { type: "string" },
      "worker-node-options": { type: "string", default: "" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const defaults = values.quick ? QUICK : FULL;
  const size = (name: string, value: string | undefined, fallback: number) => {
    if (value === undefined) return fallback;
    const n = Number(value.replaceAll("_", ""));
    if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number, got "${value}"`);
    return n;
  };
  const only = new Set<FigureId>(
    (values.only ?? "P1,P2,P3,P4,P5,ISO").split(",").map((id) => {
      const figure = id.trim().toUpperCase();
      if (!/^(P[1-5]|ISO)$/.test(figure)) throw new Error(`--only takes P1…P5 and ISO, got "${id}"`);
      return figure as FigureId;
    }),
  );
  const options: BenchOptions = {
    quick: values.quick!,
    only,
    output: values.output!,
    stockRows: size("stock-rows", values["stock-rows"], defaults.stockRows),
    stockRuns: size("stock-runs", values["stock-runs"], defaults.stockRuns),
    messages: size("messages", values.messages, defaults.messages),
    isolationMessages: size("isolation-messages", values["isolation-messages"], defaults.isolationMessages),
    enterprises: size("enterprises", values.enterprises, defaults.enterprises),
    subscriptions: size("subscriptions", values.subscriptions, defaults.subscriptions),
    pushMessages: size("push-messages", values["push-messages"], defaults.pushMessages),
    querySamples: size("query-samples", values["query-samples"], defaults.querySamples),
    workerNodeOptions: values["worker-node-options"]!,
  };
  if (options.stockRows > 10_000) throw new Error("--stock-rows is at most 10000 (R4: a range covers at most 10,000 serial numbers)");
  return options;
}
