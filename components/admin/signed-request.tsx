import { getTranslations } from "next-intl/server";

/** The stored request text, indented when it is JSON; exactly as signed otherwise. */
function readable(signedPayload: string): string {
  try {
    return JSON.stringify(JSON.parse(signedPayload), null, 2);
  } catch {
    return signedPayload;
  }
}

export async function SignedRequest({ signedPayload, signature }: { signedPayload: string; signature: string }) {
  const t = await getTranslations("adminReview.signature");
  return (
    <div className="grid gap-3">
      <div className="grid gap-1">
        <p className="text-xs text-muted-foreground">{t("signedPayload")}</p>
        <pre className="max-h-96 overflow-auto rounded-md bg-muted p-3 font-mono text-xs">{readable(signedPayload)}</pre>
      </div>
      <div className="grid gap-1">
        <p className="text-xs text-muted-foreground">{t("signatureValue")}</p>
        <p className="break-all rounded-md bg-muted p-3 font-mono text-xs">{signature}</p>
      </div>
    </div>
  );
}
