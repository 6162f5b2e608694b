import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { Refusal } from "@/lib/errors";
import type { SearchParams } from "@/lib/validations/admin-filters";
import { cn } from "@/lib/utils";

export interface FilterField {
  name: string;
  label: string;
  kind?: "text" | "date" | "select";
  options?: { value: string; label: string }[];
  /** A select offers 全部 (no filter) first unless this is false. */
  withAll?: boolean;
  placeholder?: string;
  className?: string;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

// A plain GET form: filters live in the URL, so a refresh or a shared link shows the same rows. What the admin
// typed stays in the fields, with the reason next to a field the server could not accept.
export async function FilterForm(props: {
  fields: FilterField[];
  params: SearchParams;
  errors?: Record<string, Refusal>;
  resetHref: string;
  children?: React.ReactNode;
}) {
  const t = await getTranslations("adminCommon");
  const refusalText = await getTranslations("errors");
  const selectClass = "h-9 rounded-md border border-input bg-card px-2 text-sm";
  return (
    <form method="get" className="flex flex-wrap items-end gap-3">
      {props.fields.map((field) => {
        const id = `filter-${field.name}`;
        const refusal = props.errors?.[field.name];
        const error = refusal && refusalText(refusal.key, refusal.values);
        const common = { id, name: field.name, defaultValue: first(props.params[field.name]), "aria-invalid": error ? true : undefined };
        return (
          <div key={field.name} className="grid gap-1.5">
            <Label htmlFor={id}>{field.label}</Label>
            {field.kind === "select" ? (
              <select {...common} className={selectClass}>
                {field.withAll !== false && <option value="">{t("all")}</option>}
                {field.options?.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            ) : (
              <Input
                {...common}
                type={field.kind === "date" ? "date" : "text"}
                placeholder={field.placeholder}
                className={cn("w-40", field.className)}
              />
            )}
            {error && (
              <p role="alert" className="max-w-56 text-xs text-destructive">
                {error}
              </p>
            )}
          </div>
        );
      })}
      <Button type="submit" variant="secondary">
        {t("query")}
      </Button>
      <Button asChild variant="ghost">
        <Link href={props.resetHref}>{t("reset")}</Link>
      </Button>
      {props.children}
    </form>
  );
}
