import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { SignInForm } from "@/components/sign-in-form";
import { safeReturnPath } from "@/lib/auth/return-path";
import { getSessionUser, homePathFor } from "@/lib/auth/session";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const returnTo = safeReturnPath(typeof next === "string" ? next : null);
  const user = await getSessionUser();
  if (user) redirect(returnTo ?? homePathFor(user));
  const t = await getTranslations();
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-6 bg-gradient-to-b from-sidebar to-primary/70 p-6">
      <div className="text-center text-white">
        <p className="text-sm opacity-80">{t("app.name")}</p>
        <h1 className="mt-1 text-2xl font-semibold">{t("app.product")}</h1>
      </div>
      <Card className="w-full max-w-sm">
        <CardHeader>
          <CardTitle>{t("login.title")}</CardTitle>
          <CardDescription>{t("app.subtitle")}</CardDescription>
        </CardHeader>
        <CardContent>
          <SignInForm returnTo={returnTo} />
        </CardContent>
      </Card>
      <LanguageSwitch className="text-white hover:bg-white/10 hover:text-white" />
    </main>
  );
}
