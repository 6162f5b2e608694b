// The reference import client as one standalone file (dist/import-client/import-client.mjs) that an enterprise runs
// with plain Node, without the portal's source or node_modules (docs/delivery-protocol.md B.8): esbuild bundles
// scripts/import-client.ts with every package it uses, and the verification thread's code, bundled on its own,
// inside it as a string (lib/import-client/verify-pool.ts starts it with eval).
import { mkdirSync, renameSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

export const IMPORT_CLIENT_BUNDLE = path.join("dist", "import-client", "import-client.mjs");

export async function buildImportClient(): Promise<string> {
  const thread = await build({
    entryPoints: [path.join("lib", "import-client", "verify-thread.mjs")],
    write: false,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    logLevel: "warning",
  });
  mkdirSync(path.dirname(IMPORT_CLIENT_BUNDLE), { recursive: true });
  const temporary = `${IMPORT_CLIENT_BUNDLE}.${process.pid}.tmp`;
  await build({
    entryPoints: [path.join("scripts", "import-client.ts")],
    outfile: temporary,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    tsconfig: "tsconfig.json",
    define: { __VERIFY_THREAD_SOURCE__: JSON.stringify(thread.outputFiles[0].text) },
    // Bundled packages written for CommonJS call require(); an ES module has none of its own.
    banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
    logLevel: "warning",
  });
  renameSync(temporary, IMPORT_CLIENT_BUNDLE);
  return IMPORT_CLIENT_BUNDLE;
}
