import { describe, expect, test } from "vitest";
import { parseConfig } from "@/lib/config/env";
import { setEndpointNetwork } from "@/lib/security/endpoint-addresses";
import { privateEndpointsAllowed } from "@/lib/security/endpoint-addresses";
import { assertEndpointAllowed } from "./endpoint-policy";

const refusal = (endpointUrl: string, resolve?: (host: string) => Promise<string[]>) =>
  assertEndpointAllowed({ endpointUrl, allowPrivate: false, resolve: resolve ?? (async () => ["93.184.216.34"]) });

describe("assertEndpointAllowed where private addresses are not allowed", () => {
  test.each([
    "http://127.0.0.1:8787/push",
    "http://2130706433/push",
    "http://0x7f.1/push",
    "http://[::1]/push",
    "http://[::ffff:127.0.0.1]/push",
    "http://10.0.0.8/push",
    "https://192.168.3.4/push",
    "http://169.254.169.254/latest",
    "http://localhost:8787/push",
    "http://api.localhost/push",
  ])("%s is refused with a field error", async (endpointUrl) => {
    await expect(refusal(endpointUrl)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { endpointUrl: { key: expect.stringMatching(/^importClients\.endpoint(Localhost|NotPublic)$/) } },
    });
  });

  test("a name is judged by every address it resolves to", async () => {
    await expect(refusal("https://client.example.com/push", async () => ["93.184.216.34", "10.0.0.5"])).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(refusal("https://client.example.com/push", async () => ["93.184.216.34"])).resolves.toBeUndefined();
  });

  test("a name that does not resolve is refused, saying so", async () => {
    await expect(
      refusal("https://nowhere.invalid/push", async () => {
        throw new Error("ENOTFOUND");
      }),
    ).rejects.toMatchObject({
      fieldErrors: { endpointUrl: { key: "importClients.endpointUnresolvable", values: { host: "nowhere.invalid" } } },
    });
  });

  test("public addresses pass", async () => {
    await expect(refusal("https://93.184.216.34:8443/push")).resolves.toBeUndefined();
  });

  test("documentation addresses and this host's own addresses are refused too", async () => {
    await expect(refusal("https://client.example.com/push", async () => ["203.0.113.5"])).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const restore = setEndpointNetwork({ hostAddresses: () => ["93.184.216.34"] });
    try {
      await expect(refusal("https://client.example.com/push")).rejects.toMatchObject({
        fieldErrors: { endpointUrl: { key: "importClients.endpointNotPublic" } },
      });
    } finally {
      restore();
    }
  });
});

describe("privateEndpointsAllowed", () => {
  const production = {
    APP_MODE: "production",
    AUTH_SECRET: "x".repeat(32),
    PLATFORM_SM2_PRIVATE_KEY: "1".repeat(64),
    DATABASE_URL: "postgresql://db/sw",
  };

  test("outside production always; in production only with CLIENT_ENDPOINT_ALLOW_PRIVATE=true", () => {
    expect(privateEndpointsAllowed(parseConfig({ APP_MODE: "development" }))).toBe(true);
    expect(privateEndpointsAllowed(parseConfig({ APP_MODE: "test" }))).toBe(true);
    expect(privateEndpointsAllowed(parseConfig(production))).toBe(false);
    expect(privateEndpointsAllowed(parseConfig({ ...production, CLIENT_ENDPOINT_ALLOW_PRIVATE: "true" }))).toBe(true);
  });

  test("the pause rule and the switch are checked at start", () => {
    expect(parseConfig({})).toMatchObject({ CLIENT_PAUSE_AFTER_HOURS: 24, CLIENT_ENDPOINT_ALLOW_PRIVATE: false });
    expect(parseConfig({ CLIENT_PAUSE_AFTER_HOURS: "0.5" }).CLIENT_PAUSE_AFTER_HOURS).toBe(0.5);
    expect(parseConfig({ CLIENT_PAUSE_AFTER_HOURS: "0" }).CLIENT_PAUSE_AFTER_HOURS).toBe(0);
    for (const bad of ["-1", "soon", "9000"]) expect(() => parseConfig({ CLIENT_PAUSE_AFTER_HOURS: bad })).toThrow(/CLIENT_PAUSE_AFTER_HOURS/);
    expect(() => parseConfig({ CLIENT_ENDPOINT_ALLOW_PRIVATE: "yes" })).toThrow(/CLIENT_ENDPOINT_ALLOW_PRIVATE: true or false/);
  });
});
