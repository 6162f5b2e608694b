// Whether pages may offer the virtual card (SPEC §5: development and tests only, never production).
// APP_MODE is set by the start scripts ("development" for the demo, "test" for e2e); without it, a production
// build counts as production.
export type AppMode = "production" | "development" | "test";

export function appMode(env: Partial<Record<"APP_MODE" | "NODE_ENV", string>> = process.env): AppMode {
  const mode = env.APP_MODE;
  if (mode === "production" || mode === "development" || mode === "test") return mode;
  return env.NODE_ENV === "production" ? "production" : "development";
}

export function virtualCardsAllowed(env: Partial<Record<"APP_MODE" | "NODE_ENV", string>> = process.env): boolean {
  return appMode(env) !== "production";
}
