import { LogOut } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/actions/sign-out";
import { Button } from "@/components/ui/button";
import type { SessionUser } from "@/lib/auth/credentials";
import { ChangePasswordDialog } from "./change-password-dialog";
import { LanguageSwitch } from "./language-switch";
import { SidebarNav, type NavSection } from "./sidebar-nav";

// The manual's layout: menu on the left (数据订阅 → 加工贸易账册数据订阅 …), user and enterprise in the header.
export async function AppShell({ user, children }: { user: SessionUser; children: React.ReactNode }) {
  const t = await getTranslations();
  const sections: NavSection[] =
    user.role === "CUSTOMS_ADMIN"
      ? [
          {
            title: t("nav.admin"),
            items: [
              { href: "/admin/dashboard", label: t("nav.adminDashboard") },
              { href: "/admin/subscriptions", label: t("nav.adminSubscriptions") },
              { href: "/admin/push-messages", label: t("nav.adminPushMessages") },
              { href: "/admin/import-clients", label: t("nav.adminImportClients") },
              { href: "/admin/audit", label: t("nav.adminAudit") },
              { href: "/admin/cards", label: t("nav.adminCards") },
              { href: "/admin", label: t("nav.adminEnterprises") },
            ],
          },
          {
            title: t("nav.adminManualsSection"),
            items: [
              { href: "/admin/manuals", label: t("nav.adminManuals") },
              { href: "/admin/changes", label: t("nav.adminChanges") },
            ],
          },
        ]
      : [
          {
            title: t("nav.subscribe"),
            items: [
              { href: "/subscriptions", label: t("nav.manualSubscription") },
              { href: "/import-clients", label: t("nav.importClients") },
            ],
          },
          { title: t("nav.pushLog"), items: [{ href: "/pushes", label: t("nav.pushLog") }] },
        ];
  return (
    <div className="flex min-h-screen">
      <aside className="hidden w-60 shrink-0 flex-col bg-sidebar text-sidebar-foreground md:flex">
        <div className="border-b border-white/10 px-5 py-4">
          <p className="text-xs opacity-70">{t("app.name")}</p>
          <p className="mt-1 font-semibold leading-snug">{t("app.subtitle")}</p>
        </div>
        <SidebarNav sections={sections} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center justify-between gap-4 border-b bg-card px-6">
          <h1 className="truncate text-base font-semibold">{t("app.product")}</h1>
          <div className="flex items-center gap-3 text-sm">
            <span data-testid="current-user" className="text-muted-foreground">
              {user.enterpriseName ? `${user.enterpriseName}（${user.customsCode}）· ` : ""}
              {user.name} {user.accountCode} · {t(`roles.${user.role}`)}
            </span>
            <LanguageSwitch />
            <ChangePasswordDialog />
            <form action={signOutAction}>
              <Button variant="outline" size="sm" type="submit" title={t("nav.signOutHint")}>
                <LogOut />
                {t("nav.signOut")}
              </Button>
            </form>
          </div>
        </header>
        <main className="flex-1 p-6">{children}</main>
      </div>
    </div>
  );
}
