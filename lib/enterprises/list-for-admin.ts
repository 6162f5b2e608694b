// R18: customs admins see every enterprise with its cards, import clients and users (and whether each is 停用).
import type { Db } from "@/lib/db/client";

export async function listEnterprisesForAdmin(options: { db: Db }) {
  return options.db.enterprise.findMany({
    orderBy: { customsCode: "asc" },
    select: {
      id: true,
      customsCode: true,
      uscc: true,
      name: true,
      cards: { select: { cardNo: true, kind: true, holder: true, status: true }, orderBy: { cardNo: "asc" } },
      importClients: { select: { clientId: true, boundCardNo: true, status: true }, orderBy: { clientId: "asc" } },
      users: { select: { accountCode: true, name: true, disabledAt: true }, orderBy: { accountCode: "asc" } },
    },
  });
}
