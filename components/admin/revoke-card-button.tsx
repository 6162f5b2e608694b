"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { showActionErrors } from "@/components/forms/show-action-errors";
import { useRefusalResolver } from "@/components/forms/use-refusal-resolver";
import { FieldError } from "@/components/subscriptions/field-error";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { revokeCardAction } from "@/lib/actions/admin/revoke-card";
import { ZRevokeCard, type TRevokeCard } from "@/lib/validations/card-revocation";

// 注销 of one card, with a reason and a confirmation that says what it does; revocation cannot be undone.
export function RevokeCardButton({ cardNo, holder, boundClientIds }: { cardNo: string; holder: string; boundClientIds: string[] }) {
  const t = useTranslations("adminCards.revoke");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const form = useForm<TRevokeCard>({ resolver: useRefusalResolver(ZRevokeCard), defaultValues: { cardNo, reason: "" } });
  const id = `revoke-reason-${cardNo}`;

  const submit = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await revokeCardAction(values);
      if (!result.ok) return showActionErrors(form.setError, result, "reason");
      setOpen(false);
      toast.success(t("done", { cardNo }));
      router.refresh();
    }),
  );

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="link" size="sm" className="h-auto px-1 text-destructive" disabled={pending}>
          {t("button")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={submit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{t("title", { cardNo, holder })}</DialogTitle>
            <DialogDescription>{t("description")}</DialogDescription>
          </DialogHeader>
          {boundClientIds.length > 0 && (
            <p className="text-sm text-destructive" data-testid="revoke-bound-clients">
              {t("boundClients", { clients: boundClientIds.join("、") })}
            </p>
          )}
          <div className="grid gap-1.5">
            <Label htmlFor={id}>{t("reason")}</Label>
            <Textarea id={id} maxLength={200} aria-invalid={form.formState.errors.reason ? true : undefined} {...form.register("reason")} />
            <FieldError message={form.formState.errors.reason?.message ?? form.formState.errors.cardNo?.message} />
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              {t("cancel")}
            </Button>
            <Button type="submit" variant="destructive" disabled={pending}>
              {t("confirm")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
