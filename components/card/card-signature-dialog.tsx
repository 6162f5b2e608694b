"use client";

import { Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { CardEnvironment, CardError } from "@/lib/card";
import type { TSignedProof } from "@/lib/validations/signing";
import { CardSummary } from "./card-summary";
import type { PreparedChallenge } from "@/lib/signing/prepare-challenge";
import { SignedStatement } from "./signed-statement";
import { cardRequirement, describeCardError } from "./signing-flow";
import { TransportChoice } from "./transport-choice";
import { useCardSigning } from "./use-card-signing";
import { VirtualCardPicker } from "./virtual-card-picker";
import type { VirtualCardReader } from "./virtual-card-slot";

const PIN_FORM_ID = "card-pin-form";

export interface CardSignatureDialogProps {
  title?: string;
  enterpriseCode: string;
  challenge: PreparedChallenge;
  env: CardEnvironment;
  /** Present only where the virtual card is allowed (development and test). */
  virtualReader: VirtualCardReader | null;
  onSigned: (proof: TSignedProof) => void;
  onCancel: () => void;
  /** After the dialog has gone, to give the focus back to what opened it. */
  onClosed: () => void;
}

/** The card dialog every signed action goes through (docs/rules.md §5): what is signed, the card, its PIN. */
export function CardSignatureDialog({
  title,
  enterpriseCode,
  challenge,
  env,
  virtualReader,
  onSigned,
  onCancel,
  onClosed,
}: CardSignatureDialogProps) {
  const t = useTranslations("card");
  const [pin, setPin] = useState("");
  const signing = useCardSigning({ env, enterpriseCode, challenge, onSigned });
  const { flow, transport } = signing;
  const card = flow.phase === "select" ? undefined : flow.card;
  const error = flow.phase === "busy" ? undefined : flow.error;

  const submitPin = (event: React.FormEvent) => {
    event.preventDefault();
    setPin(""); // a PIN is never kept around, also not for a retry after a wrong one
    void signing.submitPin(pin);
  };

  // The primary step gets the focus, not 取消 (Enter would cancel): 读取卡片 once a transport is chosen, else the
  // first transport to choose. Transports are detected after the dialog opens, so this waits for them, once.
  const contentRef = useRef<HTMLDivElement>(null);
  const primaryFocused = useRef(false);
  useEffect(() => {
    const content = contentRef.current;
    if (primaryFocused.current || flow.phase !== "select" || !content) return;
    const target =
      content.querySelector<HTMLElement>("[data-primary-step]:not(:disabled)") ?? content.querySelector<HTMLElement>('[role="radio"]:not(:disabled)');
    if (!target) return;
    primaryFocused.current = true;
    target.focus();
  }, [signing.transports, transport, flow.phase]);

  return (
    <Dialog open onOpenChange={(open) => !open && onCancel()}>
      <DialogContent
        ref={contentRef}
        data-testid="card-signature-dialog"
        onOpenAutoFocus={(event) => {
          event.preventDefault();
          contentRef.current?.focus();
        }}
        // A stray click beside the dialog must not throw away a half-finished signature.
        onInteractOutside={(event) => event.preventDefault()}
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          onClosed();
        }}
      >
        <DialogHeader>
          <DialogTitle>{title ?? t("title")}</DialogTitle>
          <DialogDescription>{t(cardRequirement(challenge.cardKinds).prompt)}</DialogDescription>
        </DialogHeader>

        <SignedStatement statement={challenge.content.statement} phrases={challenge.phrases} />

        {flow.phase === "select" && (
          <div className="grid gap-4">
            <TransportChoice transports={signing.transports} value={transport} onChange={signing.setTransport} />
            {transport === "virtual" && virtualReader && <VirtualCardPicker reader={virtualReader} />}
          </div>
        )}

        {card && <CardSummary card={card} />}

        {flow.phase === "pin" && (
          <form id={PIN_FORM_ID} onSubmit={submitPin} className="grid gap-2" noValidate>
            <Label htmlFor="card-pin">{t("pin")}</Label>
            <Input
              id="card-pin"
              type="password"
              inputMode="numeric"
              autoComplete="off"
              maxLength={8}
              autoFocus
              placeholder={t("pinHint")}
              value={pin}
              onChange={(event) => setPin(event.target.value.replace(/\D/g, ""))}
              aria-invalid={error ? true : undefined}
            />
          </form>
        )}

        {flow.phase === "busy" && (
          <p role="status" className="flex items-center gap-2 text-sm text-muted-foreground">
            <Loader2 className="size-4 animate-spin" />
            {t(`steps.${flow.step}`)}
          </p>
        )}

        {error && <CardErrorAlert error={error} />}

        <DialogFooter>
          <Button type="button" variant="outline" onClick={onCancel}>
            {t("cancel")}
          </Button>
          {flow.phase === "pin" && (
            <Button type="button" variant="ghost" onClick={signing.startOver}>
              {t("changeCard")}
            </Button>
          )}
          {card ? (
            <Button type="submit" form={PIN_FORM_ID} disabled={flow.phase === "busy" || pin.length === 0}>
              {t("sign")}
            </Button>
          ) : (
            <Button type="button" onClick={signing.readCard} disabled={flow.phase === "busy" || !transport} data-primary-step>
              {t("readCard")}
            </Button>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

function CardErrorAlert({ error }: { error: CardError }) {
  const t = useTranslations("card");
  const { key, values, detail } = describeCardError(error);
  return (
    <div role="alert" className="rounded-md border border-destructive/30 bg-destructive/10 px-3 py-2 text-sm text-destructive">
      <p>{t(key, values)}</p>
      {detail && <p className="mt-1 text-xs opacity-80">{detail}</p>}
    </div>
  );
}
