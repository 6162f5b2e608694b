// Pull API `pull` (docs/delivery-protocol.md B.3): a long poll for the client's next messages, each leased to it.
import { handlePullRoute } from "@/lib/pull/handle";
import { pullMessages } from "@/lib/pull/pull-messages";
import { ZPullRequest } from "@/lib/pull/schemas";

export async function POST(request: Request) {
  return handlePullRoute(request, {
    schema: ZPullRequest,
    delivers: "PULL_ONLY",
    handle: async ({ client, input }) => Response.json({ messages: await pullMessages({ client, ...input, signal: request.signal }) }),
  });
}
