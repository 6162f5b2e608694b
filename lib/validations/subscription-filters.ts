// Query-string filters of the records list (R9). A 账册号 is normalised (case, spaces) and, when it is still
// not a manual number, refused: the page says so instead of listing every record. The other filters come
// from the form's own choices and links, so a malformed one is ignored.
import { z } from "zod";
import { normaliseCode, ZEmsNo } from "./identifiers";

export const ZSubscriptionListQuery = z.object({
  emsNo: z.preprocess(normaliseCode, ZEmsNo.optional()),
  kind: z.enum(["STOCK", "INCREMENTAL"]).optional().catch(undefined),
  status: z.enum(["ACTIVE", "CANCELLED", "EXPIRED"]).optional().catch(undefined),
  /** 1-based page number. */
  page: z.coerce.number().int().positive().max(1_000_000).optional().catch(undefined),
});
export type TSubscriptionListQuery = z.infer<typeof ZSubscriptionListQuery>;
