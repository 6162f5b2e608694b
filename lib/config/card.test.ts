import { describe, expect, it } from "vitest";
import { appMode, virtualCardsAllowed } from "./card";

describe("virtualCardsAllowed", () => {
  it("allows the virtual card in development and test mode", () => {
    expect(virtualCardsAllowed({ APP_MODE: "development", NODE_ENV: "production" })).toBe(true);
    expect(virtualCardsAllowed({ APP_MODE: "test", NODE_ENV: "production" })).toBe(true);
  });

  it("never allows it in production mode", () => {
    expect(virtualCardsAllowed({ APP_MODE: "production", NODE_ENV: "development" })).toBe(false);
  });

  it("takes the mode from NODE_ENV when APP_MODE is missing or unknown", () => {
    expect(appMode({ NODE_ENV: "production" })).toBe("production");
    expect(appMode({ APP_MODE: "staging", NODE_ENV: "production" })).toBe("production");
    expect(appMode({ NODE_ENV: "development" })).toBe("development");
    expect(appMode({})).toBe("development");
  });
});
