// 数据订阅 (manual §1): one signed request creates one record with a stock part, an incremental part or both
// (R6a). Stock parts are queued for dispatch in the same transaction (R5, R13).
import { writeAudit, type SignedAudit } from "@/lib/audit/log";
import type { Prisma } from "@/lib/db/client";
import type { EnterpriseScope } from "@/lib/db/tenancy";
import { AppError } from "@/lib/errors";
import { stockDispatchJob } from "@/lib/jobs/definitions/stock-dispatch";
import { sendJob } from "@/lib/jobs/send";
import type { TSubscribeForm } from "@/lib/validations/subscription";
import { findBoundClient, findSubscribableManual, resolveRange, validUntilFromDay } from "./rules";
import { effectiveStatusWhere } from "./validity";

export interface CreateSubscriptionOptions {
  tx: Prisma.TransactionClient;
  scope: EnterpriseScope;
  actor: { accountCode: string; customsCode: string };
  card: { id: number };
  signature: string;
  signedPayload: string;
  audit: SignedAudit;
  input: TSubscribeForm;
  now?: Date;
}

const ONE_ACTIVE_INCREMENTAL = "Subscription_one_active_incremental_key";

/** Every rule of a subscription request, read-only: run before signing (to show errors early) and again when creating. */
export async function prepareSubscription(options: {
  tx: Prisma.TransactionClient;
  scope: EnterpriseScope;
  customsCode: string;
  input: TSubscribeForm;
  now: Date;
}) {
  const { tx, scope, input, now, customsCode } = options;
  const client = await findBoundClient(tx, scope, input.clientId);
  const validUntil = validUntilFromDay(input.validUntil, now);

  let stock: StockPart | undefined;
  if (input.stockEnabled) {
    const manual = await findSubscribableManual(tx, { emsNo: input.stockEmsNo, customsCode, field: "stockEmsNo", now });
    const none = { from: null, to: null };
    const materials = input.pushMaterials
      ? await resolveRange(tx, { manualId: manual.id, table: "material", from: input.materialFrom, to: input.materialTo })
      : none;
    const products = input.pushProducts
      ? await resolveRange(tx, { manualId: manual.id, table: "product", from: input.productFrom, to: input.productTo })
      : none;
    stock = {
      stockManualId: manual.id,
      stockEmsNo: manual.emsNo,
      pushMaterials: input.pushMaterials,
      pushProducts: input.pushProducts,
      materialFrom: materials.from,
      materialTo: materials.to,
      productFrom: products.from,
      productTo: products.to,
    };
  }

  let incremental: { incrementalManualId: number; incrementalEmsNo: string } | undefined;
  if (input.incrementalEnabled) {
    const manual = await findSubscribableManual(tx, { emsNo: input.incrementalEmsNo, customsCode, field: "incrementalEmsNo", now });
    const active = await tx.subscription.count({
      where: { enterpriseId: scope.enterpriseId, incrementalManualId: manual.id, ...effectiveStatusWhere("ACTIVE", now) },
    });
    if (active > 0) throw duplicateIncremental(manual.emsNo);
    incremental = { incrementalManualId: manual.id, incrementalEmsNo: manual.emsNo };
  }
  return { client, validUntil, stock, incremental };
}

interface StockPart {
  stockManualId: number;
  stockEmsNo: string;
  pushMaterials: boolean;
  pushProducts: boolean;
  materialFrom: number | null;
  materialTo: number | null;
  productFrom: number | null;
  productTo: number | null;
}

export async function createSubscription(options: CreateSubscriptionOptions) {
  const { tx, scope, actor, input } = options;
  const now = options.now ?? new Date();
  const { client, validUntil, stock, incremental } = await prepareSubscription({ tx, scope, customsCode: actor.customsCode, input, now });
  if (incremental) {
    // R6/R12: the unique index counts the stored status, so one past validUntil gives up the manual's single
    // ACTIVE slot by being stored EXPIRED; the expiry job audits it as any other (expire.ts).
    await tx.subscription.updateMany({
      where: {
        enterpriseId: scope.enterpriseId,
        incrementalManualId: incremental.incrementalManualId,
        AND: [{ status: "ACTIVE" }, effectiveStatusWhere("EXPIRED", now)],
      },
      data: { status: "EXPIRED" },
    });
  }

  const subscription = await tx.subscription
    .create({
      data: {
        enterpriseId: scope.enterpriseId,
        importClientId: client.id,
        signingCardId: options.card.id,
        enteredBy: actor.accountCode,
        validUntil,
        createdAt: now,
        ...stock,
        ...incremental,
        signedPayload: options.signedPayload,
        signature: options.signature,
      },
    })
    .catch((error: unknown) => {
      // R6 in the database: of two simultaneous requests only one passes the partial unique index.
      if (String((error as { message?: string }).message).includes(ONE_ACTIVE_INCREMENTAL) || (error as { code?: string }).code === "P2002") {
        throw duplicateIncremental(input.incrementalEmsNo);
      }
      throw error;
    });

  if (stock) await sendJob(stockDispatchJob, { subscriptionId: subscription.id }, { tx });
  await writeAudit(tx, {
    action: "SUBSCRIBE",
    ...options.audit,
    enterpriseId: scope.enterpriseId,
    targetType: "Subscription",
    targetId: subscription.id,
  });
  return subscription;
}

const duplicateIncremental = (emsNo: string) =>
  new AppError("CONFLICT", "subscriptions.incrementalExists", { emsNo }, { incrementalEmsNo: { key: "subscriptions.incrementalExistsField" } });
