// Structured JSON logs (pino) for web, worker and scripts; human-readable in development on a terminal.
// Secrets are kept out twice: by key (REDACTED_KEYS, wherever they appear up to four levels deep) and by value
// (the configured secrets and any URL password, scrubbed from every line: secret-values.ts).
import pino, { type Logger, type LoggerOptions } from "pino";
import pretty from "pino-pretty";
import { config, type Config } from "@/lib/config/env";
import { currentRequestId } from "./request-context";
import { scrubSecrets, secretValues } from "./secret-values";

const REDACTED_KEYS = [
  "password",
  "passwd",
  "pin",
  "privateKey",
  "signature",
  "body",
  "xml",
  "token",
  "accessToken",
  "refreshToken",
  "sessionToken",
  "secret",
  "authorization",
  "Authorization",
  "cookie",
  "Cookie",
  '["set-cookie"]',
  '["Set-Cookie"]',
  "AUTH_SECRET",
  "PLATFORM_SM2_PRIVATE_KEY",
  "METRICS_TOKEN",
  "DATABASE_URL",
  "databaseUrl",
  "connectionString",
];

export const redactPaths = REDACTED_KEYS.flatMap((key) => {
  const member = key.startsWith("[") ? key : `.${key}`;
  return [key, `*${member}`, `*.*${member}`, `*.*.*${member}`];
});

/** pino options shared by the process logger and the tests that check them. */
export function loggerOptions(settings: Config): LoggerOptions {
  const secrets = secretValues(settings);
  return {
    level: settings.LOG_LEVEL,
    redact: { paths: redactPaths, censor: "[redacted]" },
    hooks: { streamWrite: (line) => scrubSecrets(line, secrets) },
    base: { pid: process.pid },
  };
}

function createLogger(): Logger {
  const settings = config();
  // Pretty output is synchronous (no transport worker thread), which also works inside the Next.js server.
  if (settings.APP_MODE === "development" && process.stdout.isTTY) return pino(loggerOptions(settings), pretty({ colorize: true, sync: true }));
  return pino(loggerOptions(settings));
}

let root: Logger | undefined;

/** The logger of a component; carries the current request id when there is one. */
export function logger(component: string): Logger {
  root ??= createLogger();
  const requestId = currentRequestId();
  return root.child(requestId ? { component, requestId } : { component });
}
