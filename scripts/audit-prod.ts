// npm run audit:prod — the production dependencies must have no high or critical advisory. Exits 1 on such
// findings or when npm audit itself fails; exits 0 with a loud SKIPPED when the registry's audit endpoint
// cannot be reached (as on the development machine, whose registry answers 405), so the gap is visible.
import { spawnSync } from "node:child_process";
import { readAuditOutput } from "./lib/audit-report";

const run = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
const verdict = readAuditOutput(run.stdout ?? "");

switch (verdict.kind) {
  case "clean":
    console.log(`npm audit (production dependencies): no high or critical findings ${JSON.stringify(verdict.counts)}`);
    process.exit(0);
  case "findings":
    console.error(`npm audit (production dependencies): ${verdict.blocking.length} high/critical finding(s) ${JSON.stringify(verdict.counts)}`);
    for (const { name, severity } of verdict.blocking) console.error(`  ${severity.padEnd(8)} ${name}`);
    console.error("Run `npm audit --omit=dev` for the advisories and fixes.");
    process.exit(1);
  case "unreachable": {
    const bar = "!".repeat(78);
    console.error(
      `${bar}\n!! SKIPPED: the npm audit endpoint could not be reached (${verdict.reason}).\n!! The production dependencies were NOT checked for advisories. Run \`npm run audit:prod\`\n!! where the registry answers, or check \`npm ls --omit=dev\` against GitHub's advisory database.\n${bar}`,
    );
    console.log("SKIPPED");
    process.exit(0);
  }
  case "error":
    console.error(`npm audit failed: ${verdict.reason}`);
    process.exit(2);
}
