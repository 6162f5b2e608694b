"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { showActionErrors } from "@/components/forms/show-action-errors";
import { FieldError } from "@/components/subscriptions/field-error";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { changeEndpointAction } from "@/lib/actions/import-clients/change-endpoint";
import { ZEndpointRequest, type TEndpointRequest } from "@/lib/validations/import-client";
import { useSignedClientAction } from "./use-signed-client-action";
import { useRefusalResolver } from "@/components/forms/use-refusal-resolver";

// 修改接收地址, signed with the legal-person card.
export function EndpointDialog({ clientId, endpointUrl }: { clientId: string; endpointUrl: string }) {
  const t = useTranslations("importClients");
  const run = useSignedClientAction();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const form = useForm<TEndpointRequest>({ resolver: useRefusalResolver(ZEndpointRequest), defaultValues: { clientId, endpointUrl } });
  const { errors } = form.formState;
  const error = (errors.endpointUrl ?? errors.clientId ?? errors.root)?.message;

  const onSubmit = form.handleSubmit((payload) =>
    startTransition(async () => {
      const result = await run({ action: "CLIENT_ENDPOINT", payload, title: t("endpointTitle"), submit: changeEndpointAction });
      if (result.ok) {
        toast.success(t("endpointChanged", { clientId }));
        return setOpen(false);
      }
      if (!("cancelled" in result)) showActionErrors(form.setError, result, "root");
    }),
  );

  const openChange = (next: boolean) => {
    setOpen(next);
    form.reset({ clientId, endpointUrl });
  };

  return (
    <Dialog open={open} onOpenChange={openChange}>
      <DialogTrigger asChild>
        <Button variant="link" size="sm" className="h-auto px-1">
          {t("changeEndpoint")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("close")}>
        <form onSubmit={onSubmit} noValidate className="grid gap-4" aria-label={t("endpointTitle")}>
          <DialogHeader>
            <DialogTitle>{t("endpointTitle")}</DialogTitle>
            <DialogDescription>{t("endpointDescription", { clientId })}</DialogDescription>
          </DialogHeader>
          <div className="grid gap-1.5">
            <Label htmlFor={`endpoint-${clientId}`}>{t("endpointUrl")}</Label>
            <Input id={`endpoint-${clientId}`} placeholder={t("endpointPlaceholder")} aria-invalid={!!error} {...form.register("endpointUrl")} />
            <FieldError message={error} />
          </div>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              {t("close")}
            </Button>
            <Button type="submit" disabled={pending}>
              {t("signAndSave")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
