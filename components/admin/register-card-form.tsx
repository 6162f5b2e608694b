"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "sonner";
import { showActionErrors } from "@/components/forms/show-action-errors";
import { FieldError } from "@/components/subscriptions/field-error";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { registerCardAction } from "@/lib/actions/admin/register-card";
import { pemToDer, sm2PublicKeyFromDer } from "@/lib/card/certificate";
import { formatShanghaiDateTime } from "@/lib/time/shanghai";
import { ZRegisterCard, type TRegisterCard } from "@/lib/validations/card-registration";
import { useRefusalResolver } from "@/components/forms/use-refusal-resolver";

/** The validity a pasted certificate states while valid today; otherwise nothing (the server says why on submit). */
function pastedValidity(text: string | undefined) {
  if (!text?.includes("-----BEGIN CERTIFICATE")) return null;
  try {
    return sm2PublicKeyFromDer(pemToDer(text)).validity ?? null;
  } catch {
    return null;
  }
}

// 登记卡 for an enterprise: the same zod schema checks here and on the server.
export function RegisterCardForm({ customsCode }: { customsCode: string }) {
  const t = useTranslations("admin");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const form = useForm<TRegisterCard>({
    resolver: useRefusalResolver(ZRegisterCard),
    defaultValues: { customsCode, cardNo: "", kind: "OPERATOR", holder: "", publicKey: "" },
  });
  const { errors } = form.formState;
  // What a pasted certificate says before it is sent; the server checks it again (lib/cards/register-card.ts).
  const validity = pastedValidity(useWatch({ control: form.control, name: "publicKey" }));
  const validityText = (from: Date, to: Date) => ({ from: formatShanghaiDateTime(from), to: formatShanghaiDateTime(to) });

  const submit = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await registerCardAction(values);
      if (!result.ok) {
        return showActionErrors(form.setError, result, "publicKey");
      }
      toast.success(
        result.notBefore && result.notAfter
          ? t("registeredWithValidity", validityText(new Date(result.notBefore), new Date(result.notAfter)))
          : t("registered"),
      );
      form.reset();
      setOpen(false);
      router.refresh();
    }),
  );

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="link" size="sm" className="h-auto px-0">
          {t("registerCard")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={submit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{t("registerCardTitle")}</DialogTitle>
            <DialogDescription>
              {customsCode} · {t("registerCardDescription")}
            </DialogDescription>
          </DialogHeader>
          <div className="grid gap-1.5">
            <Label htmlFor={`card-no-${customsCode}`}>{t("cardNo")}</Label>
            <Input id={`card-no-${customsCode}`} inputMode="numeric" {...form.register("cardNo")} />
            <FieldError message={errors.cardNo?.message ?? errors.customsCode?.message} />
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor={`card-kind-${customsCode}`}>{t("cardKind")}</Label>
            <select id={`card-kind-${customsCode}`} className="h-9 rounded-md border border-input bg-card px-2 text-sm" {...form.register("kind")}>
              <option value="LEGAL_PERSON">{t("legalCard")}</option>
              <option value="OPERATOR">{t("operatorCard")}</option>
            </select>
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor={`card-holder-${customsCode}`}>{t("holder")}</Label>
            <Input id={`card-holder-${customsCode}`} {...form.register("holder")} />
            <FieldError message={errors.holder?.message} />
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor={`card-key-${customsCode}`}>{t("publicKey")}</Label>
            <Textarea id={`card-key-${customsCode}`} rows={5} className="font-mono text-xs" {...form.register("publicKey")} />
            <span className="text-xs text-muted-foreground">{t("publicKeyHint")}</span>
            {validity && (
              <span className="text-xs" data-testid="certificate-preview">
                {t("certificateValidity", validityText(validity.notBefore, validity.notAfter))}
              </span>
            )}
            <FieldError message={errors.publicKey?.message} />
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              {t("cancel")}
            </Button>
            <Button type="submit" disabled={pending}>
              {t("submit")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
