// One path for every pull API route: the body read with a cap, the request authenticated (authenticate.ts), the
// client's state checked for what the route does, the JSON body parsed, and a refusal answered with its stable code.
import type { z } from "zod";
import { logger } from "@/lib/log/logger";
import { authenticatePullRequest, type PullClient } from "./authenticate";
import { PullError } from "./errors";

const MAX_REQUEST_BYTES = 64 * 1024;

export interface PullRoute<S extends z.ZodType> {
  schema: S;
  /** `pull` and `fetch` deliver: only to a client in 拉取 mode (fetch: in either), never to a paused one. */
  delivers: "PULL_ONLY" | "ANY_MODE" | false;
  handle: (options: { client: PullClient; input: z.output<S>; request: Request }) => Promise<Response>;
}

export async function handlePullRoute<S extends z.ZodType>(request: Request, route: PullRoute<S>): Promise<Response> {
  try {
    const body = await readBody(request);
    const client = await authenticatePullRequest({ request, body });
    if (route.delivers === "PULL_ONLY" && client.deliveryMode !== "PULL") {
      throw new PullError(403, "PULL_MODE_REQUIRED", "the client's delivery mode is push; switch it to pull on the portal");
    }
    if (route.delivers && client.paused) throw new PullError(403, "CLIENT_PAUSED", "the client is paused; resume it on the portal");
    const input = route.schema.safeParse(parseJson(body));
    if (!input.success) {
      const issue = input.error.issues[0];
      throw new PullError(400, "INVALID_REQUEST", `${issue.path.join(".") || "body"}: ${issue.message}`);
    }
    return await route.handle({ client, input: input.data, request });
  } catch (error) {
    if (error instanceof PullError) return error.toResponse();
    logger("pull").error({ err: error }, "pull request failed");
    return Response.json({ error: { code: "INTERNAL" } }, { status: 500 });
  }
}

async function readBody(request: Request): Promise<Uint8Array> {
  const tooLarge = () => new PullError(413, "PAYLOAD_TOO_LARGE", `request bodies are at most ${MAX_REQUEST_BYTES} bytes`);
  if (Number(request.headers.get("content-length") ?? 0) > MAX_REQUEST_BYTES) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > MAX_REQUEST_BYTES) throw tooLarge();
      chunks.push(chunk);
    }
  }
  return Buffer.concat(chunks);
}

function parseJson(body: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body.length === 0 ? new TextEncoder().encode("{}") : body));
  } catch {
    throw new PullError(400, "INVALID_REQUEST", "the body is not UTF-8 JSON");
  }
}
