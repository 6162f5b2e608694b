// The import client's memory of the message ids it accepted (docs/delivery-protocol.md §5). The inbox alone
// cannot be it: the enterprise's system moves files out, and a captured push replayed afterwards would be
// stored again. One line per accepted id, appended and fsynced before the 2xx, loaded at start; lines older
// than the retention are dropped when the file is compacted (at start and once a day).
import { mkdir, open, readFile, rename, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { syncDir } from "./inbox";

export const LEDGER_FILE = "accepted-message-ids.log";
const COMPACT_EVERY_MS = 24 * 3_600_000;
const LINE = /^(\d{20}) (\d{1,16})$/;

export interface AcceptedLedger {
  has(messageId: string): boolean;
  /** Resolves once the id is durable in the ledger. */
  remember(messageId: string): Promise<void>;
  close(): Promise<void>;
}

export async function openAcceptedLedger(options: { stateDir: string; retentionMs: number; now?: () => number }): Promise<AcceptedLedger> {
  const now = options.now ?? Date.now;
  const file = path.join(options.stateDir, LEDGER_FILE);
  await mkdir(options.stateDir, { recursive: true });
  const accepted = new Map<string, number>();
  for (const line of (await readFile(file, "utf8").catch(() => "")).split("\n")) {
    const match = LINE.exec(line);
    if (match) accepted.set(match[1], Number(match[2]));
  }

  let handle: FileHandle | undefined;
  // Writes go one after another (a failed one does not stop the next): appends batched under one fsync
  // (group commit), compaction alone.
  let chain: Promise<void> = Promise.resolve();
  const serially = (task: () => Promise<void>): Promise<void> => {
    const run = chain.then(task);
    chain = run.catch(() => undefined);
    return run;
  };
  let pending: string[] = [];
  let flushing: Promise<void> | null = null;

  async function compact() {
    const oldest = now() - options.retentionMs;
    for (const [id, at] of accepted) if (at < oldest) accepted.delete(id);
    const temporary = `${file}.${process.pid}.tmp`;
    const out = await open(temporary, "w");
    try {
      await out.writeFile([...accepted].map(([id, at]) => `${id} ${at}\n`).join(""));
      await out.sync();
    } finally {
      await out.close();
    }
    await handle?.close();
    await rename(temporary, file);
    await syncDir(options.stateDir);
    handle = await open(file, "a");
  }

  const flush = (): Promise<void> => {
    flushing ??= serially(async () => {
      flushing = null;
      const lines = pending;
      pending = [];
      await handle!.write(lines.join(""));
      await handle!.datasync();
    });
    return flushing;
  };

  await compact();
  const timer = setInterval(
    () => serially(compact).catch((error) => console.error("[import-client] ledger compaction failed:", error)),
    COMPACT_EVERY_MS,
  );
  timer.unref();

  return {
    has: (messageId) => accepted.has(messageId),
    async remember(messageId) {
      if (accepted.has(messageId)) return;
      const at = now();
      pending.push(`${messageId} ${at}\n`);
      await flush();
      accepted.set(messageId, at);
    },
    async close() {
      clearInterval(timer);
      await chain;
      await handle?.close();
    },
  };
}
