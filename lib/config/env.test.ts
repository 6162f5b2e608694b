import { describe, expect, test } from "vitest";
import { ConfigError, parseConfig } from "./env";

describe("configuration", () => {
  test("defaults for development", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ APP_MODE: "development", PORT: 3000, WORKER_PORT: 3001, DATABASE_POOL_SIZE: 10, DELIVERY_RETRY_SCHEDULE: [10, 60, 300, 1_800, 7_200, 21_600] });
  });

  test("a bad value names its variable", () => {
    expect(() => parseConfig({ DELIVERY_RETRY_SCHEDULE: "10,x" })).toThrow(/DELIVERY_RETRY_SCHEDULE: whole seconds/);
    expect(() => parseConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: a postgresql:\/\/ connection string/);
    expect(() => parseConfig({ PORT: "http" })).toThrow(ConfigError);
  });

  test("production requires its secrets", () => {
    const error = (() => {
      try {
        parseConfig({ NODE_ENV: "production" });
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(error?.issues).toEqual([
      "AUTH_SECRET: is required in production",
      "PLATFORM_SM2_PRIVATE_KEY: is required in production",
      "DATABASE_URL: is required in production",
    ]);
    expect(parseConfig({ NODE_ENV: "production", APP_MODE: "development" }).APP_MODE).toBe("development");
  });

  test("retry schedule parses to seconds", () => {
    expect(parseConfig({ DELIVERY_RETRY_SCHEDULE: "1, 1,2" }).DELIVERY_RETRY_SCHEDULE).toEqual([1, 1, 2]);
  });
});
