// Ingestion API: submit a manual change for approval (R19, docs/ingestion-api.md).
import { db } from "@/lib/db/client";
import { changeSubmitEndpoint, handleIngestion } from "@/lib/ingestion/handle-request";

export async function POST(request: Request) {
  return handleIngestion({ db, request, endpoint: changeSubmitEndpoint });
}
