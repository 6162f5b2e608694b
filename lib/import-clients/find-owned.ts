// An import client of the acting enterprise by its 客户端ID. Another enterprise's id is answered exactly like
// an unknown one, so that ids cannot be probed.
import type { Db, Prisma } from "@/lib/db/client";
import { ownedBy, type EnterpriseScope } from "@/lib/db/tenancy";
import { AppError } from "@/lib/errors";

export async function findOwnedClient(options: { db: Db | Prisma.TransactionClient; scope: EnterpriseScope; clientId: string }) {
  const client = await options.db.importClient.findFirst({
    where: { ...ownedBy(options.scope), clientId: options.clientId },
    select: { id: true, clientId: true, boundCardNo: true, endpointUrl: true, status: true },
  });
  if (!client) throw new AppError("NOT_FOUND", "importClients.notFound");
  return client;
}
