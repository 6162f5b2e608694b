// What a signed request states, derived on the server from the request and the database, never taken from the
// browser: run when the challenge is issued and again in the action's transaction, where a content that differs
// from the challenge's (the payload or the facts behind the statement changed) is refused (challenge.ts).
import type { SignedContent } from "./canonical";
import { withoutEmptyFields } from "./canonical";
import type { CheckContext, RegisteredSignedAction } from "./define";
import { signedStatement, type StatementPhrase } from "./statement";

export async function deriveSignedContent(
  definition: RegisteredSignedAction,
  input: unknown,
  context: CheckContext,
): Promise<{ content: SignedContent; phrases: StatementPhrase[] }> {
  const facts = await definition.check(input, context);
  const phrases = definition.statement(input, facts);
  const payload = definition.signedPayload ? definition.signedPayload(input, facts) : withoutEmptyFields(input);
  const content = { action: definition.name, enterprise: context.actor.user.customsCode ?? "", statement: signedStatement(phrases), payload };
  return { content, phrases };
}
