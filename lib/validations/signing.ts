import { z } from "zod";
import { ZCardNo } from "./identifiers";

export const ZSignedProof = z.object({
  challengeId: z.uuid("签名请求无效"),
  cardNo: ZCardNo,
  signature: z.string().regex(/^[0-9a-f]{16,200}$/i, "签名格式错误"),
});
export type TSignedProof = z.infer<typeof ZSignedProof>;
