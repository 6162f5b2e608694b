"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { FieldError } from "@/components/subscriptions/field-error";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { bindCardAction } from "@/lib/actions/import-clients/bind-card";
import type { BindableCard } from "@/lib/import-clients/list";
import { ZBindCardRequest } from "@/lib/validations/import-client";
import { useSignedClientAction } from "./use-signed-client-action";

// 绑定/更换卡介质: one of the enterprise's own cards in use, signed with the legal-person card.
export function BindCardDialog({ clientId, boundCardNo, cards }: { clientId: string; boundCardNo: string | null; cards: BindableCard[] }) {
  const t = useTranslations("importClients");
  const run = useSignedClientAction();
  const [open, setOpen] = useState(false);
  const [cardNo, setCardNo] = useState(boundCardNo ?? "");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const bind = () =>
    startTransition(async () => {
      setError(null);
      const parsed = ZBindCardRequest.safeParse({ clientId, cardNo });
      if (!parsed.success) return setError(t("chooseCard"));
      const result = await run({ action: "CLIENT_BIND", payload: parsed.data, title: t("bindTitle"), submit: bindCardAction });
      if (result.ok) {
        toast.success(t("bound", { clientId, cardNo }));
        return setOpen(false);
      }
      if (!("cancelled" in result)) setError(result.fieldErrors?.cardNo ?? result.error);
    });

  const openChange = (next: boolean) => {
    setOpen(next);
    setCardNo(boundCardNo ?? "");
    setError(null);
  };

  return (
    <Dialog open={open} onOpenChange={openChange}>
      <DialogTrigger asChild>
        <Button variant="link" size="sm" className="h-auto px-1">
          {boundCardNo ? t("changeCard") : t("bindCard")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("close")}>
        <DialogHeader>
          <DialogTitle>{t("bindTitle")}</DialogTitle>
          <DialogDescription>{t("bindDescription", { clientId })}</DialogDescription>
        </DialogHeader>
        <RadioGroup value={cardNo} onValueChange={setCardNo} aria-label={t("cardMedium")}>
          {cards.map((card) => (
            <label key={card.cardNo} className="flex cursor-pointer items-center gap-3 rounded-md border px-3 py-2 text-sm">
              <RadioGroupItem value={card.cardNo} aria-label={card.cardNo} />
              <span className="font-mono">{card.cardNo}</span>
              <span>{t(`cardKind.${card.kind}`)}</span>
              <span className="text-muted-foreground">{card.holder}</span>
              {card.cardNo === boundCardNo && <span className="ml-auto text-xs text-muted-foreground">{t("currentCard")}</span>}
            </label>
          ))}
          {cards.length === 0 && <p className="text-sm text-muted-foreground">{t("noCards")}</p>}
        </RadioGroup>
        <FieldError message={error ?? undefined} />
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)}>
            {t("close")}
          </Button>
          <Button onClick={bind} disabled={pending || !cardNo}>
            {t("signAndBind")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
