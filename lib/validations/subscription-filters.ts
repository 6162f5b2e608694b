// Query-string filters of the records list (R9); anything malformed is ignored rather than an error.
import { z } from "zod";
import { ZAfterInteger } from "./page-params";
import { ZEmsNo } from "./identifiers";

export const ZSubscriptionListQuery = z.object({
  emsNo: ZEmsNo.optional().catch(undefined),
  kind: z.enum(["STOCK", "INCREMENTAL"]).optional().catch(undefined),
  status: z.enum(["ACTIVE", "CANCELLED", "EXPIRED"]).optional().catch(undefined),
  after: ZAfterInteger,
  /** Row number of the page's first row (序号 continues across pages). */
  from: z.coerce.number().int().positive().optional().catch(undefined),
});
export type TSubscriptionListQuery = z.infer<typeof ZSubscriptionListQuery>;
