"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { signInAction } from "@/app/(auth)/login/actions";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ZSignInForm, type TSignInForm } from "@/lib/validations/sign-in";
import { useRefusalResolver } from "@/components/forms/use-refusal-resolver";

export function SignInForm({ returnTo }: { returnTo: string | null }) {
  const t = useTranslations("login");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const form = useForm<TSignInForm>({ resolver: useRefusalResolver(ZSignInForm), defaultValues: { accountCode: "", password: "" } });

  const onSubmit = form.handleSubmit((values) =>
    startTransition(async () => {
      setError(null);
      const result = await signInAction(values);
      if (!result.ok) return setError(result.error);
      // A full navigation so the server layout reads the new session cookie.
      window.location.assign(returnTo ?? "/");
    }),
  );

  return (
    <form onSubmit={onSubmit} className="grid gap-4" noValidate>
      <div className="grid gap-2">
        <Label htmlFor="accountCode">{t("account")}</Label>
        <Input id="accountCode" autoComplete="username" placeholder={t("accountPlaceholder")} {...form.register("accountCode")} />
      </div>
      <div className="grid gap-2">
        <Label htmlFor="password">{t("password")}</Label>
        <Input id="password" type="password" autoComplete="current-password" {...form.register("password")} />
      </div>
      {(error || Object.keys(form.formState.errors).length > 0) && (
        <p role="alert" className="text-sm text-destructive">
          {error ?? t("required")}
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
