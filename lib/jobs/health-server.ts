// The worker's own /health, /ready and /metrics, for a load balancer or an orchestrator and for Prometheus.
import http from "node:http";
import { readiness } from "@/lib/health/readiness";
import { metricsAuthorization } from "@/lib/metrics/authorize";
import { METRICS_CONTENT_TYPE, renderMetrics } from "@/lib/metrics/registry";

export function startWorkerHealthServer(options: { port: number; isRunning: () => boolean }): Promise<http.Server> {
  const server = http.createServer(async (request, response) => {
    const send = (status: number, body: string, type = "application/json") => {
      response.writeHead(status, { "Content-Type": type });
      response.end(body);
    };
    try {
      const path = new URL(request.url ?? "/", "http://worker").pathname;
      if (path === "/health") return send(200, JSON.stringify({ status: "ok" }));
      if (path === "/ready") {
        const result = await readiness({ jobs: async () => (options.isRunning() ? null : "pg-boss is not running") });
        return send(result.ready ? 200 : 503, JSON.stringify(result));
      }
      if (path === "/metrics") {
        const access = metricsAuthorization(request.headers.authorization ?? null);
        if (access === "disabled") return send(404, "metrics are off: set METRICS_TOKEN\n", "text/plain");
        if (access === "denied") return send(401, "unauthorized\n", "text/plain");
        return send(200, await renderMetrics(), METRICS_CONTENT_TYPE);
      }
      send(404, JSON.stringify({ error: "not found" }));
    } catch (error) {
      send(500, JSON.stringify({ error: (error as Error).message }));
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, () => resolve(server));
  });
}
