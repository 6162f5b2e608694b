// A signed action, defined once (as jobs are, lib/jobs/definition.ts): which cards may sign it, its request
// schema, the checks made before the PIN is asked, the statement the signer reads and signs, and what it does.
// The registry (registry.ts) feeds the challenge step, the signed-action wrapper, the audit, the card dialog's
// prompt and the test suites from these definitions.
import type { z } from "zod";
import type { Prisma } from "@/lib/db/client";
import type { EnterpriseActor, SignedContext } from "./context";
import type { StatementPhrase } from "./statement";

export type CardKind = "LEGAL_PERSON" | "OPERATOR";

export interface CheckContext {
  tx: Prisma.TransactionClient;
  actor: EnterpriseActor;
  now: Date;
}

export interface SignedActionDefinition<
  TName extends string = string,
  TSchema extends z.ZodType = z.ZodType,
  TFacts = unknown,
  TResult extends object = object,
> {
  /** Also the audit action and the challenge's action. */
  name: TName;
  cardKinds: readonly CardKind[];
  schema: TSchema;
  /**
   * Every rule that can be checked before signing, read-only; throws an AppError. Run when the challenge is asked
   * for (so errors show before the PIN) and again in the action's transaction, where its facts rebuild the statement.
   */
  check: (input: z.infer<TSchema>, context: CheckContext) => Promise<TFacts>;
  /** The act in plain words, from the input and the checked facts; its Chinese text is signed. */
  statement: (input: z.infer<TSchema>, facts: TFacts) => StatementPhrase[];
  /** The payload as signed; defaults to the input without empty fields (canonical.ts withoutEmptyFields). */
  signedPayload?: (input: z.infer<TSchema>, facts: TFacts) => unknown;
  /** Runs once the signature is verified, in the same transaction; writes the audit entry with signed.audit. */
  handle: (input: z.infer<TSchema>, actor: EnterpriseActor, signed: SignedContext) => Promise<TResult>;
}

/** Infers the definition's types; the registry holds them as SignedActionDefinition. */
export function defineSignedAction<TName extends string, TSchema extends z.ZodType, TFacts, TResult extends object>(
  definition: SignedActionDefinition<TName, TSchema, TFacts, TResult>,
): SignedActionDefinition<TName, TSchema, TFacts, TResult> {
  return definition;
}

/**
 * A definition with the types of its input and facts forgotten, as the registry and the wrappers hold it. Method
 * syntax on purpose: its parameters are then checked both ways, so every definition fits; the wrappers only ever
 * pass a definition the input its own schema parsed and the facts its own check returned.
 */
export interface RegisteredSignedAction<TSchema extends z.ZodType = z.ZodType, TResult extends object = object> {
  name: string;
  cardKinds: readonly CardKind[];
  schema: TSchema;
  check(input: z.infer<TSchema>, context: CheckContext): Promise<unknown>;
  statement(input: z.infer<TSchema>, facts: unknown): StatementPhrase[];
  signedPayload?(input: z.infer<TSchema>, facts: unknown): unknown;
  handle(input: z.infer<TSchema>, actor: EnterpriseActor, signed: SignedContext): Promise<TResult>;
}
