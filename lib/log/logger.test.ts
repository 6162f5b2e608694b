import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, test } from "vitest";
import { redactPaths } from "./logger";
import { currentRequestId, withRequestId } from "./request-context";

describe("logs", () => {
  test("PINs, signatures, keys and bodies never reach the output", () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const log = pino({ redact: { paths: redactPaths, censor: "[redacted]" } }, sink);
    log.info({ pin: "88888888", proof: { signature: "3045abcd", cardNo: "8600000100001" }, body: "<xml/>", key: { privateKey: "ab" } }, "signed");
    const output = lines.join("");
    for (const secret of ["88888888", "3045abcd", "<xml/>", '"ab"']) expect(output).not.toContain(secret);
    expect(output).toContain("8600000100001");
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
