// The job worker as one ES module bundle (dist/worker/worker.mjs, gitignored), which production runs with plain
// node: no TypeScript transform at start-up or in memory (tsx cost the worker about 22 MB). Our sources, the
// `@/` alias and lib/generated/prisma are bundled; packages stay in node_modules (native addons, pino's
// worker threads). Rebuilt when missing or older than a source; written to a temporary name and renamed, so
// concurrent starts (bench, drills) never run a half-written file.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

export const WORKER_BUNDLE = path.join("dist", "worker", "worker.mjs");

const ENTRY = path.join("scripts", "worker.ts");
const SOURCES = ["lib", "scripts/worker.ts", "package.json", "tsconfig.json"];
const SKIP = new Set(["node_modules"]);

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry)
    .filter((name) => !SKIP.has(name))
    .reduce((max, name) => Math.max(max, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

/** Builds the bundle unless it is newer than every source; returns its path (relative to the project root). */
export async function ensureWorkerBuild(options: { force?: boolean } = {}): Promise<string> {
  const builtAt = existsSync(WORKER_BUNDLE) ? statSync(WORKER_BUNDLE).mtimeMs : 0;
  if (!options.force && builtAt > Math.max(...SOURCES.map(newestMtime))) return WORKER_BUNDLE;
  mkdirSync(path.dirname(WORKER_BUNDLE), { recursive: true });
  const temporary = `${WORKER_BUNDLE}.${process.pid}.tmp`;
  await build({
    entryPoints: [ENTRY],
    outfile: temporary,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: "tsconfig.json",
    logLevel: "warning",
  });
  renameSync(temporary, WORKER_BUNDLE);
  return WORKER_BUNDLE;
}
