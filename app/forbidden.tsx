import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { getSessionUser, homePathFor } from "@/lib/auth/session";

// forbidden() is called by the enterprise guard and by the customs guard alike: the hint names the pages this
// account may use, not the ones it was refused.
export default async function Forbidden() {
  const t = await getTranslations("common");
  const user = await getSessionUser();
  const hint = user?.role === "CUSTOMS_ADMIN" ? t("forbiddenHintAdmin") : t("forbiddenHintEnterprise");
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-4 p-8 text-center">
      <h1 className="text-2xl font-semibold">{t("forbidden")}</h1>
      <p className="text-muted-foreground">{hint}</p>
      <Button asChild>
        <Link href={user ? homePathFor(user) : "/login"}>{t("backHome")}</Link>
      </Button>
    </main>
  );
}
