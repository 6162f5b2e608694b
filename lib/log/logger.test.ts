import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, test } from "vitest";
import { parseConfig } from "@/lib/config/env";
import { loggerOptions } from "./logger";
import { currentRequestId, withRequestId } from "./request-context";

const SECRETS = {
  AUTH_SECRET: "auth-secret-0123456789abcdefghijklmnopqrstuv",
  PLATFORM_SM2_PRIVATE_KEY: "3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8",
  METRICS_TOKEN: "metrics-token-5f6e7d8c9b",
  DATABASE_URL: "postgresql://sw:Db-pass-word-42@db.internal:5432/sw",
};

function captureLogs(configEnv: Record<string, string>) {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
  return { log: pino(loggerOptions(parseConfig(configEnv)), sink), output: () => lines.join("") };
}

describe("logs", () => {
  test("PINs, signatures, keys and bodies never reach the output", () => {
    const { log, output } = captureLogs({});
    log.info({ pin: "88888888", proof: { signature: "3045abcd", cardNo: "8600000100001" }, body: "<xml/>", key: { privateKey: "ab" } }, "signed");
    for (const secret of ["88888888", "3045abcd", "<xml/>", '"ab"']) expect(output()).not.toContain(secret);
    expect(output()).toContain("8600000100001");
  });

  test("configured secrets, passwords, tokens and auth headers never reach the output, under any key", () => {
    const { log, output } = captureLogs(SECRETS);
    log.info({ env: { ...SECRETS } }, "configuration");
    log.info(
      { user: { password: "Demo@2026", pin: "87654321" }, session: { sessionToken: "jwt.session.value", accessToken: "access-1" } },
      "sign-in",
    );
    log.info({ req: { headers: { Authorization: "Bearer bearer-value-1", cookie: "authjs.session-token=cookie-value-1" } } }, "request");
    log.info({ res: { headers: { "set-cookie": "authjs.session-token=cookie-value-2; HttpOnly" } } }, "response");
    log.info({ a: { b: { c: { token: "deep-token-1", secret: "deep-secret-1" } } } }, "nested");
    // Under keys no redaction path names, and inside messages: caught by value.
    log.error(
      { err: new Error(`connect failed: ${SECRETS.DATABASE_URL}`), detail: { key: SECRETS.PLATFORM_SM2_PRIVATE_KEY.toUpperCase() } },
      "db down",
    );
    log.warn(`metrics scraped with ${SECRETS.METRICS_TOKEN}; signing with ${SECRETS.AUTH_SECRET}`);
    log.warn("another server postgres://admin:short1@10.0.0.5/db refused");

    const text = output();
    const leaked = [
      ...Object.values(SECRETS),
      "Db-pass-word-42",
      "Demo@2026",
      "87654321",
      "jwt.session.value",
      "access-1",
      "bearer-value-1",
      "cookie-value-1",
      "cookie-value-2",
      "deep-token-1",
      "deep-secret-1",
      "short1",
      SECRETS.PLATFORM_SM2_PRIVATE_KEY.toUpperCase(),
    ].filter((secret) => text.includes(secret));
    expect(leaked).toEqual([]);
    // What is not secret stays readable.
    expect(text).toContain("db.internal:5432");
    expect(text).toContain("connect failed");
    expect(text.split("\n").filter(Boolean)).toHaveLength(8);
  });

  test("a request id is kept for the work it starts and a bad one is replaced", async () => {
    await withRequestId("req-1", async () => {
      await new Promise((r) => setTimeout(r, 1));
      expect(currentRequestId()).toBe("req-1");
    });
    withRequestId("bad id with spaces", () => expect(currentRequestId()).toMatch(/^[0-9a-f-]{36}$/));
    expect(currentRequestId()).toBeUndefined();
  });
});
