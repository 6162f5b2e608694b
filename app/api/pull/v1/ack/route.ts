// Pull API `ack` (docs/delivery-protocol.md B.4): the client holds these messages; they become 下发成功.
import { ackMessages } from "@/lib/pull/ack";
import { handlePullRoute } from "@/lib/pull/handle";
import { ZAckRequest } from "@/lib/pull/schemas";

export async function POST(request: Request) {
  return handlePullRoute(request, {
    schema: ZAckRequest,
    delivers: false,
    handle: async ({ client, input }) =>
      Response.json(await ackMessages({ importClientId: client.id, scope: client.scope, messageIds: input.messageIds })),
  });
}
