import { z } from "zod";
import { ZCardNo } from "./identifiers";

export const ZSignedProof = z.object({
  challengeId: z.uuid("signing.challengeInvalid"),
  cardNo: ZCardNo,
  signature: z.string().regex(/^[0-9a-f]{16,200}$/i, "signing.signatureFormat"),
});
export type TSignedProof = z.infer<typeof ZSignedProof>;
