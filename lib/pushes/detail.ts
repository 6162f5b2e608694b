// A message of the push log with every delivery attempt (time, HTTP status, duration, error) and its XML.
import { XMLBuilder, XMLParser } from "fast-xml-parser";
import type { Db, Prisma } from "@/lib/db/client";
import { ownedBy, type EnterpriseScope } from "@/lib/db/tenancy";
import { AppError } from "@/lib/errors";

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, parseTagValue: false, trimValues: false });
const builder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, format: true, indentBy: "  " });

/** The stored body is compact; people read it indented. */
export function prettyXml(xml: string): string {
  const declaration = xml.startsWith("<?xml") ? xml.slice(0, xml.indexOf("?>") + 2) : "";
  const body = builder.build(parser.parse(xml.slice(declaration.length))) as string;
  return `${declaration}${declaration ? "\n" : ""}${body.trim()}\n`;
}

export async function getPushMessageDetail(options: { db: Db; scope: EnterpriseScope; messageId: string }) {
  const found = await findPushMessageDetail({ db: options.db, where: { ...ownedBy(options.scope), messageId: options.messageId } });
  if (!found) throw new AppError("NOT_FOUND", "pushes.messageNotFound");
  return found.detail;
}
export type PushMessageDetail = NonNullable<Awaited<ReturnType<typeof findPushMessageDetail>>>["detail"];

/**
 * The detail without a tenancy scope, for the enterprise's view above and the customs admins' (lib/review), with
 * the stored body apart (its exact bytes are what the platform signs; the browser gets the indented xml).
 */
export async function findPushMessageDetail(options: { db: Db; where: Prisma.PushMessageWhereInput }) {
  const message = await options.db.pushMessage.findFirst({
    where: options.where,
    select: {
      messageId: true,
      emsNo: true,
      type: true,
      partNo: true,
      partCount: true,
      rowCount: true,
      dispatchStatus: true,
      dispatchedAt: true,
      deliveredAt: true,
      attemptCount: true,
      lastError: true,
      resent: true,
      resentAt: true,
      body: true,
      importClient: { select: { clientId: true, endpointUrl: true } },
      attempts: {
        orderBy: [{ startedAt: "asc" }, { id: "asc" }],
        select: { attemptNo: true, isResend: true, startedAt: true, durationMs: true, httpStatus: true, error: true, delivered: true, kind: true },
      },
    },
  });
  if (!message) return null;
  const { body, importClient, ...rest } = message;
  return { detail: { ...rest, clientId: importClient.clientId, endpointUrl: importClient.endpointUrl, xml: prettyXml(body) }, body };
}
