// The push-log query (R16) and resend requests (R17), shared by the page, the actions and the tests.
import { z } from "zod";
import { isCalendarDay } from "@/lib/time/shanghai";
import { ZEmsNo, ZMessageId, ZRecordId } from "./identifiers";

const ZDay = z.string().trim().refine(isCalendarDay, "pushes.dayRequired");

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
  .refine((q) => q.from <= q.to, { path: ["from"], message: "pushes.dayOrder" });
export type TPushLogQuery = z.infer<typeof ZPushLogQuery>;

/** Keyset cursor of the push log: the last row's 下发时间 and id. */
export const ZPushLogCursor = z.object({ at: z.iso.datetime(), id: z.coerce.number().pipe(ZRecordId) });
export type TPushLogCursor = z.infer<typeof ZPushLogCursor>;

/** R17: at most this many messages are resent by one request. */
export const MAX_RESEND = 500;
export const ZResendMessageIds = z.array(ZMessageId).min(1, "pushes.resendNoneChosen").max(MAX_RESEND, "pushes.resendTooMany");

export const ZResendRequest = z.union([z.object({ messageIds: ZResendMessageIds }), z.object({ failedOf: ZPushLogQuery })]);
export type TResendRequest = z.infer<typeof ZResendRequest>;

export const ZMessageDetailRequest = z.object({ messageId: ZMessageId });
