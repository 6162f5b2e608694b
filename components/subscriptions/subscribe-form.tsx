"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { useCardSignature } from "@/components/card/card-signature-provider";
import { DateField } from "@/components/forms/date-field";
import { showActionErrors } from "@/components/forms/show-action-errors";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { subscribeAction } from "@/lib/actions/subscriptions/subscribe";
import { cn } from "@/lib/utils";
import { ZSubscribeForm, type TSubscribeForm } from "@/lib/validations/subscription";
import { CoveringRanges } from "./covering-ranges";
import { FieldError } from "./field-error";
import { ManualPicker } from "./manual-picker";
import type { PickerClient, PickerManual } from "./picker-types";
import { RangeInputs } from "./range-inputs";
import { useRefusalResolver } from "@/components/forms/use-refusal-resolver";

const emptyForm = (latest: string): TSubscribeForm => ({
  clientId: "",
  stockEnabled: false,
  incrementalEnabled: false,
  stockEmsNo: "",
  pushMaterials: false,
  pushProducts: false,
  materialFrom: "",
  materialTo: "",
  productFrom: "",
  productTo: "",
  incrementalEmsNo: "",
  validUntil: latest,
});

// 数据订阅 (manual §1 steps 2–5): the same zod schema validates here and on the server; server rule errors
// come back per field and are shown beside it.
export function SubscribeForm(props: { clients: PickerClient[]; manuals: PickerManual[]; manualsLimited: boolean; today: string; latest: string }) {
  const { clients, manuals, today, latest } = props;
  const t = useTranslations("subscriptions");
  const router = useRouter();
  const sign = useCardSignature();
  const [pending, startTransition] = useTransition();
  const [showClients, setShowClients] = useState(false);
  const form = useForm<TSubscribeForm>({ resolver: useRefusalResolver(ZSubscribeForm), defaultValues: emptyForm(latest) });
  const { register, setValue, formState } = form;
  const values = useWatch({ control: form.control }) as TSubscribeForm;
  const stockManual = manuals.find((manual) => manual.emsNo === values.stockEmsNo.trim().toUpperCase());
  const chosenClient = clients.find((client) => client.clientId === values.clientId);
  const pick = (field: "stockEmsNo" | "incrementalEmsNo") => (emsNo: string) => setValue(field, emsNo, { shouldValidate: formState.isSubmitted });
  const chooseRange = (table: "material" | "product") => (from: number, to: number) => {
    setValue(`${table}From`, String(from), { shouldValidate: formState.isSubmitted });
    setValue(`${table}To`, String(to), { shouldValidate: formState.isSubmitted });
  };

  const onSubmit = form.handleSubmit((payload) =>
    startTransition(async () => {
      const signed = await sign({ action: "SUBSCRIBE", payload, title: t("submit") });
      if (!signed.ok) return showActionErrors(form.setError, signed, "root");
      const result = await subscribeAction({ payload, proof: signed.proof });
      if (!result.ok) return showActionErrors(form.setError, result, "root");
      toast.success(t("success"));
      form.reset(emptyForm(latest));
      setShowClients(false);
      router.refresh();
    }),
  );

  const toggle = (field: "stockEnabled" | "incrementalEnabled" | "pushMaterials" | "pushProducts", checked: boolean) => {
    setValue(field, checked, { shouldValidate: formState.isSubmitted });
    // Both ticked: the incremental part starts from the stock part's manual number.
    if (field === "incrementalEnabled" && checked && !values.incrementalEmsNo) setValue("incrementalEmsNo", values.stockEmsNo);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-6" aria-label={t("title")}>
      <section className="grid gap-2">
        <div className="flex items-center gap-3">
          <Button type="button" variant="outline" onClick={() => setShowClients(true)}>
            {t("chooseClient")}
          </Button>
          <span className="text-xs text-muted-foreground">{t("clientHint")}</span>
        </div>
        {showClients && (
          <div role="radiogroup" aria-label={t("chooseClient")} className="grid gap-1 rounded-md border p-2">
            {clients.length === 0 && <p className="p-2 text-sm text-muted-foreground">{t("noClients")}</p>}
            {clients.map((client) => (
              <label
                key={client.clientId}
                className={cn(
                  "flex cursor-pointer items-center gap-3 rounded px-2 py-1.5 text-sm hover:bg-muted",
                  values.clientId === client.clientId && "bg-accent",
                )}
              >
                <input type="radio" value={client.clientId} {...register("clientId")} className="accent-primary" />
                <span className="font-mono">{client.clientId}</span>
                <span>{client.name}</span>
                <span className="text-xs text-muted-foreground">
                  {t("boundCard")} {client.boundCardNo}
                </span>
                {client.status === "PAUSED" && (
                  <span className="text-xs text-destructive">
                    {client.failingSince ? t("clientPaused", { since: client.failingSince }) : t("clientPausedNow")}
                  </span>
                )}
              </label>
            ))}
          </div>
        )}
        {chosenClient?.status === "PAUSED" && (
          <p role="status" className="rounded-md bg-warning/20 px-2 py-1 text-sm" data-testid="paused-client-warning">
            {t("clientPausedWarning")}
          </p>
        )}
        <FieldError message={formState.errors.clientId?.message} />
      </section>

      <section className="grid gap-4 md:grid-cols-2">
        <fieldset className="grid content-start gap-3 rounded-md border p-4">
          <label className="flex items-center gap-2 font-medium">
            <Checkbox checked={values.stockEnabled} onCheckedChange={(c) => toggle("stockEnabled", c === true)} aria-label={t("stock")} />
            {t("stock")}
          </label>
          <p className="text-xs text-muted-foreground">{t("stockHint")}</p>
          {values.stockEnabled && (
            <div className="grid gap-3">
              <div className="grid gap-1.5">
                <Label htmlFor="stockEmsNo">{t("emsNo")}</Label>
                <Input id="stockEmsNo" placeholder={t("emsNoPlaceholder")} aria-invalid={!!formState.errors.stockEmsNo} {...register("stockEmsNo")} />
                <ManualPicker manuals={manuals} limited={props.manualsLimited} selected={values.stockEmsNo} onPick={pick("stockEmsNo")} />
                <FieldError message={formState.errors.stockEmsNo?.message} />
              </div>
              <div className="grid gap-2">
                <span className="text-sm font-medium">{t("pushTypes")}</span>
                <div className="flex gap-6">
                  <label className="flex items-center gap-2 text-sm">
                    <Checkbox
                      checked={values.pushMaterials}
                      onCheckedChange={(c) => toggle("pushMaterials", c === true)}
                      aria-label={t("materials")}
                    />
                    {t("materials")}
                  </label>
                  <label className="flex items-center gap-2 text-sm">
                    <Checkbox checked={values.pushProducts} onCheckedChange={(c) => toggle("pushProducts", c === true)} aria-label={t("products")} />
                    {t("products")}
                  </label>
                </div>
                <FieldError message={formState.errors.pushMaterials?.message} />
              </div>
              {values.pushMaterials && (
                <>
                  <RangeInputs
                    label={`${t("materials")}${t("range")}`}
                    table="material"
                    register={register}
                    error={formState.errors.materialFrom?.message}
                  />
                  {stockManual && (
                    <CoveringRanges
                      table={t("materials")}
                      count={stockManual.materialCount}
                      maxSeqno={stockManual.materialMaxSeqno}
                      onChoose={chooseRange("material")}
                    />
                  )}
                </>
              )}
              {values.pushProducts && (
                <>
                  <RangeInputs
                    label={`${t("products")}${t("range")}`}
                    table="product"
                    register={register}
                    error={formState.errors.productFrom?.message}
                  />
                  {stockManual && (
                    <CoveringRanges
                      table={t("products")}
                      count={stockManual.productCount}
                      maxSeqno={stockManual.productMaxSeqno}
                      onChoose={chooseRange("product")}
                    />
                  )}
                </>
              )}
            </div>
          )}
        </fieldset>

        <fieldset className="grid content-start gap-3 rounded-md border p-4">
          <label className="flex items-center gap-2 font-medium">
            <Checkbox
              checked={values.incrementalEnabled}
              onCheckedChange={(c) => toggle("incrementalEnabled", c === true)}
              aria-label={t("incremental")}
            />
            {t("incremental")}
          </label>
          <p className="text-xs text-muted-foreground">{t("incrementalHint")}</p>
          {values.incrementalEnabled && (
            <div className="grid gap-1.5">
              <Label htmlFor="incrementalEmsNo">{t("emsNo")}</Label>
              <Input
                id="incrementalEmsNo"
                placeholder={t("emsNoPlaceholder")}
                aria-invalid={!!formState.errors.incrementalEmsNo}
                {...register("incrementalEmsNo")}
              />
              <ManualPicker manuals={manuals} limited={props.manualsLimited} selected={values.incrementalEmsNo} onPick={pick("incrementalEmsNo")} />
              <FieldError message={formState.errors.incrementalEmsNo?.message} />
            </div>
          )}
        </fieldset>
      </section>
      <FieldError message={formState.errors.stockEnabled?.message} />

      <section className="flex flex-wrap items-end gap-4">
        <div className="grid gap-1.5">
          <Label htmlFor="validUntil">{t("validUntil")}</Label>
          <DateField
            id="validUntil"
            value={values.validUntil}
            onChange={(day) => setValue("validUntil", day, { shouldValidate: formState.isSubmitted })}
            min={today}
            max={latest}
            invalid={!!formState.errors.validUntil}
            className="w-56"
          />
          <span className="text-xs text-muted-foreground">{t("validUntilHint")}</span>
          <FieldError message={formState.errors.validUntil?.message} />
        </div>
        <Button type="submit" disabled={pending} className="min-w-28">
          {pending ? t("submitting") : t("submit")}
        </Button>
      </section>
      {formState.errors.root && (
        <p role="alert" className="text-sm text-destructive">
          {formState.errors.root.message}
        </p>
      )}
    </form>
  );
}
