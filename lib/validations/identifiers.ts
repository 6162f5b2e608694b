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
  .regex(/^E[0-9A-Z]{11}$/, "账册号应为 E 开头的 12 位数字或大写字母");

export const ZCustomsCode = z
  .string()
  .trim()
  .regex(/^[0-9A-Z]{10}$/, "海关十位编码应为 10 位数字或大写字母");

export const ZCardNo = z
  .string()
  .trim()
  .regex(/^\d{13}$/, "卡号应为 13 位数字");

export const ZClientId = z
  .string()
  .trim()
  .regex(/^[0-9A-Z]{10}$/, "客户端ID应为 10 位数字或大写字母");

export const ZMessageId = z
  .string()
  .trim()
  .regex(/^\d{20}$/, "报文ID应为 20 位数字");

/** PostgreSQL's integer: a larger whole number can be neither stored nor looked up (the query fails). */
export const MAX_DB_INTEGER = 2_147_483_647;

/** A record's number; a larger one names no record. */
export const ZRecordId = z.number("记录编号无效").int("记录编号无效").positive("记录编号无效").max(MAX_DB_INTEGER, "记录编号无效");

export const ZAccountCode = z
  .string()
  .trim()
  .regex(/^[A-Z]{2}\d{8}$/, "账号应如 SW10000001");
