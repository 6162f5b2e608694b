// The platform's SM2 key that signs every push (R14). Production sets PLATFORM_SM2_PRIVATE_KEY (64 hex);
// development and tests generate one on first use and keep it in .data/platform-key.json so that web,
// worker and test processes of one checkout agree on it.
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sm2KeyPair } from "@/lib/crypto/sm2";

export interface PlatformKeyPair {
  privateKey: string;
  publicKey: string;
}

const DEV_KEY_FILE = path.join(process.cwd(), ".data", "platform-key.json");

let cached: PlatformKeyPair | undefined;

export function getPlatformKeyPair(): PlatformKeyPair {
  cached ??= loadPlatformKeyPair();
  return cached;
}

function loadPlatformKeyPair(): PlatformKeyPair {
  const configured = process.env.PLATFORM_SM2_PRIVATE_KEY?.trim();
  if (configured) {
    if (!/^[0-9a-fA-F]{64}$/.test(configured)) throw new Error("PLATFORM_SM2_PRIVATE_KEY must be 64 hex digits");
    return sm2KeyPair(configured.toLowerCase());
  }
  if (process.env.NODE_ENV === "production") throw new Error("PLATFORM_SM2_PRIVATE_KEY is not set");
  return developmentPlatformKeyPair();
}

/**
 * The development key of this checkout, created on first use. `npm start` runs `next start` (NODE_ENV
 * production), so it hands this key to its children as PLATFORM_SM2_PRIVATE_KEY.
 */
export function developmentPlatformKeyPair(): PlatformKeyPair {
  try {
    return sm2KeyPair(JSON.parse(readFileSync(DEV_KEY_FILE, "utf8")).privateKey);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(path.dirname(DEV_KEY_FILE), { recursive: true });
  const temporary = `${DEV_KEY_FILE}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ privateKey: sm2KeyPair().privateKey }), { mode: 0o600 });
  try {
    // link() fails when another process created the file first; then everyone uses that one.
    linkSync(temporary, DEV_KEY_FILE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    unlinkSync(temporary);
  }
  return sm2KeyPair(JSON.parse(readFileSync(DEV_KEY_FILE, "utf8")).privateKey);
}
