// One HTTP delivery attempt: POST the body with fresh platform signature headers over the guarded keep-alive
// agent (endpoint-agent.ts, which refuses addresses the platform may not connect to); only a 2xx answer within
// 15 s counts as delivered, and redirects are not followed. Never throws: every outcome becomes an attempt record.
import http from "node:http";
import https from "node:https";
import { EndpointRefused } from "@/lib/security/endpoint-addresses";
import { signPlatformHeaders } from "@/lib/signing/platform";
import { formatDeliveryError, networkErrorCode } from "./delivery-error";
import { DELIVERY_TIMEOUT_MS } from "./delivery-settings";
import { endpointAgent } from "./endpoint-agent";

export interface PostOutcome {
  startedAt: Date;
  durationMs: number;
  httpStatus: number | null;
  delivered: boolean;
  error: string | null;
}

const MAX_ERROR_DETAIL = 200;
// Read of an answer, for the error detail; a longer answer is cut off and its connection not reused.
const MAX_ANSWER_BYTES = 4_096;

/** `body` as stored, or already as its UTF-8 bytes (a stock dispatch delivering the parts it has just built). */
export async function postPushMessage(options: { endpointUrl: string; messageId: string; body: string | Buffer<ArrayBuffer> }): Promise<PostOutcome> {
  const startedAt = new Date();
  const finish = (outcome: Omit<PostOutcome, "startedAt" | "durationMs">): PostOutcome => ({
    startedAt,
    durationMs: Date.now() - startedAt.getTime(),
    ...outcome,
  });
  const signal = AbortSignal.timeout(DELIVERY_TIMEOUT_MS);
  try {
    // Encoded once: the digest and the request then use the same bytes (a stock part is a megabyte of UTF-8).
    const body = typeof options.body === "string" ? Buffer.from(options.body, "utf8") : options.body;
    const headers = {
      "Content-Type": "application/xml; charset=utf-8",
      "Content-Length": String(body.length),
      ...signPlatformHeaders({ messageId: options.messageId, body, at: startedAt }),
    };
    const { status, answer } = await post({ url: new URL(options.endpointUrl), headers, body, signal, retryStale: true });
    if (status >= 200 && status < 300) return finish({ httpStatus: status, delivered: true, error: null });
    const detail = answer.slice(0, MAX_ERROR_DETAIL);
    return finish({
      httpStatus: status,
      delivered: false,
      error: formatDeliveryError("HTTP_STATUS", `HTTP ${status}${detail ? `: ${detail}` : ""}`),
    });
  } catch (error) {
    const failure = signal.aborted ? formatDeliveryError("TIMEOUT", `no answer in ${DELIVERY_TIMEOUT_MS / 1000} s`) : describeFailure(error);
    return finish({ httpStatus: null, delivered: false, error: failure });
  }
}

function post(options: {
  url: URL;
  headers: Record<string, string>;
  body: Buffer;
  signal: AbortSignal;
  retryStale: boolean;
}): Promise<{ status: number; answer: string }> {
  const { url, headers, body, signal } = options;
  const protocol = url.protocol === "https:" ? "https:" : "http:";
  return new Promise((resolve, reject) => {
    let answered = false;
    const request = (protocol === "https:" ? https : http).request(
      url,
      { method: "POST", headers, agent: endpointAgent(protocol), signal },
      (response) => {
        answered = true;
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => resolve({ status: response.statusCode ?? 0, answer: Buffer.concat(chunks).toString("utf8") });
        response.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size < MAX_ANSWER_BYTES) return;
          done();
          response.destroy();
        });
        response.on("end", done);
        response.on("error", reject);
        response.on("close", () => reject(new Error("answer cut off")));
      },
    );
    request.on("error", (error: NodeJS.ErrnoException) => {
      // A kept-alive connection the client closed just as it was reused: posted once more on a new connection
      // (safe: the client keeps one file per message id).
      if (options.retryStale && !answered && request.reusedSocket && error.code === "ECONNRESET") {
        post({ ...options, retryStale: false }).then(resolve, reject);
      } else {
        reject(error);
      }
    });
    request.end(body);
  });
}

function describeFailure(error: unknown): string {
  // Refused before connecting (endpoint-addresses.ts).
  if (error instanceof EndpointRefused) return formatDeliveryError(error.reason === "UNRESOLVED" ? "UNREACHABLE" : "ADDRESS_REFUSED", error.message);
  const err = error as NodeJS.ErrnoException;
  const detail = err.code && !err.message.includes(err.code) ? `${err.code} ${err.message}` : err.message;
  return formatDeliveryError(networkErrorCode(err.code), detail.slice(0, MAX_ERROR_DETAIL));
}
