// /metrics needs `Authorization: Bearer <METRICS_TOKEN>`; without a configured token the endpoint is off.
import { timingSafeEqual } from "node:crypto";
import { config } from "@/lib/config/env";

export function metricsAuthorization(header: string | null): "ok" | "disabled" | "denied" {
  const token = config().METRICS_TOKEN;
  if (!token) return "disabled";
  const given = Buffer.from(header?.replace(/^Bearer\s+/i, "") ?? "");
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected) ? "ok" : "denied";
}
