"use client";

// Signing with the enterprise's card, for every signed action (R2, §5): pages call
// `useCardSignature()(request)`; the provider asks the server for a challenge (which checks the payload
// first), then runs the card dialog and hands back the proof for the signed server action.
import { useTranslations } from "next-intl";
import { createContext, useCallback, useContext, useRef, useState } from "react";
import { requestChallengeAction } from "@/lib/actions/signing/request-challenge";
import { type CardEnvironment, browserCardEnvironment } from "@/lib/card";
import type { SignedActionName } from "@/lib/signing/registry";
import type { TSignedProof } from "@/lib/validations/signing";
import { CardSignatureDialog } from "./card-signature-dialog";
import { pageEportUrl } from "./eport-url";
import { restoreFocus } from "./restore-focus";
import type { PreparedChallenge } from "@/lib/signing/prepare-challenge";
import { type VirtualCardReader, loadVirtualCardReader } from "./virtual-card-slot";

export interface CardSignatureRequest {
  action: SignedActionName;
  payload: unknown;
  /** The dialog's title, e.g. the name of the action; defaults to a generic one. */
  title?: string;
}

export type CardSignatureResult =
  { ok: true; proof: TSignedProof } | { ok: false; cancelled?: true; error?: string; fieldErrors?: Record<string, string> };

type SignWithCard = (request: CardSignatureRequest) => Promise<CardSignatureResult>;

interface OpenSignature {
  request: CardSignatureRequest;
  challenge: PreparedChallenge;
  env: CardEnvironment;
  virtualReader: VirtualCardReader | null;
  resolve: (result: CardSignatureResult) => void;
  /** What had the focus when signing began (the button that asked for it). */
  opener: HTMLElement | null;
}

const CardSignatureContext = createContext<SignWithCard | null>(null);

export function useCardSignature(): SignWithCard {
  const sign = useContext(CardSignatureContext);
  if (!sign) throw new Error("useCardSignature() needs a <CardSignatureProvider> above it");
  return sign;
}

export function CardSignatureProvider({
  virtualCards,
  enterpriseCode,
  children,
}: {
  /** From the server (lib/config/card.ts): offer the virtual card, development and test only. */
  virtualCards: boolean;
  enterpriseCode: string;
  children: React.ReactNode;
}) {
  const t = useTranslations("card");
  const [open, setOpen] = useState<OpenSignature | null>(null);
  const busyRef = useRef(false);
  // One virtual reader per page, so that its cards keep their PIN counters between signatures like real ones.
  const virtualReaderRef = useRef<Promise<VirtualCardReader | null> | null>(null);

  const sign = useCallback<SignWithCard>(
    async (request) => {
      // One reader, one card: a second signature waits until the first is done.
      if (busyRef.current) return { ok: false, error: t("busy") };
      busyRef.current = true;
      const asker = focusedElement();
      try {
        const virtualReader = virtualCards
          ? (virtualReaderRef.current ??= loadVirtualCardReader(enterpriseCode).catch(() => null))
          : Promise.resolve(null);
        const challenge = await requestChallenge(request).catch(() => null);
        if (!challenge) return { ok: false, error: t("challengeFailed") };
        if (!challenge.ok) return { ok: false, error: challenge.error, fieldErrors: challenge.fieldErrors };
        const reader = await virtualReader;
        // A confirmation that asked for the signature has closed by now and given the focus back to its trigger.
        const opener = asker?.isConnected ? asker : focusedElement();
        const env = browserCardEnvironment({ eportUrl: pageEportUrl(virtualCards), virtualSlot: reader?.slot });
        return await new Promise<CardSignatureResult>((resolve) =>
          setOpen({
            request,
            challenge,
            env,
            virtualReader: reader,
            resolve,
            opener,
          }),
        );
      } finally {
        busyRef.current = false;
      }
    },
    [t, virtualCards, enterpriseCode],
  );

  const finish = (result: CardSignatureResult) => {
    open?.resolve(result);
    setOpen(null);
  };
  const opener = open?.opener ?? null;

  return (
    <CardSignatureContext.Provider value={sign}>
      {children}
      {open && (
        <CardSignatureDialog
          key={open.challenge.challengeId}
          title={open.request.title}
          enterpriseCode={enterpriseCode}
          challenge={open.challenge}
          env={open.env}
          virtualReader={open.virtualReader}
          onSigned={(proof) => finish({ ok: true, proof })}
          onCancel={() => finish({ ok: false, cancelled: true })}
          onClosed={() => restoreFocus(opener)}
        />
      )}
    </CardSignatureContext.Provider>
  );
}

const focusedElement = () =>
  document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;

/** The server looks the action up in its registry and validates the payload with the action's own schema. */
const requestChallenge = (request: CardSignatureRequest) => requestChallengeAction({ action: request.action, payload: request.payload });
