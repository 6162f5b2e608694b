// Which card kind each signed action needs (R2; changes of an import client as subscribing, issue 10).
export const signedActions = {
  SUBSCRIBE: ["LEGAL_PERSON"],
  CANCEL: ["LEGAL_PERSON"],
  EXTEND: ["LEGAL_PERSON"],
  RESEND: ["LEGAL_PERSON", "OPERATOR"],
  CLIENT_REGISTER: ["LEGAL_PERSON"],
  CLIENT_BIND: ["LEGAL_PERSON"],
  CLIENT_UNBIND: ["LEGAL_PERSON"],
  CLIENT_ENDPOINT: ["LEGAL_PERSON"],
  CLIENT_RESUME: ["LEGAL_PERSON"],
} as const satisfies Record<string, readonly ("LEGAL_PERSON" | "OPERATOR")[]>;

export type SignedAction = keyof typeof signedActions;
export const isSignedAction = (value: unknown): value is SignedAction => typeof value === "string" && Object.hasOwn(signedActions, value);
