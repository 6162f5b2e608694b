// Prometheus metrics (prom-client). Counters and histograms live in the process that does the work (worker:
// pushes; web: signature refusals); queue depths and paused clients are read from the database at scrape time,
// so every process reports the same figures. docs/operations.md lists them and what to alert on.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { db } from "@/lib/db/client";

const globalForMetrics = globalThis as unknown as { swMetrics?: ReturnType<typeof createMetrics> };

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "sw_process_" });
  const messageLabels = ["type"] as const;
  return {
    registry,
    messagesBuilt: new Counter({ name: "sw_messages_built_total", help: "Push messages built", labelNames: messageLabels, registers: [registry] }),
    messagesDelivered: new Counter({
      name: "sw_messages_delivered_total",
      help: "Push messages delivered (2xx)",
      labelNames: messageLabels,
      registers: [registry],
    }),
    messagesFailed: new Counter({
      name: "sw_messages_failed_total",
      help: "Push messages failed after the last attempt",
      labelNames: messageLabels,
      registers: [registry],
    }),
    deliveryRetries: new Counter({
      name: "sw_delivery_retries_total",
      help: "Delivery attempts that failed and were scheduled again",
      registers: [registry],
    }),
    deliveryLatency: new Histogram({
      name: "sw_delivery_latency_seconds",
      help: "Duration of one delivery attempt (HTTP POST to the import client)",
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15],
      registers: [registry],
    }),
    signatureRefusals: new Counter({
      name: "sw_signature_refusals_total",
      help: "Card signatures refused",
      labelNames: ["action"] as const,
      registers: [registry],
    }),
    expiryRuns: new Counter({ name: "sw_expiry_runs_total", help: "Runs of the subscription expiry job", registers: [registry] }),
    subscriptionsExpired: new Counter({
      name: "sw_subscriptions_expired_total",
      help: "Subscriptions audited as expired (R12)",
      registers: [registry],
    }),
    queueDepth: new Gauge({
      name: "sw_queue_depth",
      help: "Jobs waiting (created or retry) per queue",
      labelNames: ["queue"] as const,
      registers: [registry],
    }),
    oldestJobAge: new Gauge({
      name: "sw_queue_oldest_job_age_seconds",
      help: "Age of the oldest waiting job per queue",
      labelNames: ["queue"] as const,
      registers: [registry],
    }),
    pausedClients: new Gauge({ name: "sw_paused_import_clients", help: "Import clients paused after failing deliveries", registers: [registry] }),
  };
}

export const metrics = (globalForMetrics.swMetrics ??= createMetrics());

/** Reads the database-derived gauges, then renders every metric in Prometheus text format. */
export async function renderMetrics(): Promise<string> {
  // Every installed queue, with zero where nothing waits; jobs scheduled for later do not count as waiting.
  const queues = await db.$queryRawUnsafe<{ name: string; depth: bigint; oldest: number | null }[]>(
    `SELECT q.name, count(j.id) AS depth, EXTRACT(EPOCH FROM now() - min(j.created_on))::float8 AS oldest
     FROM pgboss.queue q
     LEFT JOIN pgboss.job j ON j.name = q.name AND j.state IN ('created', 'retry') AND j.start_after <= now()
     GROUP BY q.name`,
  );
  for (const queue of queues) {
    metrics.queueDepth.set({ queue: queue.name }, Number(queue.depth));
    metrics.oldestJobAge.set({ queue: queue.name }, queue.oldest ?? 0);
  }
  metrics.pausedClients.set(await db.importClient.count({ where: { status: "PAUSED" } }));
  return metrics.registry.metrics();
}

export const METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
