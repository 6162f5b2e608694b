import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { TSubscriptionListQuery } from "@/lib/validations/subscription-filters";

// A plain GET form: filters live in the URL, so a refresh or a shared link shows the same records.
export async function RecordsFilter({ query, refusedEmsNo }: { query: TSubscriptionListQuery; refusedEmsNo: string | null }) {
  const t = await getTranslations("subscriptions");
  const selectClass = "h-9 rounded-md border border-input bg-card px-2 text-sm";
  return (
    <form method="get" className="flex flex-wrap items-end gap-3">
      <div className="grid gap-1.5">
        <Label htmlFor="filter-emsNo">{t("filterEmsNo")}</Label>
        <Input
          id="filter-emsNo"
          name="emsNo"
          defaultValue={refusedEmsNo ?? query.emsNo ?? ""}
          className="w-44"
          placeholder={t("emsNoPlaceholder")}
          aria-invalid={refusedEmsNo !== null}
          aria-describedby={refusedEmsNo !== null ? "filter-emsNo-error" : undefined}
        />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="filter-kind">{t("filterKind")}</Label>
        <select id="filter-kind" name="kind" defaultValue={query.kind ?? ""} className={selectClass}>
          <option value="">{t("all")}</option>
          <option value="STOCK">{t("kind.STOCK")}</option>
          <option value="INCREMENTAL">{t("kind.INCREMENTAL")}</option>
        </select>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="filter-status">{t("filterStatus")}</Label>
        <select id="filter-status" name="status" defaultValue={query.status ?? ""} className={selectClass}>
          <option value="">{t("all")}</option>
          <option value="ACTIVE">{t("status.ACTIVE")}</option>
          <option value="CANCELLED">{t("status.CANCELLED")}</option>
          <option value="EXPIRED">{t("status.EXPIRED")}</option>
        </select>
      </div>
      <Button type="submit" variant="secondary">
        {t("query")}
      </Button>
      <Button asChild variant="ghost">
        <Link href="/subscriptions">{t("reset")}</Link>
      </Button>
      {refusedEmsNo !== null && (
        <p id="filter-emsNo-error" role="alert" className="basis-full text-sm text-destructive">
          {t("filterEmsNoInvalid")}
        </p>
      )}
    </form>
  );
}
