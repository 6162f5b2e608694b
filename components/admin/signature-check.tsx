import { CircleCheck, CircleX } from "lucide-react";
import { getTranslations } from "next-intl/server";
import type { SignatureProblem } from "@/lib/review/verify-subscription-signature";
import { formatShanghaiDateTime } from "@/lib/time/shanghai";

type Check = { valid: boolean; cardNo: string; problems: SignatureProblem[]; cardRevokedAt?: Date };

// 签名验证 as computed when the page opened: valid or invalid, by which card, and every reason; compact in a
// table row (the reasons in the tooltip). A signature made before its card was revoked is valid and says so.
export async function SignatureCheck({ check, compact = false }: { check: Check; compact?: boolean }) {
  const t = await getTranslations("adminReview.signature");
  const revokedAt = check.cardRevokedAt && formatShanghaiDateTime(check.cardRevokedAt);
  const reasons = check.problems.map((problem) => {
    if (problem.reason === "PAYLOAD_MISMATCH")
      return `${t("reason.PAYLOAD_MISMATCH")}：${problem.fields.map((field) => t(`field.${field}`)).join("、")}`;
    if (problem.reason === "CARD_REVOKED" && revokedAt) return t("cardRevokedSince", { at: revokedAt });
    return t(`reason.${problem.reason}`);
  });
  const Icon = check.valid ? CircleCheck : CircleX;
  const verdict = (
    <span className={`flex items-center gap-2 font-medium ${check.valid ? "text-success" : "text-destructive"}`}>
      <Icon className={compact ? "size-4" : "size-5"} />
      {check.valid && revokedAt ? t("validCardRevoked", { at: revokedAt }) : t(check.valid ? "valid" : "invalid")}
      <span className="font-mono text-xs font-normal text-muted-foreground">{t("card", { cardNo: check.cardNo })}</span>
    </span>
  );
  if (compact) {
    return (
      <span data-testid="signature-check" title={reasons.join("；") || undefined} className="whitespace-nowrap text-xs">
        {verdict}
      </span>
    );
  }
  return (
    <div data-testid="signature-check" className="grid gap-2">
      {verdict}
      {reasons.length > 0 && (
        <ul className="list-disc pl-6 text-sm text-destructive">
          {reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
