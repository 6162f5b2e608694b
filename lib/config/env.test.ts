import { describe, expect, test } from "vitest";
import { ConfigError, parseConfig } from "./env";

describe("configuration", () => {
  test("defaults for development", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      APP_MODE: "development",
      PORT: 3000,
      WORKER_PORT: 3001,
      DATABASE_POOL_SIZE: 10,
      DELIVERY_RETRY_SCHEDULE: [10, 60, 300, 1_800, 7_200, 21_600],
    });
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

  test("an invalid secret is named but its value never printed", () => {
    const values = {
      AUTH_SECRET: "too-short-secret-9f3a",
      PLATFORM_SM2_PRIVATE_KEY: "not-hex-private-key-7c1d",
      DATABASE_URL: "mysql://sw:db-password-4e2b@db:3306/sw",
      METRICS_TOKEN: "tok-5a8e",
      LOG_LEVEL: "loud-level-3b9c",
      SERVER_ACTIONS_ALLOWED_ORIGINS: "https://evil.example/path-6d0f",
    };
    let message = "";
    try {
      parseConfig(values);
    } catch (error) {
      message = (error as ConfigError).message;
    }
    for (const name of Object.keys(values)) expect(message).toContain(`${name}:`);
    for (const value of Object.values(values)) expect(message).not.toContain(value);
    expect(message).not.toMatch(/9f3a|7c1d|4e2b|5a8e|3b9c|6d0f/);
  });

  test("retry schedule parses to seconds", () => {
    expect(parseConfig({ DELIVERY_RETRY_SCHEDULE: "1, 1,2" }).DELIVERY_RETRY_SCHEDULE).toEqual([1, 1, 2]);
  });
});
