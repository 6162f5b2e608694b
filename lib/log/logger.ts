// Structured JSON logs (pino) for web, worker and scripts; human-readable in development on a terminal.
// Secrets, PINs, signatures, keys and message bodies are redacted wherever they appear in a log object.
import pino, { type Logger } from "pino";
import pretty from "pino-pretty";
import { config } from "@/lib/config/env";
import { currentRequestId } from "./request-context";

const REDACTED_KEYS = ["password", "pin", "passwd", "privateKey", "signature", "body", "xml", "authorization", "cookie", "token", "secret"];

export const redactPaths = REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

function createLogger(): Logger {
  const { LOG_LEVEL, APP_MODE } = config();
  const options = { level: LOG_LEVEL, redact: { paths: redactPaths, censor: "[redacted]" }, base: { pid: process.pid } };
  // Pretty output is synchronous (no transport worker thread), which also works inside the Next.js server.
  if (APP_MODE === "development" && process.stdout.isTTY) return pino(options, pretty({ colorize: true, sync: true }));
  return pino(options);
}

let root: Logger | undefined;

/** The logger of a component; carries the current request id when there is one. */
export function logger(component: string): Logger {
  root ??= createLogger();
  const requestId = currentRequestId();
  return root.child(requestId ? { component, requestId } : { component });
}
