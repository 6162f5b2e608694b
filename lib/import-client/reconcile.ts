// `reconcile --from --to`: the client checks its inbox against the platform-signed manifest of its messages
// (docs/delivery-protocol.md B.5) and fetches what is missing. Missing: in the manifest, no file in the inbox;
// mismatched: a file whose SM3 differs from the manifest's; extra: a file of the range the manifest does not
// list. A fetched message is received as any other (verified, stored atomically), even if the ledger remembers
// its id: its file is what was lost.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import {
  MANIFEST_HEADERS,
  manifestCanonicalString,
  PULL_MAX_FETCH,
  PULL_PATHS,
  sm3Hex,
  type Manifest,
  type PulledMessage,
} from "@/lib/pull/protocol";
import { createSm2DigestVerifier, sm2DigestFor } from "@/lib/signing/sm2-fixed-key";
import { openAcceptedLedger } from "./ledger";
import { readMessageHead } from "./message-head";
import { createPlatformKeySource } from "./platform-key-source";
import type { PullClientOptions } from "./pull-client";
import { createPullApi } from "./pull-api";
import { createReceiver } from "./receive";
import { DEFAULT_REMEMBER_DAYS } from "./server";

export interface ReconcileReport {
  listed: number;
  missing: string[];
  mismatched: string[];
  extra: string[];
  fetched: string[];
}

const FILE = /^(\d{20})\.xml$/;

export async function reconcileInbox(options: PullClientOptions & { from: Date; to: Date; fetchMissing?: boolean }): Promise<ReconcileReport> {
  const call = createPullApi(options);
  const keySource = createPlatformKeySource(options);
  try {
    const { headers, text } = await call<Manifest>(PULL_PATHS.manifest, { from: options.from.toISOString(), to: options.to.toISOString() });
    const publicKey = await keySource.publicKey();
    const canonical = manifestCanonicalString({ clientId: options.clientId, timestamp: headers.get(MANIFEST_HEADERS.timestamp) ?? "", body: text });
    if (!createSm2DigestVerifier(publicKey)(sm2DigestFor(publicKey)(canonical), headers.get(MANIFEST_HEADERS.signature) ?? "")) {
      throw new Error("the manifest's platform signature does not verify");
    }
    const manifest = JSON.parse(text) as Manifest;
    const files = await inboxFiles(options.inbox);
    const listed = new Map(manifest.messages.map((entry) => [entry.messageId, entry]));
    const missing: string[] = [];
    const mismatched: string[] = [];
    for (const entry of manifest.messages) {
      const file = files.get(entry.messageId);
      if (!file) missing.push(entry.messageId);
      else if (sm3Hex(await readFile(file)) !== entry.bodySm3) mismatched.push(entry.messageId);
    }
    const extra: string[] = [];
    for (const [messageId, file] of files) {
      if (listed.has(messageId)) continue;
      const createdAt = await createdAtOf(file);
      if (createdAt && createdAt >= options.from && createdAt < options.to) extra.push(messageId);
    }
    const fetched = options.fetchMissing === false ? [] : await fetchAndStore({ ...options, call, keySource, messageIds: missing });
    return { listed: manifest.messages.length, missing, mismatched, extra, fetched };
  } finally {
    await keySource.close();
  }
}

async function fetchAndStore(
  options: PullClientOptions & {
    call: ReturnType<typeof createPullApi>;
    keySource: ReturnType<typeof createPlatformKeySource>;
    messageIds: string[];
  },
): Promise<string[]> {
  if (options.messageIds.length === 0) return [];
  const ledger = await openAcceptedLedger({
    stateDir: options.stateDir ?? path.join(options.inbox, ".state"),
    retentionMs: (options.rememberDays ?? DEFAULT_REMEMBER_DAYS) * 86_400_000,
  });
  const { receive } = createReceiver({ ...options, ledger, ignoreLedger: true });
  const stored: string[] = [];
  try {
    for (let i = 0; i < options.messageIds.length; i += PULL_MAX_FETCH) {
      const { json } = await options.call<{ messages: PulledMessage[] }>(PULL_PATHS.fetch, {
        messageIds: options.messageIds.slice(i, i + PULL_MAX_FETCH),
      });
      for (const message of json.messages) {
        const outcome = await receive({
          messageId: message.headers["X-SW-Message-Id"] ?? "",
          timestamp: message.headers["X-SW-Timestamp"] ?? "",
          signature: message.headers["X-SW-Signature"] ?? "",
          body: Buffer.from(message.body, "utf8"),
        });
        if (outcome.status === 200) stored.push(outcome.messageId);
      }
    }
  } finally {
    await ledger.close();
  }
  return stored;
}

/** messageId → file of every message in the inbox (dot-folders are the client's own). */
async function inboxFiles(inbox: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const folder of await readdir(inbox, { withFileTypes: true }).catch(() => [])) {
    if (!folder.isDirectory() || folder.name.startsWith(".")) continue;
    for (const name of await readdir(path.join(inbox, folder.name))) {
      const match = FILE.exec(name);
      if (match) files.set(match[1], path.join(inbox, folder.name, name));
    }
  }
  return files;
}

/** Head/CreatedAt (Asia/Shanghai) of a stored message. */
async function createdAtOf(file: string): Promise<Date | null> {
  const xml = (await readFile(file, "utf8")).slice(0, 4_096);
  const match = /<CreatedAt>(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})<\/CreatedAt>/.exec(xml);
  return readMessageHead(xml) && match ? new Date(`${match[1]}T${match[2]}+08:00`) : null;
}
