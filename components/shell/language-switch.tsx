"use client";

import { Languages } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocaleAction } from "@/app/actions/preferences";
import { Button } from "@/components/ui/button";

export function LanguageSwitch({ className }: { className?: string }) {
  const t = useTranslations("nav");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="ghost"
      size="sm"
      className={className}
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          await setLocaleAction(locale === "en" ? "zh-CN" : "en");
          router.refresh();
        })
      }
    >
      <Languages />
      {/* The language to switch to, named in that language. */}
      <span lang={locale === "en" ? "zh-CN" : "en"}>{t("language")}</span>
    </Button>
  );
}
