// R12: nothing is dispatched for a subscription past its validUntil, even before the expiry job has run.
export interface ValiditySubject {
  status: "ACTIVE" | "CANCELLED" | "EXPIRED";
  validUntil: Date;
}

/** True when a subscription may receive a push at `at` (ACTIVE and not past validUntil). */
export function isDispatchable(subscription: ValiditySubject, at: Date = new Date()): boolean {
  return subscription.status === "ACTIVE" && at.getTime() <= subscription.validUntil.getTime();
}

/** The status a record reads as: past validUntil it is EXPIRED even before the expiry job has run. */
export function effectiveStatus(subscription: ValiditySubject, at: Date = new Date()): ValiditySubject["status"] {
  return subscription.status === "ACTIVE" && !isDispatchable(subscription, at) ? "EXPIRED" : subscription.status;
}
