// 注册导入客户端: the platform assigns the 10-character 客户端ID — the enterprise's customs area (the first four
// characters of its customs code, as existing ids read) followed by six random digits.
import { randomInt } from "node:crypto";
import type { Prisma } from "@/lib/db/client";
import type { EnterpriseScope } from "@/lib/db/tenancy";
import type { TRegisterClientRequest } from "@/lib/validations/import-client";
import { auditClientChange, type SignedClientAudit } from "./audit";
import { assertEndpointAllowed } from "./endpoint-policy";

const ID_ATTEMPTS = 5;

export async function registerImportClient(options: {
  tx: Prisma.TransactionClient;
  scope: EnterpriseScope;
  input: TRegisterClientRequest;
  audit: SignedClientAudit;
}): Promise<{ clientId: string }> {
  const { tx, scope, input } = options;
  await assertEndpointAllowed({ endpointUrl: input.endpointUrl });
  const { customsCode } = await tx.enterprise.findUniqueOrThrow({ where: { id: scope.enterpriseId }, select: { customsCode: true } });
  for (let attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
    const clientId = `${customsCode.slice(0, 4)}${String(randomInt(1_000_000)).padStart(6, "0")}`;
    // ON CONFLICT DO NOTHING: an id already taken leaves the transaction usable for the next one.
    const [created] = await tx.importClient.createManyAndReturn({
      data: [{ clientId, enterpriseId: scope.enterpriseId, name: input.name, endpointUrl: input.endpointUrl }],
      skipDuplicates: true,
      select: { clientId: true },
    });
    if (!created) continue;
    await auditClientChange({ tx, action: "CLIENT_REGISTER", scope, clientId, audit: options.audit, detail: { ...input } });
    return created;
  }
  throw new Error(`no free client id in customs area ${customsCode.slice(0, 4)} after ${ID_ATTEMPTS} tries`);
}
