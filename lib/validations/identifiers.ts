// One zod schema per identifier of docs/rules.md §4, shared by forms, actions, API routes and jobs.
import { z } from "zod";

/**
 * A code as typed into a filter: the first value, without spaces, in upper case; blank means "not filtered".
 * Codes are upper-case letters and digits, so nothing a user meant is lost.
 */
export function normaliseCode(value: unknown): unknown {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first !== "string") return first;
  const code = first.replace(/\s+/g, "").toUpperCase();
  return code === "" ? undefined : code;
}

export const ZEmsNo = z
  .string()
  .trim()
  .regex(/^E[0-9A-Z]{11}$/, "identifiers.emsNo");

export const ZCustomsCode = z
  .string()
  .trim()
  .regex(/^[0-9A-Z]{10}$/, "identifiers.customsCode");

export const ZCardNo = z
  .string()
  .trim()
  .regex(/^\d{13}$/, "identifiers.cardNo");

export const ZClientId = z
  .string()
  .trim()
  .regex(/^[0-9A-Z]{10}$/, "identifiers.clientId");

export const ZMessageId = z
  .string()
  .trim()
  .regex(/^\d{20}$/, "identifiers.messageId");

/** PostgreSQL's integer: a larger whole number can be neither stored nor looked up (the query fails). */
export const MAX_DB_INTEGER = 2_147_483_647;

const RECORD_ID = "identifiers.recordId";

/** A record's number; a larger one names no record. */
export const ZRecordId = z.number(RECORD_ID).int(RECORD_ID).positive(RECORD_ID).max(MAX_DB_INTEGER, RECORD_ID);

export const ZAccountCode = z
  .string()
  .trim()
  .regex(/^[A-Z]{2}\d{8}$/, "identifiers.accountCode");
