// Pull API `manifest` (docs/delivery-protocol.md B.5): the platform-signed list of the client's messages in a range.
import { handlePullRoute } from "@/lib/pull/handle";
import { buildManifest, signedManifestResponse } from "@/lib/pull/manifest";
import { ZManifestRequest } from "@/lib/pull/schemas";

export async function POST(request: Request) {
  return handlePullRoute(request, {
    schema: ZManifestRequest,
    delivers: false,
    handle: async ({ client, input }) =>
      signedManifestResponse({
        manifest: await buildManifest({ importClientId: client.id, clientId: client.clientId, scope: client.scope, ...input }),
      }),
  });
}
