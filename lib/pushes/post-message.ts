// One HTTP delivery attempt: POST the body with fresh platform signature headers; only a 2xx answer within
// 15 s counts as delivered. Never throws: every outcome becomes an attempt record.
import { signPlatformHeaders } from "@/lib/signing/platform";
import { DELIVERY_TIMEOUT_MS } from "./delivery-settings";

export interface PostOutcome {
  startedAt: Date;
  durationMs: number;
  httpStatus: number | null;
  delivered: boolean;
  error: string | null;
}

const MAX_ERROR_DETAIL = 200;

/** `body` as stored, or already as its UTF-8 bytes (a stock dispatch delivering the parts it has just built). */
export async function postPushMessage(options: { endpointUrl: string; messageId: string; body: string | Buffer<ArrayBuffer> }): Promise<PostOutcome> {
  const startedAt = new Date();
  const finish = (outcome: Omit<PostOutcome, "startedAt" | "durationMs">): PostOutcome => ({
    startedAt,
    durationMs: Date.now() - startedAt.getTime(),
    ...outcome,
  });
  try {
    // Encoded once: the digest and the request then use the same bytes (a stock part is a megabyte of UTF-8).
    const body = typeof options.body === "string" ? Buffer.from(options.body, "utf8") : options.body;
    const response = await fetch(options.endpointUrl, {
      method: "POST",
      headers: {
        "Content-Type": "application/xml; charset=utf-8",
        ...signPlatformHeaders({ messageId: options.messageId, body, at: startedAt }),
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    // Reading the answer (within the same timeout) frees the connection for the next message.
    const answer = (await response.text()).slice(0, MAX_ERROR_DETAIL);
    if (response.ok) return finish({ httpStatus: response.status, delivered: true, error: null });
    return finish({ httpStatus: response.status, delivered: false, error: `客户端应答 HTTP ${response.status}${answer ? `: ${answer}` : ""}` });
  } catch (error) {
    return finish({ httpStatus: null, delivered: false, error: describeFailure(error) });
  }
}

function describeFailure(error: unknown): string {
  const err = error as Error & { cause?: { code?: string; message?: string } };
  if (err.name === "TimeoutError") return `客户端 ${DELIVERY_TIMEOUT_MS / 1000} 秒内未应答`;
  const detail = err.cause?.code ?? err.cause?.message ?? err.message;
  return `无法连接客户端: ${detail}`.slice(0, MAX_ERROR_DETAIL);
}
