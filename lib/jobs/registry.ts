// Every pg-boss queue of the portal, one definition each.
import type { JobDefinition } from "./definition";
import { expireSubscriptionsJob } from "./definitions/expire-subscriptions";

export const jobRegistry: JobDefinition[] = [expireSubscriptionsJob];
