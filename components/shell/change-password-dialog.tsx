"use client";

import { KeyRound } from "lucide-react";
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
import { changePasswordAction } from "@/lib/actions/account/change-password";
import { ZChangePassword, type TChangePassword } from "@/lib/validations/password";
import { useRefusalResolver } from "@/components/forms/use-refusal-resolver";

const fields = ["currentPassword", "newPassword", "confirmPassword"] as const;

// 修改密码 from the header's user menu; afterwards every session has ended, so the browser goes to sign-in.
export function ChangePasswordDialog() {
  const t = useTranslations("account");
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const form = useForm<TChangePassword>({
    resolver: useRefusalResolver(ZChangePassword),
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await changePasswordAction(values);
      if (!result.ok) return showActionErrors(form.setError, result, "currentPassword");
      toast.success(t("changed"));
      // A full navigation, not a client transition: every session of this account has just ended.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign("/login");
    }),
  );

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm">
          <KeyRound />
          {t("changePasswordTitle")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={submit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{t("changePasswordTitle")}</DialogTitle>
            <DialogDescription>{t("changePasswordDescription")}</DialogDescription>
          </DialogHeader>
          {fields.map((field) => (
            <div key={field} className="grid gap-1.5">
              <Label htmlFor={`password-${field}`}>{t(field)}</Label>
              <Input
                id={`password-${field}`}
                type="password"
                autoComplete={field === "currentPassword" ? "current-password" : "new-password"}
                {...form.register(field)}
              />
              {field === "newPassword" && <span className="text-xs text-muted-foreground">{t("newPasswordHint")}</span>}
              <FieldError message={errors[field]?.message} />
            </div>
          ))}
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
