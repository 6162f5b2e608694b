// `prisma generate` offline: Prisma 7's CLI wants its native schema engine even for generate, which this
// machine cannot download. Generation itself runs in WebAssembly, so any existing file satisfies the check.
import { execFileSync } from "node:child_process";

const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], { stdio: "inherit", env });
