// Which card kind each signed action needs (SPEC R2).
export const signedActions = {
  SUBSCRIBE: ["LEGAL_PERSON"],
  CANCEL: ["LEGAL_PERSON"],
  EXTEND: ["LEGAL_PERSON"],
  RESEND: ["LEGAL_PERSON", "OPERATOR"],
} as const satisfies Record<string, readonly ("LEGAL_PERSON" | "OPERATOR")[]>;

export type SignedAction = keyof typeof signedActions;
export const isSignedAction = (value: unknown): value is SignedAction =>
  typeof value === "string" && Object.hasOwn(signedActions, value);
