// Receiving one message, the same in both delivery modes (docs/delivery-protocol.md §2, §5): the platform signature
// verified, its timestamp within the allowed clock skew, the head matching the id, and the message stored once
// (acceptOnce). A push answers with the outcome's status; a pull acknowledges only the stored and duplicate ones.
import { ZEmsNo, ZMessageId } from "@/lib/validations/identifiers";
import { storeMessageFile, TEST_MESSAGE_FOLDER, type StoreResult } from "./inbox";
import type { AcceptedLedger } from "./ledger";
import { readMessageHead } from "./message-head";
import type { createPlatformKeySource } from "./platform-key-source";

export const DEFAULT_MAX_CLOCK_SKEW_SECONDS = 300;

export type ReceiveOutcome = { status: 200; messageId: string; emsNo: string; result: StoreResult } | { status: 400 | 401 | 503; error: string };

export interface ReceivedMessage {
  messageId: string;
  timestamp: string;
  signature: string;
  body: Buffer;
}

export function createReceiver(options: {
  ledger: AcceptedLedger;
  inbox: string;
  keySource: ReturnType<typeof createPlatformKeySource>;
  maxClockSkewSeconds?: number;
  now?: () => number;
  /** Reconcile stores a missing message even when the ledger remembers its id (the file was lost). */
  ignoreLedger?: boolean;
}) {
  const { ledger } = options;
  const now = options.now ?? Date.now;
  const maxSkewMs = (options.maxClockSkewSeconds ?? DEFAULT_MAX_CLOCK_SKEW_SECONDS) * 1000;
  // Concurrent deliveries of one id (a retry racing a slow first attempt) share one write.
  const inFlight = new Map<string, Promise<StoreResult>>();
  // Set when the client stops: a message verified after that is not stored (the platform offers it again).
  let closing = false;

  async function receive({ messageId, timestamp, signature, body }: ReceivedMessage): Promise<ReceiveOutcome> {
    let verify;
    try {
      verify = await options.keySource.get();
    } catch (error) {
      return { status: 503, error: `无法取得平台公钥: ${(error as Error).message}` };
    }
    if (!ZMessageId.safeParse(messageId).success || !(await verify({ messageId, timestamp, signature, body }))) {
      return { status: 401, error: "平台签名验证失败" };
    }
    if (Math.abs(now() - Number(timestamp)) > maxSkewMs) {
      return { status: 401, error: `平台签名时间戳与本机时间相差超过 ${maxSkewMs / 1000} 秒（重放的请求或时钟不准），未保存` };
    }
    // Only the head is decoded: a stock part is a megabyte of mostly Chinese UTF-8, slower to decode than to verify.
    const headEnd = body.indexOf("</Head>");
    const head = readMessageHead(body.toString("utf8", 0, headEnd < 0 ? 0 : headEnd + "</Head>".length));
    const folder = head?.messageType === "TEST" ? TEST_MESSAGE_FOLDER : (head?.emsNo ?? "");
    if (!head || head.messageId !== messageId || (folder !== TEST_MESSAGE_FOLDER && !ZEmsNo.safeParse(folder).success)) {
      return { status: 400, error: "报文头与报文ID不符或账册号无效" };
    }
    await inFlight.get(messageId)?.catch(() => undefined);
    if (closing) return { status: 503, error: "导入客户端正在停止，请稍后重发" };
    const store = acceptOnce({ ledger, ignoreLedger: options.ignoreLedger ?? false, inbox: options.inbox, emsNo: folder, messageId, body });
    inFlight.set(messageId, store);
    try {
      return { status: 200, messageId, emsNo: folder, result: await store };
    } finally {
      inFlight.delete(messageId);
    }
  }

  /** Resolves once every store under way has finished (written and in the ledger, or failed). */
  const settled = async () => {
    closing = true;
    await Promise.allSettled([...inFlight.values()]);
  };
  return { receive, settled };
}

/** Stores a message not accepted before; the ledger records it once the file is durable (also when a crash
 * between the two left the file without its ledger line). */
async function acceptOnce(options: {
  ledger: AcceptedLedger;
  ignoreLedger: boolean;
  inbox: string;
  emsNo: string;
  messageId: string;
  body: Buffer;
}): Promise<StoreResult> {
  const { ledger, ignoreLedger, ...file } = options;
  if (!ignoreLedger && ledger.has(file.messageId)) return "duplicate";
  const result = await storeMessageFile(file);
  await ledger.remember(file.messageId);
  return result;
}
