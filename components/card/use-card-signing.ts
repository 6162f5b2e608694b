"use client";

// One card signature: detect transports, open the chosen one, read and check the card, verify the PIN and
// sign the statement with its challenge and the card's number (docs/signing.md). Owns the Signer and closes it when the flow starts over or the dialog goes away.
import { useCallback, useEffect, useRef, useState } from "react";
import {
  type CardEnvironment,
  CardError,
  type CardTransportKind,
  type Signer,
  type TransportStatus,
  assertCardAccepted,
  createSigner,
  detectTransports,
  preferredTransport,
} from "@/lib/card";
import { toCardError } from "@/lib/card/errors";
import { signingMessage } from "@/lib/signing/canonical";
import type { PreparedChallenge } from "@/lib/signing/prepare-challenge";
import type { TSignedProof } from "@/lib/validations/signing";
import { type SigningFlowState, type SigningStep, cardRequirement, initialSigningFlow, isValidCardPin, stateAfterFailure } from "./signing-flow";

export interface CardSigningOptions {
  env: CardEnvironment;
  enterpriseCode: string;
  challenge: PreparedChallenge;
  onSigned: (proof: TSignedProof) => void;
}

export function useCardSigning({ env, enterpriseCode, challenge, onSigned }: CardSigningOptions) {
  const [transports, setTransports] = useState<TransportStatus[] | null>(null);
  const [transport, setTransport] = useState<CardTransportKind | null>(null);
  const [flow, setFlow] = useState<SigningFlowState>(initialSigningFlow);
  const signerRef = useRef<Signer | null>(null);
  const disposedRef = useRef(false);

  const closeSigner = useCallback(() => {
    const signer = signerRef.current;
    signerRef.current = null;
    signer?.close().catch(() => undefined); // closing a device that is already gone is not an error
  }, []);

  useEffect(() => {
    let current = true;
    detectTransports(env).then((found) => {
      if (!current) return;
      setTransports(found);
      setTransport((chosen) => chosen ?? preferredTransport(found));
    });
    return () => {
      current = false;
    };
  }, [env]);

  useEffect(() => {
    disposedRef.current = false;
    return () => {
      disposedRef.current = true;
      closeSigner();
    };
  }, [closeSigner]);

  const fail = (busy: SigningFlowState, error: unknown) => {
    if (disposedRef.current) return;
    const next = stateAfterFailure(busy, toCardError(error));
    if (next.phase === "select") closeSigner();
    setFlow(next);
  };

  /** Call from the click handler: WebHID and WebUSB may show the browser's device chooser. */
  const readCard = async () => {
    if (!transport || flow.phase !== "select") return;
    const busy: SigningFlowState = { phase: "busy", step: "reading" };
    setFlow(busy);
    try {
      const signer = await createSigner(transport, env);
      if (disposedRef.current) return void signer.close().catch(() => undefined);
      signerRef.current = signer;
      const card = await signer.readCard();
      assertCardAccepted(card, { enterpriseCode, legalPersonOnly: cardRequirement(challenge.cardKinds).legalPersonOnly });
      if (!disposedRef.current) setFlow({ phase: "pin", card });
    } catch (error) {
      fail(busy, error);
    }
  };

  const submitPin = async (pin: string) => {
    const signer = signerRef.current;
    if (flow.phase !== "pin" || !signer) return;
    const { card } = flow;
    if (!isValidCardPin(pin)) return setFlow({ phase: "pin", card, error: new CardError("PIN_FORMAT") });
    const busy = (step: SigningStep): SigningFlowState => ({ phase: "busy", step, card });
    let step: SigningStep = "verifying";
    setFlow(busy(step));
    try {
      await signer.verifyPin(pin);
      step = "signing";
      setFlow(busy(step));
      // The server derives the same bytes from the content it issued the challenge for and this card's number.
      const message = signingMessage(challenge.content, challenge.challengeId, card.cardNo);
      const signature = await signer.sign(new TextEncoder().encode(message));
      closeSigner();
      if (!disposedRef.current) onSigned({ challengeId: challenge.challengeId, cardNo: card.cardNo, signature });
    } catch (error) {
      fail(busy(step), error);
    }
  };

  /** Back to the transport choice, e.g. to insert another card. */
  const startOver = () => {
    closeSigner();
    setFlow(initialSigningFlow);
  };

  return { transports, transport, setTransport, flow, readCard, submitPin, startOver };
}
