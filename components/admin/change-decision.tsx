"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { ConfirmButton } from "@/components/confirm-button";
import { showActionErrors } from "@/components/forms/show-action-errors";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { approveManualChangeAction } from "@/lib/actions/admin/approve-manual-change";
import { rejectManualChangeAction } from "@/lib/actions/admin/reject-manual-change";
import { REJECT_REASON_MAX, ZRejectChange, type TRejectChange } from "@/lib/validations/manual-change-decision";
import { useRefusalResolver } from "@/components/forms/use-refusal-resolver";

// 审批通过 (after a confirmation that names the change and what it changes) and 退回 (with a reason) of a pending
// change; the page then shows the decision. 审批通过 is left out where the approval would be refused (canApprove).
export function ChangeDecision({ manualChangeId, canApprove, approveWhat }: { manualChangeId: number; canApprove: boolean; approveWhat: string }) {
  const t = useTranslations("adminManuals.decision");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [rejectOpen, setRejectOpen] = useState(false);
  const form = useForm<TRejectChange>({ resolver: useRefusalResolver(ZRejectChange), defaultValues: { manualChangeId, reason: "" } });

  const approve = () =>
    startTransition(async () => {
      const result = await approveManualChangeAction({ manualChangeId });
      if (!result.ok) return void toast.error(result.error);
      toast.success(t("approved"));
      router.refresh();
    });

  const reject = form.handleSubmit((values) =>
    startTransition(async () => {
      const result = await rejectManualChangeAction(values);
      if (!result.ok) return showActionErrors(form.setError, result, "reason");
      setRejectOpen(false);
      toast.success(t("rejected"));
      router.refresh();
    }),
  );

  return (
    <div className="flex gap-2">
      {canApprove && (
        <ConfirmButton
          label={t("approve")}
          title={t("approveTitle")}
          description={`${approveWhat} ${t("approveConfirm")}`}
          confirmLabel={t("approve")}
          cancelLabel={t("cancel")}
          disabled={pending}
          onConfirm={approve}
          trigger={{ variant: "default" }}
        />
      )}
      <Dialog open={rejectOpen} onOpenChange={setRejectOpen}>
        <DialogTrigger asChild>
          <Button variant="outline" disabled={pending}>
            {t("reject")}
          </Button>
        </DialogTrigger>
        <DialogContent>
          <form onSubmit={reject} className="grid gap-4" noValidate>
            <DialogHeader>
              <DialogTitle>{t("rejectTitle")}</DialogTitle>
              <DialogDescription>{t("rejectDescription")}</DialogDescription>
            </DialogHeader>
            <div className="grid gap-1.5">
              <Label htmlFor="reject-reason">{t("reason")}</Label>
              <Textarea
                id="reject-reason"
                maxLength={REJECT_REASON_MAX}
                aria-invalid={form.formState.errors.reason ? true : undefined}
                {...form.register("reason")}
              />
              {form.formState.errors.reason && (
                <p role="alert" className="text-sm text-destructive">
                  {form.formState.errors.reason.message}
                </p>
              )}
            </div>
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => setRejectOpen(false)}>
                {t("cancel")}
              </Button>
              <Button type="submit" disabled={pending}>
                {t("confirmReject")}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </div>
  );
}
