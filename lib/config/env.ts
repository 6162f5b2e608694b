// All configuration of web, worker and scripts, described by one zod schema. Processes check it once at start
// (checkConfig) and stop with the offending variable's name; code reads values through config().
import { isIP } from "node:net";
import { z } from "zod";

const ZSeconds = z
  .string()
  .trim()
  .regex(/^\d+(\s*,\s*\d+)*$/, "whole seconds separated by commas, e.g. 10,60,300")
  .transform((value) => value.split(",").map((part) => Number(part.trim())));

const ZPositiveInt = z.coerce.number().int().positive();

function isIpOrCidr(entry: string): boolean {
  const [address, prefix, extra] = entry.split("/");
  const family = isIP(address);
  if (!family || extra !== undefined) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

export type AppMode = "production" | "development" | "test";

/** APP_MODE as set by the start scripts ("development" for the demo, "test" for e2e); else NODE_ENV decides. */
export function resolveAppMode(env: { APP_MODE?: string; NODE_ENV?: string }): AppMode {
  const mode = env.APP_MODE;
  if (mode === "production" || mode === "development" || mode === "test") return mode;
  return env.NODE_ENV === "production" ? "production" : "development";
}

export const ZConfig = z
  .object({
    NODE_ENV: z.string().optional(),
    APP_MODE: z.enum(["production", "development", "test"]).optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "a postgresql:// connection string")
      .optional(),
    DATABASE_POOL_SIZE: ZPositiveInt.max(500).default(10),
    AUTH_SECRET: z.string().min(32, "at least 32 characters").optional(),
    PORT: ZPositiveInt.max(65_535).default(3000),
    /** The worker's /health, /ready and /metrics; 0 picks a free port. */
    WORKER_PORT: z.coerce.number().int().min(0).max(65_535).default(3001),
    METRICS_TOKEN: z.string().min(16, "at least 16 characters").optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    PLATFORM_SM2_PRIVATE_KEY: z
      .string()
      .trim()
      .regex(/^[0-9a-fA-F]{64}$/, "64 hex digits")
      .optional(),
    DELIVERY_RETRY_SCHEDULE: ZSeconds.default([10, 60, 300, 1_800, 7_200, 21_600]),
    /** How long a delivery batch waits for its POSTs; one still running then goes on detached (lib/pushes/deliver-batch.ts). */
    DELIVERY_BATCH_WAIT_MS: ZPositiveInt.max(15_000).default(2_000),
    /** POSTs one worker process has in flight to one import client at most; its further messages wait or are deferred. */
    DELIVERY_CLIENT_CONCURRENCY: ZPositiveInt.max(100).default(8),
    /** An import client is paused once it has failed continuously this long (hours, decimals allowed); 0 never pauses. */
    CLIENT_PAUSE_AFTER_HOURS: z.coerce.number().min(0).max(8_760).default(24),
    /** Failed sign-ins (wrong passwords, any account) one client IP may make within 15 minutes before it is refused for 15 minutes; successes do not count. */
    SIGN_IN_FAILURES_PER_IP: ZPositiveInt.default(50),
    /** Signing challenges one user may request per minute (lib/signing/challenge.ts); more are refused. */
    SIGNING_CHALLENGES_PER_MINUTE: ZPositiveInt.max(10_000).default(20),
    /**
     * Proxies (IPs or CIDRs, comma-separated) whose X-Forwarded-For entries are believed (lib/auth/client-ip.ts);
     * unset, the client IP is the socket's peer and X-Forwarded-For is ignored.
     */
    TRUSTED_PROXIES: z
      .string()
      .trim()
      .refine(
        (value) => value.split(",").every((entry) => isIpOrCidr(entry.trim())),
        "IP addresses or CIDRs separated by commas, e.g. 10.0.0.5,10.1.0.0/16",
      )
      .transform((value) => value.split(",").map((entry) => entry.trim()))
      .default([]),
    /** Further origins (host[:port], comma-separated) allowed to post server actions, e.g. a second domain of a proxy. */
    SERVER_ACTIONS_ALLOWED_ORIGINS: z
      .string()
      .regex(/^[\w.*-]+(:\d+)?(\s*,\s*[\w.*-]+(:\d+)?)*$/, "host names (host or host:port) separated by commas")
      .optional(),
    /** Production only: accept loopback and private endpoint addresses, for import clients on the intranet. */
    CLIENT_ENDPOINT_ALLOW_PRIVATE: z
      .enum(["true", "false"], "true or false")
      .default("false")
      .transform((value) => value === "true"),
  })
  .transform((env) => ({ ...env, APP_MODE: resolveAppMode(env) }))
  .superRefine((env, ctx) => {
    // Development and tests generate these; a production deployment must set them.
    if (env.APP_MODE !== "production") return;
    for (const name of ["AUTH_SECRET", "PLATFORM_SM2_PRIVATE_KEY", "DATABASE_URL"] as const) {
      if (!env[name]) ctx.addIssue({ code: "custom", path: [name], message: "is required in production" });
    }
  });

export type Config = z.infer<typeof ZConfig>;

export class ConfigError extends Error {
  constructor(public readonly issues: string[]) {
    super(`invalid configuration:\n${issues.map((issue) => `  - ${issue}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

const KEYS = Object.keys((ZConfig as unknown as { in: { shape: object } }).in.shape);
let cache: { key: string; config: Config } | undefined;

/** Parses the environment; throws ConfigError naming every invalid variable. */
export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
  const values = Object.fromEntries(KEYS.map((key) => [key, env[key] === "" ? undefined : env[key]]));
  const parsed = ZConfig.safeParse(values);
  if (parsed.success) return parsed.data;
  throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
}

/** The current configuration (re-read only when the environment changed, as tests do). */
export function config(): Config {
  const key = KEYS.map((name) => process.env[name] ?? "").join("\u0000");
  if (cache?.key !== key) cache = { key, config: parseConfig() };
  return cache.config;
}

/** At process start: a bad value stops the process with a message naming the variable. */
export function checkConfig(processName: string): Config {
  try {
    return config();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`[${processName}] ${error.message}`);
    process.exit(78); // EX_CONFIG
  }
}
