// Every pg-boss queue of the portal, one definition each.
import type { JobDefinition } from "./definition";
import { changeApprovedJob } from "./definitions/change-approved";
import { deliverWaitingJob } from "./definitions/deliver-waiting";
import { deliveryJob } from "./definitions/delivery";
import { expirePullLeasesJob } from "./definitions/expire-pull-leases";
import { expireSubscriptionsJob } from "./definitions/expire-subscriptions";
import { probeClientsJob } from "./definitions/probe-clients";
import { pruneSignInThrottleJob } from "./definitions/prune-sign-in-throttle";
import { pruneSigningChallengesJob } from "./definitions/prune-signing-challenges";
import { stockDispatchJob } from "./definitions/stock-dispatch";

export const jobRegistry: JobDefinition[] = [
  expireSubscriptionsJob,
  stockDispatchJob,
  changeApprovedJob,
  deliveryJob,
  deliverWaitingJob,
  pruneSignInThrottleJob,
  probeClientsJob,
  pruneSigningChallengesJob,
  expirePullLeasesJob,
];
