// R18: CSV export of the filtered subscription records or push messages, read in keyset batches and streamed
// (lib/csv/stream.ts), so a million rows take no more memory than one batch. Customs admins only; audited.
import type { z } from "zod";
import { writeAudit } from "@/lib/audit/log";
import { authorizeAdminRoute, requestIp } from "@/lib/auth/admin-route";
import type { SessionUser } from "@/lib/auth/credentials";
import type { CsvValue } from "@/lib/csv/encode";
import { attachmentDisposition, csvStream } from "@/lib/csv/stream";
import type { Db, Prisma } from "@/lib/db/client";
import { renderRefusal } from "@/lib/i18n/refusal";
import { formatSubscriptionContent } from "@/lib/subscriptions/content";
import { localeOf, translatorFor, type ServerTranslator } from "@/lib/i18n/translator";
import { eachPage, type Page } from "@/lib/pagination/keyset";
import { formatShanghaiDateTime } from "@/lib/time/shanghai";
import { parseFilters, ZPushMessageReviewFilters, ZSubscriptionReviewFilters } from "@/lib/validations/admin-filters";
import { exportFileNames, pushMessageFileParts, subscriptionFileParts, type FileNamePart } from "./export-file-name";
import { listPushMessagesForReview, type ReviewPushMessageRow } from "./list-push-messages";
import { listSubscriptionsForReview, type ReviewSubscriptionRow } from "./list-subscriptions";

export const EXPORT_BATCH_SIZE = 1_000;

const time = (at: Date | null) => (at ? formatShanghaiDateTime(at) : "");

interface ExportSpec<TSchema extends z.ZodType, TRow> {
  kind: string;
  schema: TSchema;
  title: (t: ServerTranslator) => string;
  /** What the file name says was filtered (export-file-name.ts). */
  fileParts: (filters: z.infer<TSchema>, t: ServerTranslator) => FileNamePart[];
  columns: (t: ServerTranslator) => string[];
  values: (row: TRow, t: ServerTranslator) => CsvValue[];
  list: (options: { db: Db; filters: z.infer<TSchema>; after: string | null; pageSize: number }) => Promise<Page<TRow>>;
}

const subscriptionExport: ExportSpec<typeof ZSubscriptionReviewFilters, ReviewSubscriptionRow> = {
  kind: "subscriptions",
  schema: ZSubscriptionReviewFilters,
  title: (t) => t("adminReview.subscriptionsTitle"),
  fileParts: subscriptionFileParts,
  columns: (t) =>
    (
      [
        "recordId",
        "customsCode",
        "enterpriseName",
        "clientId",
        "cardNo",
        "cardHolder",
        "content",
        "enteredBy",
        "createdAt",
        "validUntil",
        "status",
        "pushCount",
      ] as const
    ).map((c) => t(`adminReview.col.${c}`)),
  values: (r, t) => [
    r.id,
    r.customsCode,
    r.enterpriseName,
    r.clientId,
    r.cardNo,
    r.cardHolder,
    formatSubscriptionContent(r.content, (key, values) => t(`subscriptionContent.${key}`, values)),
    r.enteredBy,
    time(r.createdAt),
    time(r.validUntil),
    t(`adminReview.status.${r.status}`),
    r.pushCount,
  ],
  list: listSubscriptionsForReview,
};

const pushMessageExport: ExportSpec<typeof ZPushMessageReviewFilters, ReviewPushMessageRow> = {
  kind: "push-messages",
  schema: ZPushMessageReviewFilters,
  title: (t) => t("adminReview.pushMessagesTitle"),
  fileParts: pushMessageFileParts,
  columns: (t) =>
    (
      [
        "messageId",
        "messageType",
        "emsNo",
        "customsCode",
        "enterpriseName",
        "clientId",
        "recordId",
        "part",
        "rowCount",
        "dispatchStatus",
        "dispatchedAt",
        "deliveredAt",
        "attemptCount",
        "resent",
        "resentAt",
        "lastError",
      ] as const
    ).map((c) => t(`adminReview.col.${c}`)),
  values: (r, t) => [
    r.messageId,
    t(`adminReview.messageType.${r.type}`),
    r.emsNo,
    r.customsCode,
    r.enterpriseName,
    r.clientId,
    r.subscriptionId,
    `${r.partNo}/${r.partCount}`,
    r.rowCount,
    t(`adminReview.dispatchStatus.${r.dispatchStatus}`),
    time(r.dispatchedAt),
    time(r.deliveredAt),
    r.attemptCount,
    t(r.resent ? "adminReview.resent.yes" : "adminReview.resent.no"),
    time(r.resentAt),
    r.lastError,
  ],
  list: listPushMessagesForReview,
};

export type ReviewExportKind = "subscriptions" | "push-messages";

interface ExportRequest {
  db: Db;
  request: Request;
  user: SessionUser | null;
  now?: Date;
}

export async function exportReviewCsv(options: ExportRequest & { kind: ReviewExportKind }): Promise<Response> {
  return options.kind === "subscriptions" ? csvResponse(subscriptionExport, options) : csvResponse(pushMessageExport, options);
}

async function csvResponse<TSchema extends z.ZodType, TRow>(spec: ExportSpec<TSchema, TRow>, options: ExportRequest): Promise<Response> {
  const { db, request } = options;
  const authorized = await authorizeAdminRoute({ user: options.user, request, route: `export:${spec.kind}` });
  if ("refusal" in authorized) return authorized.refusal;
  const { admin } = authorized;
  const parsed = parseFilters(spec.schema, new URL(request.url).searchParams);
  if (!parsed.ok) {
    const locale = localeOf(request);
    const fields = Object.fromEntries(Object.entries(parsed.errors).map(([field, refusal]) => [field, renderRefusal(refusal, locale)]));
    return Response.json({ error: renderRefusal({ key: "filters.invalid" }, locale), fields }, { status: 400 });
  }
  const filters = parsed.filters;

  await writeAudit(db, {
    action: "EXPORT",
    actorUserId: admin.id,
    actorAccount: admin.accountCode,
    targetType: spec.kind,
    detail: filters as Prisma.InputJsonValue,
    ip: requestIp(request),
  });
  const t = await translatorFor(request);
  const pages = eachPage((after) => spec.list({ db, filters, after, pageSize: EXPORT_BATCH_SIZE }));
  async function* batches() {
    for await (const rows of pages) yield rows.map((row) => spec.values(row, t));
  }
  const { dateFrom, dateTo } = filters as { dateFrom?: string; dateTo?: string };
  const names = exportFileNames({
    title: { text: spec.title(t), ascii: spec.kind },
    parts: spec.fileParts(filters, t),
    dateFrom,
    dateTo,
    exportedAt: options.now ?? new Date(),
  });
  return new Response(csvStream({ header: spec.columns(t), batches: batches() }), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachmentDisposition(names.fileName, names.asciiFileName),
      "Cache-Control": "no-store",
    },
  });
}
