import { CircleCheck, CircleX } from "lucide-react";
import { getTranslations } from "next-intl/server";
import type { SignatureHeadersCheck } from "@/lib/pushes/signature-headers";
import { formatShanghaiDateTime } from "@/lib/time/shanghai";
import { DetailList } from "./detail-list";

// The platform signature headers of a message's latest attempt and whether they verify (lib/pushes/signature-headers.ts).
export async function PlatformSignature({ check, attemptNo }: { check: SignatureHeadersCheck; attemptNo: number | null }) {
  const t = await getTranslations("adminMessage");
  const Icon = check.verified ? CircleCheck : CircleX;
  return (
    <div className="grid gap-4">
      <p data-testid="platform-signature" className={`flex items-center gap-2 font-medium ${check.verified ? "text-success" : "text-destructive"}`}>
        <Icon className="size-5" />
        {t(check.verified ? "signatureValid" : "signatureInvalid")}
      </p>
      <p className="text-xs text-muted-foreground">
        {attemptNo !== null
          ? t("signatureOfAttempt", { n: attemptNo, at: formatShanghaiDateTime(check.at) })
          : t("signatureNoAttempt", { at: formatShanghaiDateTime(check.at) })}
      </p>
      <DetailList
        items={[
          ...check.headers.map((header) => ({ label: header.name, value: header.value, mono: true })),
          { label: t("bodySm3"), value: check.bodySm3Hex, mono: true },
          { label: t("platformPublicKey"), value: check.publicKey, mono: true },
        ]}
      />
      <div className="grid gap-1">
        <p className="text-xs text-muted-foreground">{t("canonical")}</p>
        <pre className="overflow-x-auto rounded-md bg-muted p-3 text-xs" tabIndex={0}>
          {check.canonical}
        </pre>
      </div>
    </div>
  );
}
