// `npm run build:import-client`: writes the standalone reference import client (scripts/lib/import-client-build.ts).
import path from "node:path";
import { buildImportClient } from "./lib/import-client-build";

buildImportClient().then(
  (file) =>
    console.log(`[build:import-client] wrote ${file}: run it with node ${path.basename(file)} --pull <portal URL> … (docs/delivery-protocol.md B.8)`),
  (error) => {
    console.error("[build:import-client] failed:", error);
    process.exit(1);
  },
);
