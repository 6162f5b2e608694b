// The import client's inbox: <inbox>/<emsNo>/<messageId>.xml (test messages in <inbox>/TEST), written so that
// a file is either complete and durable or absent. Temporary files live in <inbox>/.tmp (same file system, so rename is atomic) and never
// appear in a manual's folder, where enterprise software may be watching.
import { randomUUID } from "node:crypto";
import { constants } from "node:fs";
import { access, mkdir, open, rename, rm } from "node:fs/promises";
import path from "node:path";

export type StoreResult = "stored" | "duplicate";

const TEMPORARY_DIR = ".tmp";
/** The folder of TEST messages, which belong to no manual; no manual number reads "TEST". */
export const TEST_MESSAGE_FOLDER = "TEST";

function messageFilePath(options: { inbox: string; emsNo: string; messageId: string }): string {
  return path.join(options.inbox, options.emsNo, `${options.messageId}.xml`);
}

/** Callers validate emsNo (a manual number or TEST_MESSAGE_FOLDER) and messageId: they become path segments. */
export async function storeMessageFile(options: { inbox: string; emsNo: string; messageId: string; body: Uint8Array }): Promise<StoreResult> {
  const target = messageFilePath(options);
  if (await exists(target)) return "duplicate";
  const temporaryDir = path.join(options.inbox, TEMPORARY_DIR);
  try {
    await writeDurably({ temporaryDir, target, messageId: options.messageId, body: options.body });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    // A folder known to exist was removed meanwhile (enterprise software may tidy the inbox): make it again, once.
    knownDirs.delete(temporaryDir);
    knownDirs.delete(path.dirname(target));
    await writeDurably({ temporaryDir, target, messageId: options.messageId, body: options.body });
  }
  return "stored";
}

/** Temporary file written and fsynced, renamed into place, and the rename made durable before returning. */
async function writeDurably(options: { temporaryDir: string; target: string; messageId: string; body: Uint8Array }): Promise<void> {
  await ensureDurableDir(options.temporaryDir);
  await ensureDurableDir(path.dirname(options.target));
  const temporary = path.join(options.temporaryDir, `${options.messageId}.${randomUUID()}.part`);
  try {
    const file = await open(temporary, "wx");
    try {
      await file.writeFile(options.body);
      await file.datasync();
    } finally {
      await file.close();
    }
    await rename(temporary, options.target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncDirGrouped(path.dirname(options.target));
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

// Folders this process made or found, so that a message costs no mkdir (a vanished one is made again above).
const knownDirs = new Set<string>();

/** Creates a directory and makes its entry durable in the parent (only when it was just created). */
async function ensureDurableDir(dir: string): Promise<void> {
  if (knownDirs.has(dir)) return;
  const firstCreated = await mkdir(dir, { recursive: true });
  if (firstCreated) await syncDir(path.dirname(firstCreated));
  knownDirs.add(dir);
}

// Group commit of a folder's fsync: one fsync covers every rename into the folder that finished before it
// began, so each message still waits for an fsync after its own rename, but concurrent messages share one.
const directorySyncs = new Map<string, { tail: Promise<void>; waiting: Promise<void> | null }>();

function syncDirGrouped(dir: string): Promise<void> {
  let entry = directorySyncs.get(dir);
  if (!entry) directorySyncs.set(dir, (entry = { tail: Promise.resolve(), waiting: null }));
  const current = entry;
  if (!current.waiting) {
    current.waiting = current.tail
      .catch(() => undefined)
      .then(() => {
        current.waiting = null; // renames from now on need the next fsync
        return syncDir(dir);
      });
    current.tail = current.waiting;
  }
  return current.waiting;
}

export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
