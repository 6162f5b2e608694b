// Server-side subscription rules shared by subscribe, cancel and extend (R1, R3, R4, R6, R7, R10, R11).
import type { Prisma } from "@/lib/db/client";
import type { EnterpriseScope } from "@/lib/db/tenancy";
import { ownedBy } from "@/lib/db/tenancy";
import { AppError } from "@/lib/errors";
import { addYearsToDay, endOfShanghaiDay, shanghaiDay } from "@/lib/time/shanghai";
import { MAX_RANGE_SIZE } from "@/lib/validations/subscription";
import { lockWatermark } from "./expire";
import { effectiveStatus } from "./validity";

type Tx = Prisma.TransactionClient;

/** R3: the enterprise's own import client with a bound card medium. */
export async function findBoundClient(tx: Tx, scope: EnterpriseScope, clientId: string) {
  const client = await tx.importClient.findFirst({ where: { ...ownedBy(scope), clientId, boundCardNo: { not: null } } });
  if (!client) throw new AppError("RULE_VIOLATION", "所选导入客户端不存在或未绑定卡介质", { clientId: "请选择本企业已绑定卡介质的导入客户端" });
  return client;
}

/** R1 and the manual's own validity: only the processing unit may subscribe to a manual in force. */
export async function findSubscribableManual(tx: Tx, options: { emsNo: string; customsCode: string; field: string; now: Date }) {
  const manual = await tx.manual.findUnique({ where: { emsNo: options.emsNo } });
  if (!manual) throw new AppError("NOT_FOUND", `账册号[${options.emsNo}]不存在`, { [options.field]: "账册不存在，请核对账册号" });
  if (manual.rcvgdEtpsno !== options.customsCode) {
    throw new AppError("FORBIDDEN", `只有账册的加工单位可以订阅账册号[${options.emsNo}]的数据`, {
      [options.field]: "本企业不是该账册的加工单位，不能订阅",
    });
  }
  if (manual.finishValidDate.toISOString().slice(0, 10) < shanghaiDay(options.now)) {
    throw new AppError("RULE_VIOLATION", `账册号[${options.emsNo}]已超过结束有效日期`, { [options.field]: "账册已超过结束有效日期" });
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
    const label = options.table === "material" ? "料件" : "成品";
    throw new AppError("RULE_VIOLATION", `该账册${label}共 ${rows} 条，超过 ${MAX_RANGE_SIZE} 条，请输入序号范围分次订阅`, {
      [`${options.table}From`]: `${label}共 ${rows} 条，超过 ${MAX_RANGE_SIZE} 条，请输入序号范围`,
    });
  }
  return { from: null, to: null };
}

/** R7: a day from today to one year from today (Asia/Shanghai), stored as its 23:59:59. */
export function validUntilFromDay(day: string, now: Date, options: { after?: Date; field?: string } = {}): Date {
  const field = options.field ?? "validUntil";
  const today = shanghaiDay(now);
  const latest = addYearsToDay(today, 1);
  if (day < today) throw new AppError("RULE_VIOLATION", "有效期不能早于今天", { [field]: "有效期不能早于今天" });
  if (day > latest) throw new AppError("RULE_VIOLATION", `有效期最长为一年（不晚于 ${latest}）`, { [field]: `有效期最长为一年（不晚于 ${latest}）` });
  const validUntil = endOfShanghaiDay(day);
  if (options.after && validUntil <= options.after) {
    throw new AppError("RULE_VIOLATION", "新的有效期须晚于当前有效期", { [field]: "新的有效期须晚于当前有效期" });
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
  if (!subscription) throw new AppError("NOT_FOUND", "订阅记录不存在");
  if (!subscription.incrementalManualId) throw new AppError("RULE_VIOLATION", "存量数据订阅不支持取消订阅或延期");
  const at = now > auditedUntil ? now : auditedUntil;
  if (effectiveStatus(subscription, at) !== "ACTIVE") throw new AppError("RULE_VIOLATION", "只能对当前有效的增量订阅记录操作");
  return subscription;
}
