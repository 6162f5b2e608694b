"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { useCardSignature } from "@/components/card/card-signature-provider";
import { ConfirmButton } from "@/components/confirm-button";
import { DateField } from "@/components/forms/date-field";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { cancelSubscriptionAction } from "@/lib/actions/subscriptions/cancel-subscription";
import { extendSubscriptionAction } from "@/lib/actions/subscriptions/extend-subscription";

// 取消订阅 and 延期 (manual §3–4): confirm, sign with the legal-person card, then refresh the list.
export function SubscriptionRowActions({ subscriptionId, validUntil, latest }: { subscriptionId: number; validUntil: string; latest: string }) {
  const t = useTranslations("subscriptions");
  const router = useRouter();
  const sign = useCardSignature();
  const [pending, startTransition] = useTransition();
  const [extendOpen, setExtendOpen] = useState(false);
  const [newDate, setNewDate] = useState(latest);
  const [extendError, setExtendError] = useState<string | null>(null);

  const cancel = () =>
    startTransition(async () => {
      const payload = { subscriptionId };
      const signed = await sign({ action: "CANCEL", payload, title: t("cancelTitle") });
      if (!signed.ok) return void (signed.error && toast.error(signed.error));
      const result = await cancelSubscriptionAction({ payload, proof: signed.proof });
      if (!result.ok) return void toast.error(result.error);
      toast.success(t("cancelled"));
      router.refresh();
    });

  const extend = () =>
    startTransition(async () => {
      setExtendError(null);
      const payload = { subscriptionId, validUntil: newDate };
      const signed = await sign({ action: "EXTEND", payload, title: t("extendTitle") });
      if (!signed.ok) return void setExtendError(signed.fieldErrors?.validUntil ?? signed.error ?? null);
      const result = await extendSubscriptionAction({ payload, proof: signed.proof });
      if (!result.ok) return void setExtendError(result.fieldErrors?.validUntil ?? result.error);
      setExtendOpen(false);
      toast.success(t("extended"));
      router.refresh();
    });

  return (
    <div className="flex gap-1">
      <ConfirmButton
        label={t("cancel")}
        title={t("cancelQuestion")}
        description={t("cancelConfirm")}
        confirmLabel={t("cancelConfirmAction")}
        cancelLabel={t("cancelBack")}
        disabled={pending}
        onConfirm={cancel}
      />
      <Dialog open={extendOpen} onOpenChange={setExtendOpen}>
        <DialogTrigger asChild>
          <Button variant="link" size="sm" className="h-auto px-1" disabled={pending}>
            {t("extend")}
          </Button>
        </DialogTrigger>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{t("extendTitle")}</DialogTitle>
            <DialogDescription>{t("extendDescription")}</DialogDescription>
          </DialogHeader>
          <div className="grid gap-3">
            <p className="text-sm text-muted-foreground">
              {t("extendCurrent")}: <span className="font-mono">{validUntil} 23:59:59</span>
            </p>
            <div className="grid gap-1.5">
              <Label htmlFor={`extend-${subscriptionId}`}>{t("extendNew")}</Label>
              <DateField
                id={`extend-${subscriptionId}`}
                min={validUntil}
                max={latest}
                value={newDate}
                onChange={setNewDate}
                invalid={!!extendError}
              />
              {extendError && (
                <p role="alert" className="text-sm text-destructive">
                  {extendError}
                </p>
              )}
            </div>
          </div>
          <DialogFooter>
            <Button variant="outline" onClick={() => setExtendOpen(false)}>
              {t("close")}
            </Button>
            <Button onClick={extend} disabled={pending}>
              {t("confirm")}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
