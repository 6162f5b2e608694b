"use client";

// The steps every signed change of 导入客户端管理 takes: sign with the legal-person card, run the server
// action with the proof, and refresh the list when it succeeded.
import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { useCardSignature } from "@/components/card/card-signature-provider";
import type { ActionResult } from "@/lib/errors";
import type { SignedActionName } from "@/lib/signing/registry";
import type { TSignedProof } from "@/lib/validations/signing";

/** `cancelled`: the user closed the card dialog; nothing to report. */
export type SignedClientResult<R> = ActionResult<R> | { ok: false; cancelled: true };

export function useSignedClientAction() {
  const sign = useCardSignature();
  const router = useRouter();
  return useCallback(
    async <P, R extends object>(options: {
      action: SignedActionName;
      payload: P;
      title: string;
      submit: (request: { payload: P; proof: TSignedProof }) => Promise<ActionResult<R>>;
    }): Promise<SignedClientResult<R>> => {
      const signed = await sign({ action: options.action, payload: options.payload, title: options.title });
      if (!signed.ok) {
        return signed.error ? { ok: false, error: signed.error, fieldErrors: signed.fieldErrors } : { ok: false, cancelled: true };
      }
      const result = await options.submit({ payload: options.payload, proof: signed.proof });
      if (result.ok) router.refresh();
      return result;
    },
    [sign, router],
  );
}
