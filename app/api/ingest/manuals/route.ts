// Ingestion API: upsert a manual's header and up to 10,000 rows (R19, docs/ingestion-api.md).
import { db } from "@/lib/db/client";
import { handleIngestion, manualUpsertEndpoint } from "@/lib/ingestion/handle-request";

export async function POST(request: Request) {
  return handleIngestion({ db, request, endpoint: manualUpsertEndpoint });
}
