// The standalone reference import client (npm run build:import-client) as a child process with plain node, copied
// into a folder of its own with no node_modules, as an enterprise installs it; in pull mode or push mode.
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildImportClient } from "../lib/import-client-build";

let installed: Promise<string> | undefined;

/** Builds the bundle once per test process and installs it alone in a temporary folder. */
export function installedImportClient(): Promise<string> {
  installed ??= buildImportClient().then((bundle) => {
    const dir = mkdtempSync(path.join(tmpdir(), "sw-import-client-"));
    copyFileSync(bundle, path.join(dir, "import-client.mjs"));
    return path.join(dir, "import-client.mjs");
  });
  return installed;
}

export interface ClientProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function startClientProcess(args: string[]): Promise<ClientProcess> {
  const file = await installedImportClient();
  const child = spawn(process.execPath, [file, ...args], { cwd: path.dirname(file), stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

/** The arguments of pull mode for a fixture's client, its card's key written to a key file. */
export function pullArgs(options: {
  portalUrl: string;
  clientId: string;
  privateKey: string;
  inbox: string;
  /** Absent: the client fetches it from the portal's /api/platform-key. */
  platformPublicKey?: string;
  leaseSeconds?: number;
}) {
  const keyFile = path.join(mkdtempSync(path.join(tmpdir(), "sw-card-key-")), "card-key.json");
  writeFileSync(keyFile, JSON.stringify({ privateKey: options.privateKey }), { mode: 0o600 });
  return [
    "--pull",
    options.portalUrl,
    "--client-id",
    options.clientId,
    "--key",
    keyFile,
    "--inbox",
    options.inbox,
    ...(options.platformPublicKey ? ["--platform-public-key", options.platformPublicKey] : []),
    "--lease-seconds",
    String(options.leaseSeconds ?? 5),
    "--verify-threads",
    "1",
  ];
}
