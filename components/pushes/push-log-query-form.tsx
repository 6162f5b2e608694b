import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DateField } from "@/components/forms/date-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { PushLogParams } from "@/lib/validations/push-log-params";

const withoutSubscription = (form: PushLogParams["form"]) => {
  const params = new URLSearchParams();
  for (const key of ["emsNo", "from", "to", "status", "messageId"] as const) if (form[key]) params.set(key, form[key]);
  return `/pushes?${params}`;
};

// A GET form: the query lives in the URL, so 查询 and a refresh show the same messages. 账册号 is optional (every
// manual of the enterprise); a subscription filter comes from 订阅记录's 推送进度 link and is shown, with a way out.
export async function PushLogQueryForm({ form, error }: { form: PushLogParams["form"]; error: string | null }) {
  const t = await getTranslations("pushes");
  return (
    <form method="get" className="grid gap-2" aria-label={t("query")} noValidate>
      <div className="flex flex-wrap items-end gap-3">
        <div className="grid gap-1.5">
          <Label htmlFor="push-emsNo">{t("emsNo")}</Label>
          <Input
            id="push-emsNo"
            name="emsNo"
            defaultValue={form.emsNo}
            className="w-44"
            placeholder="E32012500001"
            aria-invalid={!!error || undefined}
          />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="push-from">{t("dispatchedFrom")}</Label>
          <DateField id="push-from" name="from" defaultValue={form.from} className="w-48" />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="push-to">{t("dispatchedTo")}</Label>
          <DateField id="push-to" name="to" defaultValue={form.to} className="w-48" />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="push-messageId">{t("messageId")}</Label>
          <Input
            id="push-messageId"
            name="messageId"
            defaultValue={form.messageId}
            className="w-52 font-mono"
            inputMode="numeric"
            placeholder={t("messageIdPlaceholder")}
          />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="push-status">{t("status")}</Label>
          <select id="push-status" name="status" defaultValue={form.status} className="h-9 rounded-md border border-input bg-card px-2 text-sm">
            <option value="">{t("all")}</option>
            <option value="DELIVERED">{t("dispatchStatus.DELIVERED")}</option>
            <option value="FAILED">{t("dispatchStatus.FAILED")}</option>
            <option value="PENDING">{t("dispatchStatus.PENDING")}</option>
          </select>
        </div>
        {form.subscriptionId && <input type="hidden" name="subscriptionId" value={form.subscriptionId} />}
        <Button type="submit">{t("query")}</Button>
        <Button asChild variant="ghost">
          <Link href="/pushes">{t("reset")}</Link>
        </Button>
      </div>
      {form.subscriptionId && (
        <p className="text-sm text-muted-foreground" data-testid="subscription-filter">
          {t("ofSubscription")}{" "}
          <Link className="underline" href={withoutSubscription(form)}>
            {t("allSubscriptions")}
          </Link>
        </p>
      )}
      {error && (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      )}
    </form>
  );
}
