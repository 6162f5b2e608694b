"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { ConfirmButton } from "@/components/confirm-button";
import { setUserDisabledAction } from "@/lib/actions/admin/set-user-disabled";

// 停用 / 启用 of one user on the admin enterprise page; asks first, since disabling ends the user's sessions.
export function UserStatusButton({ accountCode, name, disabled }: { accountCode: string; name: string; disabled: boolean }) {
  const t = useTranslations("admin");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const user = `${accountCode} ${name}`;
  const act = () =>
    startTransition(async () => {
      const result = await setUserDisabledAction({ accountCode, disabled: !disabled });
      if (!result.ok) return void toast.error(result.error);
      toast.success(t(disabled ? "userEnabled" : "userDisabled"));
      router.refresh();
    });
  return (
    <ConfirmButton
      label={t(disabled ? "enableUser" : "disableUser")}
      title={t(disabled ? "enableUserTitle" : "disableUserTitle", { user })}
      description={t(disabled ? "enableUserDescription" : "disableUserDescription")}
      confirmLabel={t("confirm")}
      cancelLabel={t("cancel")}
      disabled={pending}
      onConfirm={act}
    />
  );
}
