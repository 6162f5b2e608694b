"use client";

import { useTranslations } from "next-intl";
import type { UseFormRegister } from "react-hook-form";
import { Input } from "@/components/ui/input";
import type { TSubscribeForm } from "@/lib/validations/subscription";
import { FieldError } from "./field-error";

// A serial-number range `from-to` of one table (R4); both empty means the whole table.
export function RangeInputs(props: { label: string; table: "material" | "product"; register: UseFormRegister<TSubscribeForm>; error?: string }) {
  const t = useTranslations("subscriptions");
  const from = `${props.table}From` as const;
  const to = `${props.table}To` as const;
  return (
    <div className="grid gap-1.5">
      <span className="text-sm font-medium">{props.label}</span>
      <div className="flex items-center gap-2">
        <Input
          inputMode="numeric"
          aria-label={`${props.label} ${t("rangeFrom")}`}
          placeholder={t("rangeFrom")}
          className="w-32"
          aria-invalid={!!props.error}
          {...props.register(from)}
        />
        <span>-</span>
        <Input
          inputMode="numeric"
          aria-label={`${props.label} ${t("rangeTo")}`}
          placeholder={t("rangeTo")}
          className="w-32"
          aria-invalid={!!props.error}
          {...props.register(to)}
        />
      </div>
      <span className="text-xs text-muted-foreground">{t("rangeHint")}</span>
      <FieldError message={props.error} />
    </div>
  );
}
