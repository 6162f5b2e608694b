// AppError: a refusal with a kind (UNAUTHORIZED, RULE_VIOLATION …) and a reason — a key of the `errors` messages
// with its values — that the wrappers render in the user's language (lib/i18n/refusal.ts). lib/ holds no UI
// prose; logs and the audit log keep the key and values. Anything else thrown is a bug and is shown as a
// generic error without details.
import type zhCN from "@/lib/i18n/messages/zh-CN.json";

export type AppErrorCode = "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "INVALID_INPUT" | "SIGNATURE_INVALID" | "CONFLICT" | "RULE_VIOLATION";

type LeafKeys<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : LeafKeys<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A key under `errors` in lib/i18n/messages/*.json, e.g. "subscriptions.noKindChosen". */
export type RefusalKey = LeafKeys<(typeof zhCN)["errors"]>;
export type RefusalValues = Record<string, string | number>;

export interface Refusal {
  key: RefusalKey;
  values?: RefusalValues;
}

export class AppError extends Error {
  readonly refusal: Refusal;

  constructor(
    public readonly code: AppErrorCode,
    key: RefusalKey,
    values?: RefusalValues,
    /** Field path → refusal, for errors shown next to a form field. */
    public readonly fieldErrors?: Record<string, Refusal>,
  ) {
    // The message is for logs: the key and its values, never prose.
    super(values ? `${key} ${JSON.stringify(values)}` : key);
    this.name = "AppError";
    this.refusal = { key, values };
  }
}

/** What an action returns to the browser: a refusal rendered in the user's language, with its key beside it. */
export type ActionFailure = {
  ok: false;
  error: string;
  code?: AppErrorCode;
  reason?: RefusalKey;
  fieldErrors?: Record<string, string>;
};

export type ActionResult<T = object> = ({ ok: true } & T) | ActionFailure;

/** The refusal of an unexpected failure: no details reach the browser. */
export const GENERIC_REFUSAL: Refusal = { key: "common.generic" };
