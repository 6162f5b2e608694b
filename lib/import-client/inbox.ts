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
export async function storeMessageFile(options: {
  inbox: string;
  emsNo: string;
  messageId: string;
  body: Uint8Array;
}): Promise<StoreResult> {
  const target = messageFilePath(options);
  if (await exists(target)) return "duplicate";

  const temporaryDir = path.join(options.inbox, TEMPORARY_DIR);
  await ensureDurableDir(temporaryDir);
  await ensureDurableDir(path.dirname(target));
  const temporary = path.join(temporaryDir, `${options.messageId}.${randomUUID()}.part`);
  try {
    const file = await open(temporary, "wx");
    try {
      await file.writeFile(options.body);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncDir(path.dirname(target));
  return "stored";
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

/** Creates a directory and makes its entry durable in the parent (only when it was just created). */
async function ensureDurableDir(dir: string): Promise<void> {
  const firstCreated = await mkdir(dir, { recursive: true });
  if (firstCreated) await syncDir(path.dirname(firstCreated));
}

export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
