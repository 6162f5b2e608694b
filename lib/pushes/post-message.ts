// One HTTP delivery attempt: POST the body with fresh platform signature headers; only a 2xx answer within
// 15 s counts as delivered. Never throws: every outcome becomes an attempt record. node:http with kept-alive
// connections rather than fetch: at hundreds of messages a second fetch's per-request machinery cost a
// multiple of the request itself; redirects are not followed either way (a 3xx is not delivered).
import http from "node:http";
import https from "node:https";
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
const agents = { "http:": new http.Agent({ keepAlive: true }), "https:": new https.Agent({ keepAlive: true }) };

export async function postPushMessage(options: { endpointUrl: string; messageId: string; body: string }): Promise<PostOutcome> {
  const startedAt = new Date();
  const finish = (outcome: Omit<PostOutcome, "startedAt" | "durationMs">): PostOutcome => ({
    startedAt,
    durationMs: Date.now() - startedAt.getTime(),
    ...outcome,
  });
  try {
    // Encoded once: the digest and the request then use the same bytes (a stock part is a megabyte of UTF-8).
    const body = Buffer.from(options.body, "utf8");
    const { status, answer } = await post(new URL(options.endpointUrl), body, {
      "Content-Type": "application/xml; charset=utf-8",
      ...signPlatformHeaders({ messageId: options.messageId, body, at: startedAt }),
    });
    if (status >= 200 && status < 300) return finish({ httpStatus: status, delivered: true, error: null });
    return finish({ httpStatus: status, delivered: false, error: `客户端应答 HTTP ${status}${answer ? `: ${answer}` : ""}` });
  } catch (error) {
    return finish({ httpStatus: null, delivered: false, error: describeFailure(error) });
  }
}

/** The status and the start of the answer, read in full (within the timeout) so the connection is reused. */
function post(url: URL, body: Buffer, headers: Record<string, string>): Promise<{ status: number; answer: string }> {
  const agent = agents[url.protocol as keyof typeof agents];
  if (!agent) return Promise.reject(new Error(`unsupported protocol ${url.protocol}`));
  return new Promise((resolve, reject) => {
    const request = (url.protocol === "https:" ? https : http).request(
      url,
      { method: "POST", agent, headers: { ...headers, "Content-Length": body.length }, signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS) },
      (response) => {
        let answer = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          if (answer.length < MAX_ERROR_DETAIL) answer += chunk;
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, answer: answer.slice(0, MAX_ERROR_DETAIL) }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

function describeFailure(error: unknown): string {
  const err = error as Error & { code?: string; cause?: { name?: string } };
  if (err.name === "TimeoutError" || err.cause?.name === "TimeoutError") return `客户端 ${DELIVERY_TIMEOUT_MS / 1000} 秒内未应答`;
  return `无法连接客户端: ${err.code ?? err.message}`.slice(0, MAX_ERROR_DETAIL);
}
