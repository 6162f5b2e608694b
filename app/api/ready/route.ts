// Readiness: database reachable, migrations applied, job queues installed (503 with the failing checks).
import { readiness } from "@/lib/health/readiness";

export const dynamic = "force-dynamic";

export async function GET() {
  const result = await readiness();
  return Response.json(result, { status: result.ready ? 200 : 503 });
}
