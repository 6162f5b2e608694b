"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/confirm-button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { getTestMessageStatusAction } from "@/lib/actions/import-clients/get-test-message-status";
import { sendTestMessageAction } from "@/lib/actions/import-clients/send-test-message";
import type { TestMessageStatus } from "@/lib/import-clients/test-message-status";
import { DeliveryError } from "@/components/pushes/delivery-error";
import { formatShanghaiDateTime } from "@/lib/time/shanghai";

// A delivery attempt times out after 15 s; after this long without a result the message is shown as 待下发.
const POLL_FOR_MS = 30_000;
const POLL_EVERY_MS = 1_000;

const statusVariant = { PENDING: "warning", DELIVERED: "success", FAILED: "destructive" } as const;

// 发送测试报文: sends it, then follows its delivery until it is delivered or failed, with every attempt.
export function TestMessageDialog({ clientId }: { clientId: string }) {
  const t = useTranslations("importClients");
  const router = useRouter();
  const [messageId, setMessageId] = useState<string | null>(null);
  const [status, setStatus] = useState<TestMessageStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [polling, setPolling] = useState(false);
  const [sending, startSending] = useTransition();

  const send = () =>
    startSending(async () => {
      setOpen(true);
      setMessageId(null);
      setStatus(null);
      setError(null);
      const result = await sendTestMessageAction({ clientId });
      if (!result.ok) return setError(result.error);
      setPolling(true);
      setMessageId(result.messageId);
    });

  useEffect(() => {
    if (!messageId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = Date.now() + POLL_FOR_MS;
    const poll = async () => {
      const result = await getTestMessageStatusAction({ messageId });
      if (stopped) return;
      if (!result.ok) {
        setPolling(false);
        return setError(result.error);
      }
      setStatus(result.message);
      if (result.message.dispatchStatus !== "PENDING" || Date.now() > deadline) {
        setPolling(false);
        // The list's last delivery result and failure count changed.
        return router.refresh();
      }
      timer = setTimeout(poll, POLL_EVERY_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [messageId, router]);

  return (
    <>
      <ConfirmButton
        label={t("sendTest")}
        title={t("testConfirmTitle")}
        description={t("testConfirm", { clientId })}
        confirmLabel={t("testConfirmAction")}
        cancelLabel={t("testBack")}
        disabled={sending || polling}
        onConfirm={send}
      />
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent className="sm:max-w-2xl" closeLabel={t("close")}>
          <DialogHeader>
            <DialogTitle>{t("testTitle", { clientId })}</DialogTitle>
            <DialogDescription>{messageId ? t("testSent", { messageId }) : t("testSending")}</DialogDescription>
          </DialogHeader>
          {error && (
            <p role="alert" className="text-sm text-destructive">
              {error}
            </p>
          )}
          {status && (
            <div className="grid gap-3" data-testid="test-message-result">
              <p className="flex flex-wrap items-center gap-2 text-sm">
                <Badge variant={statusVariant[status.dispatchStatus]} data-testid="test-message-status">
                  {t(`dispatchStatus.${status.dispatchStatus}`)}
                </Badge>
                {polling && <span className="text-muted-foreground">{t("testWaiting")}</span>}
                {!polling && status.dispatchStatus === "PENDING" && <span className="text-muted-foreground">{t("testStillPending")}</span>}
                <span className="break-all font-mono text-xs text-muted-foreground">{status.endpointUrl}</span>
              </p>
              <ol className="grid gap-1 text-sm" aria-label={t("attempts")}>
                {status.attempts.map((attempt) => (
                  <li key={attempt.attemptNo} className="flex flex-wrap items-center gap-2 border-l-2 pl-3">
                    <span className="font-mono text-xs">{formatShanghaiDateTime(attempt.startedAt)}</span>
                    <Badge variant={attempt.delivered ? "success" : "destructive"}>
                      {t(`dispatchStatus.${attempt.delivered ? "DELIVERED" : "FAILED"}`)}
                    </Badge>
                    {attempt.httpStatus !== null && <span className="text-xs">HTTP {attempt.httpStatus}</span>}
                    <span className="text-xs text-muted-foreground">{t("duration", { ms: attempt.durationMs })}</span>
                    {attempt.error && <DeliveryError error={attempt.error} className="w-full" />}
                  </li>
                ))}
              </ol>
            </div>
          )}
        </DialogContent>
      </Dialog>
    </>
  );
}
