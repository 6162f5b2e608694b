// The push-log query (R16) and resend requests (R17), shared by the page, the actions and the tests.
import { z } from "zod";
import { isCalendarDay } from "@/lib/time/shanghai";
import { ZEmsNo, ZMessageId, ZRecordId } from "./identifiers";

const ZDay = z.string().trim().refine(isCalendarDay, "请选择下发时间");

export const ZPushLogQuery = z
  .object({
    /** Absent: every manual of the enterprise. */
    emsNo: ZEmsNo.optional(),
    from: ZDay,
    to: ZDay,
    status: z.enum(["PENDING", "DELIVERED", "FAILED"]).optional(),
    /** One subscription's messages (the link from 订阅记录's 推送进度). */
    subscriptionId: ZRecordId.optional(),
    messageId: ZMessageId.optional(),
  })
  .refine((q) => q.from <= q.to, { path: ["from"], message: "下发时间的开始日期不能晚于结束日期" });
export type TPushLogQuery = z.infer<typeof ZPushLogQuery>;

/** Keyset cursor of the push log: the last row's 下发时间 and id. */
export const ZPushLogCursor = z.object({ at: z.iso.datetime(), id: z.coerce.number().pipe(ZRecordId) });
export type TPushLogCursor = z.infer<typeof ZPushLogCursor>;

export const ZResendRequest = z.union([
  z.object({ messageIds: z.array(ZMessageId).min(1, "请选择要重发的报文").max(500, "一次最多重发 500 条报文") }),
  z.object({ failedOf: ZPushLogQuery }),
]);
export type TResendRequest = z.infer<typeof ZResendRequest>;

export const ZMessageDetailRequest = z.object({ messageId: ZMessageId });
