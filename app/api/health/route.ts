// Liveness: the web process is up.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" });
}
