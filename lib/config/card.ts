// Whether pages may offer the virtual card (docs/rules.md §5: development and tests only, never production).
import { resolveAppMode, type AppMode } from "./env";

export type { AppMode };

export function appMode(env: Partial<Record<"APP_MODE" | "NODE_ENV", string>> = process.env): AppMode {
  return resolveAppMode(env);
}

export function virtualCardsAllowed(env: Partial<Record<"APP_MODE" | "NODE_ENV", string>> = process.env): boolean {
  return appMode(env) !== "production";
}
