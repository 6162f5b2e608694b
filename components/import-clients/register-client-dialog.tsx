"use client";

import { Plus } from "lucide-react";
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
import { registerClientAction } from "@/lib/actions/import-clients/register-client";
import { ZRegisterClientRequest, type TRegisterClientRequest } from "@/lib/validations/import-client";
import { useSignedClientAction } from "./use-signed-client-action";
import { useRefusalResolver } from "@/components/forms/use-refusal-resolver";

// 注册导入客户端: name and endpoint, signed with the legal-person card; the platform answers with the 客户端ID.
export function RegisterClientDialog() {
  const t = useTranslations("importClients");
  const run = useSignedClientAction();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const form = useForm<TRegisterClientRequest>({
    resolver: useRefusalResolver(ZRegisterClientRequest),
    defaultValues: { name: "", endpointUrl: "" },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((payload) =>
    startTransition(async () => {
      const result = await run({ action: "CLIENT_REGISTER", payload, title: t("registerTitle"), submit: registerClientAction });
      if (result.ok) {
        toast.success(t("registered", { clientId: result.clientId }));
        form.reset();
        return setOpen(false);
      }
      if (!("cancelled" in result)) showActionErrors(form.setError, result, "root");
    }),
  );

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm">
          <Plus />
          {t("register")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("close")}>
        <form onSubmit={onSubmit} noValidate className="grid gap-4" aria-label={t("registerTitle")}>
          <DialogHeader>
            <DialogTitle>{t("registerTitle")}</DialogTitle>
            <DialogDescription>{t("registerDescription")}</DialogDescription>
          </DialogHeader>
          <div className="grid gap-1.5">
            <Label htmlFor="client-name">{t("name")}</Label>
            <Input id="client-name" placeholder={t("namePlaceholder")} aria-invalid={!!errors.name} {...form.register("name")} />
            <FieldError message={errors.name?.message} />
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="client-endpoint">{t("endpointUrl")}</Label>
            <Input
              id="client-endpoint"
              placeholder={t("endpointPlaceholder")}
              aria-invalid={!!errors.endpointUrl}
              {...form.register("endpointUrl")}
            />
            <FieldError message={errors.endpointUrl?.message} />
          </div>
          <FieldError message={errors.root?.message} />
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              {t("close")}
            </Button>
            <Button type="submit" disabled={pending}>
              {t("signAndRegister")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
