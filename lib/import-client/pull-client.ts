// The reference import client in pull mode (docs/delivery-protocol.md B): no port is opened; it long-polls the
// portal, receives each message as a push is received (receive.ts: verified, stored atomically, remembered in the
// ledger) and acknowledges only what is durable, after the batch's files and ledger lines are. A message that
// fails verification is not acknowledged: the platform offers it again until its offers run out. Refusals that
// need the enterprise (unbound, paused, push mode) are logged and retried slowly; network errors back off.
import path from "node:path";
import { PULL_PATHS, type PulledMessage } from "@/lib/pull/protocol";
import { openAcceptedLedger } from "./ledger";
import { createPlatformKeySource, type PlatformKeySourceOptions } from "./platform-key-source";
import { createPullApi, PullApiError, type PullApiOptions } from "./pull-api";
import { createReceiver } from "./receive";
import { DEFAULT_REMEMBER_DAYS } from "./server";
import type { StoreResult } from "./inbox";

export interface PullClientOptions extends PullApiOptions, PlatformKeySourceOptions {
  inbox: string;
  stateDir?: string;
  rememberDays?: number;
  maxClockSkewSeconds?: number;
  /** Messages per pull (default 100), seconds a pull waits (default 25) and the lease asked for (default 120). */
  batchSize?: number;
  waitSeconds?: number;
  leaseSeconds?: number;
  onStored?: (event: { messageId: string; emsNo: string; result: StoreResult }) => void;
  onAcked?: (messageIds: string[]) => void;
  log?: (line: string) => void;
}

/** A refusal the enterprise must fix in 导入客户端管理: asked again after this long. */
const REFUSED_RETRY_MS = 30_000;
const MAX_BACKOFF_MS = 30_000;

export async function startPullClient(options: PullClientOptions) {
  const log = options.log ?? ((line: string) => console.log(`[import-client] ${line}`));
  const ledger = await openAcceptedLedger({
    stateDir: options.stateDir ?? path.join(options.inbox, ".state"),
    retentionMs: (options.rememberDays ?? DEFAULT_REMEMBER_DAYS) * 86_400_000,
  });
  const keySource = createPlatformKeySource(options);
  const { receive, settled } = createReceiver({ ...options, ledger, keySource });
  const call = createPullApi(options);
  const stopping = new AbortController();

  const receiveBatch = async (messages: PulledMessage[]): Promise<string[]> => {
    const outcomes = await Promise.all(
      messages.map(async (message) => {
        const outcome = await receive({
          messageId: message.headers["X-SW-Message-Id"] ?? "",
          timestamp: message.headers["X-SW-Timestamp"] ?? "",
          signature: message.headers["X-SW-Signature"] ?? "",
          body: Buffer.from(message.body, "utf8"),
        });
        if (outcome.status === 200) {
          options.onStored?.({ messageId: outcome.messageId, emsNo: outcome.emsNo, result: outcome.result });
          return outcome.messageId;
        }
        log(`not acknowledged ${message.messageId}: ${outcome.error}`);
        return null;
      }),
    );
    return outcomes.filter((id): id is string => id !== null);
  };

  const loop = async () => {
    let backoffMs = 1_000;
    while (!stopping.signal.aborted) {
      try {
        const { json } = await call<{ messages: PulledMessage[] }>(
          PULL_PATHS.messages,
          { max: options.batchSize ?? 100, waitSeconds: options.waitSeconds ?? 25, leaseSeconds: options.leaseSeconds ?? 120 },
          { signal: stopping.signal },
        );
        const stored = await receiveBatch(json.messages);
        // Stores are durable (file and ledger fsynced) before receive resolves, so the ack follows them.
        if (stored.length > 0) {
          await call(PULL_PATHS.ack, { messageIds: stored });
          options.onAcked?.(stored);
        }
        backoffMs = 1_000;
      } catch (error) {
        if (stopping.signal.aborted) break;
        const refused = error instanceof PullApiError && error.status >= 400 && error.status < 500;
        log(`pull failed: ${(error as Error).message}`);
        await sleep(refused ? REFUSED_RETRY_MS : backoffMs, stopping.signal);
        if (!refused) backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
      }
    }
  };
  const running = loop();

  return {
    /** Ends the long poll; stores under way finish (their messages are acknowledged by the next run or expire). */
    close: async () => {
      stopping.abort();
      await running;
      await settled();
      await ledger.close();
      await keySource.close();
    },
  };
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });
