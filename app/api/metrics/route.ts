// Prometheus metrics of the web process and the database-derived gauges (docs/operations.md).
import { metricsAuthorization } from "@/lib/metrics/authorize";
import { METRICS_CONTENT_TYPE, renderMetrics } from "@/lib/metrics/registry";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const access = metricsAuthorization(request.headers.get("authorization"));
  if (access === "disabled") return new Response("metrics are off: set METRICS_TOKEN\n", { status: 404 });
  if (access === "denied") return new Response("unauthorized\n", { status: 401, headers: { "WWW-Authenticate": "Bearer" } });
  return new Response(await renderMetrics(), { headers: { "Content-Type": METRICS_CONTENT_TYPE } });
}
