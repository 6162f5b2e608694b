// CSV export of the filtered subscription records (R18), customs admins only.
import { getSessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { exportReviewCsv } from "@/lib/review/export-csv";

export async function GET(request: Request) {
  return exportReviewCsv({ db, request, user: await getSessionUser(), kind: "subscriptions" });
}
