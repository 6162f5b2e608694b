// Wakes waiting pulls at once when their client gets an offerable message: one LISTEN connection a process on the
// channel the PushMessage triggers notify (prisma/migrations/20261202160000_pull_delivery), its waiters by client.
// A lost connection is made again; meanwhile every waiter is woken, so a pull looks again rather than missing a
// notification sent while nobody listened.
import pg from "pg";
import { config } from "@/lib/config/env";
import { logger } from "@/lib/log/logger";

const CHANNEL = "sw_pull";
const RECONNECT_MS = 1_000;

type Waiter = () => void;

interface Listener {
  waiters: Map<number, Set<Waiter>>;
  ready: Promise<void> | null;
  client?: pg.Client;
}

const globalForWake = globalThis as unknown as { pullListener?: Listener };

function listener(): Listener {
  globalForWake.pullListener ??= { waiters: new Map(), ready: null };
  return globalForWake.pullListener;
}

function wakeAll(state: Listener) {
  for (const set of state.waiters.values()) for (const wake of set) wake();
}

function connect(state: Listener): Promise<void> {
  state.ready ??= (async () => {
    const client = new pg.Client({ connectionString: config().DATABASE_URL });
    state.client = client;
    const lost = (err?: Error) => {
      if (state.ready === null || state.client !== client) return;
      logger("pull").warn({ err }, "pull listener connection lost; reconnecting");
      state.ready = null;
      client.end().catch(() => undefined);
      wakeAll(state);
      setTimeout(() => connect(state).catch(() => undefined), RECONNECT_MS).unref();
    };
    client.on("error", lost);
    client.on("end", () => lost());
    client.on("notification", ({ payload }) => {
      if (payload === "*") return wakeAll(state);
      for (const id of (payload ?? "").split(",")) for (const wake of state.waiters.get(Number(id)) ?? []) wake();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      state.ready = null;
      client.end().catch(() => undefined);
      throw error;
    }
  })();
  return state.ready;
}

/**
 * Registers a waiter for the client before the caller looks for messages (so a message committed in between
 * still wakes it); `wait` resolves when one may have arrived, after timeoutMs, or when the signal aborts.
 */
export async function watchClient(options: {
  importClientId: number;
}): Promise<{ wait: (timeoutMs: number, signal?: AbortSignal) => Promise<void>; close: () => void }> {
  const state = listener();
  await connect(state);
  let woken = false;
  let resolveWait: (() => void) | null = null;
  const waiter: Waiter = () => {
    woken = true;
    resolveWait?.();
  };
  const set = state.waiters.get(options.importClientId) ?? new Set();
  set.add(waiter);
  state.waiters.set(options.importClientId, set);
  return {
    wait: (timeoutMs, signal) =>
      new Promise<void>((resolve) => {
        if (woken || signal?.aborted) {
          woken = false;
          return resolve();
        }
        const timer = setTimeout(done, timeoutMs);
        signal?.addEventListener("abort", done, { once: true });
        function done() {
          clearTimeout(timer);
          signal?.removeEventListener("abort", done);
          resolveWait = null;
          woken = false;
          resolve();
        }
        resolveWait = done;
      }),
    close: () => {
      set.delete(waiter);
      if (set.size === 0) state.waiters.delete(options.importClientId);
    },
  };
}

/** Ends the listener of this process (a server's or test's shutdown): no reconnecting afterwards. */
export async function stopPullListener(): Promise<void> {
  const state = listener();
  const client = state.client;
  state.client = undefined;
  state.ready = null;
  wakeAll(state);
  await client?.end().catch(() => undefined);
}
