// Pull API `fetch` (docs/delivery-protocol.md B.5): messages by id, for a client that reconciled and lacks them.
import { fetchMessages } from "@/lib/pull/fetch-messages";
import { handlePullRoute } from "@/lib/pull/handle";
import { ZFetchRequest } from "@/lib/pull/schemas";

export async function POST(request: Request) {
  return handlePullRoute(request, {
    schema: ZFetchRequest,
    delivers: "ANY_MODE",
    handle: async ({ client, input }) =>
      Response.json({ messages: await fetchMessages({ importClientId: client.id, scope: client.scope, messageIds: input.messageIds }) }),
  });
}
