"use client";

import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "sonner";
import { changeDeliveryModeAction } from "@/lib/actions/import-clients/change-delivery-mode";
import { resumeClientAction } from "@/lib/actions/import-clients/resume-client";
import { unbindCardAction } from "@/lib/actions/import-clients/unbind-card";
import type { BindableCard, ImportClientRow } from "@/lib/import-clients/list";
import { BindCardDialog } from "./bind-card-dialog";
import { ConfirmButton } from "@/components/confirm-button";
import { EndpointDialog } from "./endpoint-dialog";
import { TestMessageDialog } from "./test-message-dialog";
import { useSignedClientAction } from "./use-signed-client-action";

type ClientOfRow = Pick<ImportClientRow, "clientId" | "boundCardNo" | "endpointUrl" | "status" | "waiting" | "deliveryMode">;

// 操作 of one import client: card medium, endpoint, delivery mode (推送 / 拉取), test message and, when paused, 恢复.
export function ClientRowActions({ client, cards }: { client: ClientOfRow; cards: BindableCard[] }) {
  const t = useTranslations("importClients");
  const run = useSignedClientAction();
  const [pending, startTransition] = useTransition();
  const { clientId } = client;

  const unbind = () =>
    startTransition(async () => {
      const result = await run({ action: "CLIENT_UNBIND", payload: { clientId }, title: t("unbindTitle"), submit: unbindCardAction });
      if (result.ok) toast.success(t("unbound", { clientId }));
      else if (!("cancelled" in result)) toast.error(result.error);
    });

  const resume = () =>
    startTransition(async () => {
      const result = await run({ action: "CLIENT_RESUME", payload: { clientId }, title: t("resumeTitle"), submit: resumeClientAction });
      if (result.ok) toast.success(t("resumed", { clientId, waiting: result.waiting }));
      else if (!("cancelled" in result)) toast.error(result.error);
    });

  const otherMode = client.deliveryMode === "PUSH" ? "PULL" : "PUSH";
  const changeMode = () =>
    startTransition(async () => {
      const result = await run({
        action: "CLIENT_DELIVERY_MODE",
        payload: { clientId, deliveryMode: otherMode },
        title: t("modeTitle"),
        submit: changeDeliveryModeAction,
      });
      if (result.ok) toast.success(t("modeChanged", { clientId, mode: t(`deliveryModeName.${otherMode}`) }));
      else if (!("cancelled" in result)) toast.error(result.error);
    });

  return (
    <div className="flex flex-wrap gap-1">
      <BindCardDialog clientId={clientId} boundCardNo={client.boundCardNo} cards={cards} />
      {client.boundCardNo && (
        <ConfirmButton
          label={t("unbindCard")}
          title={t("unbindTitle")}
          description={t("unbindConfirm", { clientId, cardNo: client.boundCardNo })}
          confirmLabel={t("confirm")}
          cancelLabel={t("close")}
          disabled={pending}
          onConfirm={unbind}
        />
      )}
      <EndpointDialog clientId={clientId} endpointUrl={client.endpointUrl} />
      <ConfirmButton
        label={t(otherMode === "PULL" ? "switchToPull" : "switchToPush")}
        title={t("modeTitle")}
        description={t(`modeConfirm${otherMode}`, { clientId, endpointUrl: client.endpointUrl })}
        confirmLabel={t("confirm")}
        cancelLabel={t("close")}
        disabled={pending}
        onConfirm={changeMode}
      />
      <TestMessageDialog clientId={clientId} />
      {client.status === "PAUSED" && (
        <ConfirmButton
          label={t("resume")}
          title={t("resumeTitle")}
          description={t("resumeConfirm", { clientId, waiting: client.waiting })}
          confirmLabel={t("confirm")}
          cancelLabel={t("close")}
          disabled={pending}
          onConfirm={resume}
        />
      )}
    </div>
  );
}
