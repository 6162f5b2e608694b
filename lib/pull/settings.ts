// Timing of pull delivery that follows from push's (lib/pushes/delivery-settings.ts).
import { BACKSTOP_AFTER_SECONDS, deliveryRetryScheduleSeconds } from "@/lib/pushes/delivery-settings";

/**
 * After a switch to 拉取 nothing is offered for this long: a POST the push worker began before the switch has ended
 * (and is recorded) by then, so a message is never both posted and pulled.
 */
export const PULL_SWITCH_GRACE_MS = BACKSTOP_AFTER_SECONDS * 1_000;

/** Offers a message gets in one series (since its resend or its client's resume), as many as push's attempts. */
export const maxOffers = () => deliveryRetryScheduleSeconds().length + 1;

/** What one pull answers at most in bodies: a stock part is about a megabyte, so a few parts, or many increments. */
export const PULL_MAX_BODY_BYTES = 8 * 1024 * 1024;
