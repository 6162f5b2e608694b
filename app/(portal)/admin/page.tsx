import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { RegisterCardForm } from "@/components/admin/register-card-form";
import { UserStatusButton } from "@/components/admin/user-status-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { listEnterprisesForAdmin } from "@/lib/enterprises/list-for-admin";

export default async function AdminEnterprisesPage() {
  await requireAdmin();
  const t = await getTranslations("admin");
  const enterprises = await listEnterprisesForAdmin({ db });
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("enterprisesTitle")}</CardTitle>
        <CardDescription>{t("enterprisesDescription")}</CardDescription>
      </CardHeader>
      <CardContent>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>{t("customsCode")}</TableHead>
              <TableHead>{t("name")}</TableHead>
              <TableHead>{t("uscc")}</TableHead>
              <TableHead>{t("cards")}</TableHead>
              <TableHead>{t("clients")}</TableHead>
              <TableHead>{t("users")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {enterprises.map((e) => (
              <TableRow key={e.id}>
                <TableCell className="font-mono">{e.customsCode}</TableCell>
                <TableCell>{e.name}</TableCell>
                <TableCell className="font-mono text-xs">{e.uscc}</TableCell>
                <TableCell className="space-y-1">
                  {e.cards.map((c) => (
                    <div key={c.cardNo} className="flex items-center gap-2">
                      <Link className="font-mono text-xs text-primary hover:underline" href={`/admin/cards?cardNo=${c.cardNo}`}>
                        {c.cardNo}
                      </Link>
                      <Badge variant={c.kind === "LEGAL_PERSON" ? "default" : "secondary"}>
                        {c.kind === "LEGAL_PERSON" ? t("legalCard") : t("operatorCard")}
                      </Badge>
                      {c.status === "REVOKED" && <Badge variant="destructive">{t("revokedBadge")}</Badge>}
                      <span className="text-xs text-muted-foreground">{c.holder}</span>
                    </div>
                  ))}
                  <span className="flex items-center gap-3">
                    <RegisterCardForm customsCode={e.customsCode} />
                    <Link className="text-xs text-primary hover:underline" href={`/admin/cards?customsCode=${e.customsCode}`}>
                      {t("allCards")}
                    </Link>
                  </span>
                </TableCell>
                <TableCell className="space-y-1 font-mono text-xs">
                  {e.importClients.map((c) => (
                    <div key={c.clientId}>
                      {c.clientId} {c.boundCardNo ? `← ${c.boundCardNo}` : t("unbound")}
                    </div>
                  ))}
                </TableCell>
                <TableCell className="space-y-1 text-xs">
                  {e.users.map((u) => (
                    <div key={u.accountCode} className="flex items-center gap-2">
                      <span>
                        {u.accountCode} {u.name}
                      </span>
                      {u.disabledAt && <Badge variant="destructive">{t("disabledBadge")}</Badge>}
                      <UserStatusButton accountCode={u.accountCode} name={u.name} disabled={u.disabledAt !== null} />
                    </div>
                  ))}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
