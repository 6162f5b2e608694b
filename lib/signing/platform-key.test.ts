import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { sm2KeyPair } from "@/lib/crypto/sm2";

const original = { cwd: process.cwd(), key: process.env.PLATFORM_SM2_PRIVATE_KEY };
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "sw-platform-key-"));
  process.chdir(dir);
  delete process.env.PLATFORM_SM2_PRIVATE_KEY;
  vi.resetModules();
});
afterEach(() => {
  process.chdir(original.cwd);
  if (original.key === undefined) delete process.env.PLATFORM_SM2_PRIVATE_KEY;
  else process.env.PLATFORM_SM2_PRIVATE_KEY = original.key;
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

const loadKey = async () => {
  vi.resetModules();
  return (await import("@/lib/signing/platform-key")).getPlatformKeyPair();
};

describe("platform key", () => {
  test("in development it is generated once and kept in .data/platform-key.json (owner-only)", async () => {
    const first = await loadKey();
    const second = await loadKey();
    expect(second).toEqual(first);
    expect(first.publicKey).toMatch(/^04[0-9a-f]{128}$/);
    const file = path.join(dir, ".data", "platform-key.json");
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ privateKey: first.privateKey });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  test("PLATFORM_SM2_PRIVATE_KEY wins, must be 64 hex digits, and is required in production", async () => {
    const configured = sm2KeyPair();
    process.env.PLATFORM_SM2_PRIVATE_KEY = configured.privateKey.toUpperCase();
    expect(await loadKey()).toEqual(configured);
    process.env.PLATFORM_SM2_PRIVATE_KEY = "abc";
    await expect(loadKey()).rejects.toThrow(/64 hex/);
    delete process.env.PLATFORM_SM2_PRIVATE_KEY;
    vi.stubEnv("NODE_ENV", "production");
    await expect(loadKey()).rejects.toThrow(/PLATFORM_SM2_PRIVATE_KEY is not set/);
  });

  test("GET /api/platform-key serves the public key as JSON and as PEM", async () => {
    const configured = sm2KeyPair();
    process.env.PLATFORM_SM2_PRIVATE_KEY = configured.privateKey;
    vi.resetModules();
    const { GET } = await import("@/app/api/platform-key/route");
    const json = await GET(new Request("http://localhost/api/platform-key")).json();
    expect(json).toMatchObject({ algorithm: "SM2", hash: "SM3", userId: "1234567812345678", publicKey: configured.publicKey });
    expect(json.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAE[\s\S]+-----END PUBLIC KEY-----\n$/);
    const pem = GET(new Request("http://localhost/api/platform-key?format=pem"));
    expect(pem.headers.get("Content-Type")).toContain("application/x-pem-file");
    expect(await pem.text()).toBe(json.publicKeyPem);
  });
});
