// Every signed action of the portal, one definition each (define.ts), as lib/jobs/registry.ts holds the jobs.
// Adding one: a definition file under its domain, its entry here, its thin "use server" file and its cases in
// the suites keyed by these names (tenant isolation, fuzzing, signed audit).
import { bindCard } from "@/lib/import-clients/actions/bind-card";
import { changeClientDeliveryMode } from "@/lib/import-clients/actions/change-delivery-mode";
import { changeEndpoint } from "@/lib/import-clients/actions/change-endpoint";
import { registerClient } from "@/lib/import-clients/actions/register";
import { resumeClient } from "@/lib/import-clients/actions/resume";
import { unbindCard } from "@/lib/import-clients/actions/unbind-card";
import { resend } from "@/lib/pushes/actions/resend";
import { cancel } from "@/lib/subscriptions/actions/cancel";
import { extend } from "@/lib/subscriptions/actions/extend";
import { subscribe } from "@/lib/subscriptions/actions/subscribe";
import type { CardKind, RegisteredSignedAction } from "./define";

const definitions = [
  subscribe,
  cancel,
  extend,
  resend,
  registerClient,
  bindCard,
  unbindCard,
  changeEndpoint,
  resumeClient,
  changeClientDeliveryMode,
] as const;

export type SignedActionName = (typeof definitions)[number]["name"];

export const signedActionRegistry: ReadonlyMap<string, RegisteredSignedAction> = new Map(
  definitions.map((definition): [string, RegisteredSignedAction] => [definition.name, definition]),
);

export const signedActionNames = definitions.map((definition) => definition.name) as SignedActionName[];

/** Which cards may sign an action; none for an unknown one. */
export const cardKindsOf = (name: string): readonly CardKind[] => signedActionRegistry.get(name)?.cardKinds ?? [];

export type SignedActionOf<N extends SignedActionName> = Extract<(typeof definitions)[number], { name: N }>;

/** One definition by name, with its types (for the server actions' thin files and the tests). */
export const signedActionOf = <N extends SignedActionName>(name: N): SignedActionOf<N> => signedActionRegistry.get(name) as SignedActionOf<N>;
