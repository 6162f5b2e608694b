// OpenSSL 3 as an outside verifier of SM2 signatures, in a scratch directory; tests skip when it is missing.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export function opensslWorkspace(prefix: string) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const run = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, encoding: "utf8" });
  let available = true;
  try {
    run("version");
  } catch {
    available = false;
  }
  const write = (file: string, content: string | Uint8Array) => writeFileSync(path.join(dir, file), content);
  /** `pkeyutl -verify` of a raw message with SM3 and distid 1234567812345678; its output, or its error's. */
  const verifySm2 = (options: { publicKeyPem: string; messageFile: string; signatureFile: string }) => {
    try {
      return run(
        "pkeyutl",
        "-verify",
        "-pubin",
        "-inkey",
        options.publicKeyPem,
        "-rawin",
        "-in",
        options.messageFile,
        "-sigfile",
        options.signatureFile,
        "-digest",
        "sm3",
        "-pkeyopt",
        "distid:1234567812345678",
      );
    } catch (error) {
      return String((error as { stdout?: string }).stdout ?? error);
    }
  };
  return { available, run, write, verifySm2 };
}
