// A job definition: one pg-boss queue with its zod payload, handler and worker options. The worker registers
// every definition of lib/jobs/registry.ts; the web app only sends (lib/jobs/send.ts).
import type { QueueOptions } from "pg-boss";
import type { z } from "zod";

export interface JobContext {
  /** Database URL of this process; handlers use lib/db for queries. */
  databaseUrl: string;
}

export interface JobDefinition<TSchema extends z.ZodType = z.ZodType> {
  name: string;
  schema: TSchema;
  /**
   * Loads the domain module the handler uses. Handlers load theirs lazily (domain code sends jobs itself, and a
   * static import would close an import cycle); the worker calls this at start so that the first job after a
   * start does not pay for loading and compiling it.
   */
  load?: () => Promise<unknown>;
  /** Handles a batch of payloads. Must be idempotent: pg-boss delivers at least once. */
  handler: (jobs: Array<{ id: string; data: z.infer<TSchema> }>, context: JobContext) => Promise<void>;
  /** Waits, at most timeoutMs, for work a handler left running when it returned (delivery's detached POSTs); the worker's stop calls it. */
  settle?: (timeoutMs: number) => Promise<void>;
  queue?: QueueOptions;
  /** pg-boss work options; burstWhenBatchFull fetches again at once after a full batch instead of waiting a poll. */
  work?: { batchSize?: number; pollingIntervalSeconds?: number; localConcurrency?: number; burstWhenBatchFull?: boolean };
  /** Cron schedule (Asia/Shanghai) for periodic jobs. */
  cron?: string;
}

export function defineJob<TSchema extends z.ZodType>(definition: JobDefinition<TSchema>): JobDefinition<TSchema> {
  return definition;
}
