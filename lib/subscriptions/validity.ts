// R12: a subscription is 已失效 from the instant its validUntil has passed. Nothing writes that instant into
// `status` (the expiry job only audits it, lib/subscriptions/expire.ts), so every reader derives the status
// here: in memory (isDispatchable, effectiveStatus) or in a query (effectiveStatusWhere, becameExpiredSql).
// A stored EXPIRED means the same: rows the former job marked, and the slot release of R6 (create.ts).
import { Prisma } from "@/lib/db/client";

export type SubscriptionStatus = "ACTIVE" | "CANCELLED" | "EXPIRED";

export interface ValiditySubject {
  status: SubscriptionStatus;
  validUntil: Date;
}

/** True when a subscription may receive a push at `at` (ACTIVE and not past validUntil). */
export function isDispatchable(subscription: ValiditySubject, at: Date = new Date()): boolean {
  return subscription.status === "ACTIVE" && at.getTime() <= subscription.validUntil.getTime();
}

/** The status a record reads as at `at`: past validUntil an ACTIVE one is EXPIRED. */
export function effectiveStatus(subscription: ValiditySubject, at: Date = new Date()): SubscriptionStatus {
  return subscription.status === "ACTIVE" && !isDispatchable(subscription, at) ? "EXPIRED" : subscription.status;
}

/** The subscriptions whose effectiveStatus at `at` is `status`, as a Prisma filter. */
export function effectiveStatusWhere(status: SubscriptionStatus, at: Date): Prisma.SubscriptionWhereInput {
  switch (status) {
    case "ACTIVE":
      return { status: "ACTIVE", validUntil: { gte: at } };
    case "EXPIRED":
      return { OR: [{ status: "EXPIRED" }, { status: "ACTIVE", validUntil: { lt: at } }] };
    case "CANCELLED":
      return { status: "CANCELLED" };
  }
}

/**
 * Raw SQL over "Subscription" s: the subscriptions that became EXPIRED within [from, until), i.e. not
 * cancelled and with validUntil in that interval (a cancelled one never expires, R10).
 */
export function becameExpiredSql(from: Date, until: Date): Prisma.Sql {
  return Prisma.sql`s.status IN ('ACTIVE', 'EXPIRED') AND s."validUntil" >= ${from} AND s."validUntil" < ${until}`;
}
