// Server-side subscription rules shared by subscribe, cancel and extend (R1, R3, R4, R6, R7, R10, R11).
import type { Prisma } from "@/lib/db/client";
import type { EnterpriseScope } from "@/lib/db/tenancy";
import { ownedBy } from "@/lib/db/tenancy";
import { AppError, type Refusal } from "@/lib/errors";
import { addYearsToDay, endOfShanghaiDay, shanghaiDay } from "@/lib/time/shanghai";
import { MAX_RANGE_SIZE } from "@/lib/validations/subscription";
import { lockWatermark } from "./expire";
import { effectiveStatus } from "./validity";

type Tx = Prisma.TransactionClient;

/** R3: the enterprise's own import client with a bound card medium. */
export async function findBoundClient(tx: Tx, scope: EnterpriseScope, clientId: string) {
  const client = await tx.importClient.findFirst({ where: { ...ownedBy(scope), clientId, boundCardNo: { not: null } } });
  if (!client)
    throw new AppError("RULE_VIOLATION", "subscriptions.clientUnusable", undefined, { clientId: { key: "subscriptions.clientUnusableField" } });
  return client;
}

/** R1 and the manual's own validity: only the processing unit may subscribe to a manual in force. */
export async function findSubscribableManual(tx: Tx, options: { emsNo: string; customsCode: string; field: string; now: Date }) {
  const manual = await tx.manual.findUnique({ where: { emsNo: options.emsNo } });
  const values = { emsNo: options.emsNo };
  if (!manual)
    throw new AppError("NOT_FOUND", "subscriptions.manualNotFound", values, { [options.field]: { key: "subscriptions.manualNotFoundField" } });
  if (manual.rcvgdEtpsno !== options.customsCode) {
    throw new AppError("FORBIDDEN", "subscriptions.notProcessingUnit", values, { [options.field]: { key: "subscriptions.notProcessingUnitField" } });
  }
  if (manual.finishValidDate.toISOString().slice(0, 10) < shanghaiDay(options.now)) {
    throw new AppError("RULE_VIOLATION", "subscriptions.manualExpired", values, { [options.field]: { key: "subscriptions.manualExpiredField" } });
  }
  return manual;
}

/** R4: an empty range means the whole table and is allowed only up to 10,000 rows. */
export async function resolveRange(
  tx: Tx,
  options: { manualId: number; table: "material" | "product"; from: string; to: string },
): Promise<{ from: number | null; to: number | null }> {
  if (options.from !== "" || options.to !== "") return { from: Number(options.from), to: Number(options.to) };
  const where = { manualId: options.manualId };
  const rows = options.table === "material" ? await tx.manualMaterial.count({ where }) : await tx.manualProduct.count({ where });
  if (rows > MAX_RANGE_SIZE) {
    const values = { table: options.table, rows, max: MAX_RANGE_SIZE };
    throw new AppError("RULE_VIOLATION", "subscriptions.tableTooLarge", values, {
      [`${options.table}From`]: { key: "subscriptions.tableTooLargeField", values },
    });
  }
  return { from: null, to: null };
}

/** R7: a day from today to one year from today (Asia/Shanghai), stored as its 23:59:59. */
export function validUntilFromDay(day: string, now: Date, options: { after?: Date; field?: string } = {}): Date {
  const field = options.field ?? "validUntil";
  const today = shanghaiDay(now);
  const latest = addYearsToDay(today, 1);
  const refuse = (refusal: Refusal) => new AppError("RULE_VIOLATION", refusal.key, refusal.values, { [field]: refusal });
  if (day < today) throw refuse({ key: "subscriptions.validUntilPast" });
  if (day > latest) throw refuse({ key: "subscriptions.validUntilTooLate", values: { latest } });
  const validUntil = endOfShanghaiDay(day);
  if (options.after && validUntil <= options.after) {
    throw refuse({ key: "subscriptions.validUntilNotLater" });
  }
  return validUntil;
}

/**
 * R10/R11: the record of this enterprise with an incremental part that is ACTIVE and not past its validity (R12),
 * nor already audited as expired by the expiry job (which it waits for, expire.ts).
 */
export async function findActiveIncremental(tx: Tx, scope: EnterpriseScope, subscriptionId: number, now: Date) {
  const auditedUntil = await lockWatermark(tx, "SHARE");
  const subscription = await tx.subscription.findFirst({ where: { ...ownedBy(scope), id: subscriptionId } });
  if (!subscription) throw new AppError("NOT_FOUND", "subscriptions.recordNotFound");
  if (!subscription.incrementalManualId) throw new AppError("RULE_VIOLATION", "subscriptions.stockNotChangeable");
  const at = now > auditedUntil ? now : auditedUntil;
  if (effectiveStatus(subscription, at) !== "ACTIVE") throw new AppError("RULE_VIOLATION", "subscriptions.notActive");
  return subscription;
}
