"use client";

import { Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { getMessageDetailAction } from "@/lib/actions/pushes/get-message-detail";
import type { PushMessageDetail } from "@/lib/pushes/detail";
import { AttemptResult } from "@/components/pushes/attempt-result";
import { DeliveryError } from "@/components/pushes/delivery-error";
import { formatShanghaiDateTime } from "@/lib/time/shanghai";

// Every delivery attempt of a message, so that a failure explains itself, and the XML it carries.
export function MessageDetailDialog({ messageId, onClose }: { messageId: string | null; onClose: () => void }) {
  const t = useTranslations("pushes");
  const common = useTranslations("common");
  // Kept with the message it belongs to, so that another message's detail is never shown while this one loads.
  const [loaded, setLoaded] = useState<{ messageId: string; detail: PushMessageDetail | null; error: string | null } | null>(null);
  const shown = loaded?.messageId === messageId ? loaded : null;
  const detail = shown?.detail ?? null;
  const error = shown?.error ?? null;

  useEffect(() => {
    if (!messageId) return;
    let current = true;
    getMessageDetailAction({ messageId }).then((result) => {
      if (!current) return;
      setLoaded({ messageId, detail: result.ok ? result.message : null, error: result.ok ? null : result.error });
    });
    return () => {
      current = false;
    };
  }, [messageId]);

  return (
    <Dialog open={messageId !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-3xl" closeLabel={t("close")}>
        <DialogHeader>
          <DialogTitle>{t("detailTitle", { messageId: messageId ?? "" })}</DialogTitle>
          <DialogDescription>
            {detail ? `${detail.emsNo} · ${t(`type.${detail.type}`)} · ${t("endpoint")} ${detail.endpointUrl}` : ""}
          </DialogDescription>
        </DialogHeader>
        {!detail && !error && <p className="text-sm text-muted-foreground">{common("loading")}</p>}
        {error && (
          <p role="alert" className="text-sm text-destructive">
            {error}
          </p>
        )}
        {detail && (
          <div className="grid gap-4">
            <section className="grid gap-2">
              <h3 className="text-sm font-medium">{t("attempts")}</h3>
              {detail.attempts.length === 0 && <p className="text-sm text-muted-foreground">{t("noAttempts")}</p>}
              <ol className="grid gap-1 text-sm" data-testid="delivery-attempts">
                {detail.attempts.map((attempt) => (
                  <li key={`${attempt.attemptNo}-${attempt.startedAt.toISOString()}`} className="flex flex-wrap items-center gap-2 border-l-2 pl-3">
                    <span className="font-mono text-xs">{formatShanghaiDateTime(attempt.startedAt)}</span>
                    <span>
                      {t("attemptNo", { n: attempt.attemptNo })}
                      {attempt.isResend && t("attemptResend")}
                    </span>
                    <AttemptResult kind={attempt.kind} delivered={attempt.delivered} />
                    {attempt.httpStatus !== null && (
                      <span className="text-xs">
                        {t("httpStatus")} {attempt.httpStatus}
                      </span>
                    )}
                    <span className="text-xs text-muted-foreground">{t("duration", { ms: attempt.durationMs })}</span>
                    {attempt.error && <DeliveryError error={attempt.error} className="w-full" />}
                  </li>
                ))}
              </ol>
            </section>
            <section className="grid gap-2">
              <div className="flex items-center justify-between">
                <h3 className="text-sm font-medium">{t("xml")}</h3>
                <Button asChild variant="outline" size="sm">
                  <a href={`/api/pushes/${detail.messageId}/xml`} download={`${detail.messageId}.xml`}>
                    <Download />
                    {t("download")}
                  </a>
                </Button>
              </div>
              <pre className="max-h-80 overflow-auto rounded-md bg-muted p-3 text-xs" data-testid="message-xml">
                {detail.xml}
              </pre>
            </section>
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}
