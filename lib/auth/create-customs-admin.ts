// A customs admin account, created from the command line (scripts/admin-create.ts): the first one of a production
// deployment, where no demo admin exists. The password is stored as argon2 like every other (credentials.ts).
import { hash } from "@node-rs/argon2";
import { parseOrThrow } from "@/lib/validations/parse";
import { writeAudit } from "@/lib/audit/log";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { ZCustomsAdmin } from "@/lib/validations/customs-admin";

export async function createCustomsAdmin(options: {
  db: Db;
  input: unknown;
  /** Who ran the command (the operating-system user), for the audit entry. */
  operator: string;
}): Promise<{ accountCode: string; name: string }> {
  const { accountCode, name, password } = parseOrThrow(ZCustomsAdmin, options.input);
  const exists = () => new AppError("CONFLICT", "auth.accountExists", { accountCode });
  if (await options.db.user.findUnique({ where: { accountCode }, select: { id: true } })) throw exists();
  const passwordHash = await hash(password);
  return options.db
    .$transaction(async (tx) => {
      const user = await tx.user.create({ data: { accountCode, name, passwordHash, role: "CUSTOMS_ADMIN" }, select: { id: true } });
      await writeAudit(tx, {
        action: "ADMIN_CREATE",
        targetType: "User",
        targetId: accountCode,
        detail: { userId: user.id, name, operator: options.operator.slice(0, 64) },
      });
      return { accountCode, name };
    })
    .catch((error: unknown) => {
      // Created by someone else between the check and the insert.
      if ((error as { code?: string }).code === "P2002") throw exists();
      throw error;
    });
}

/** Whether a customs admin exists: a production start needs one (lib/db/prepare.ts). */
export async function customsAdminExists(db: Db): Promise<boolean> {
  return (await db.user.count({ where: { role: "CUSTOMS_ADMIN" }, take: 1 })) > 0;
}
