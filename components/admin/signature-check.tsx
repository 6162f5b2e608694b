import { CircleCheck, CircleX } from "lucide-react";
import { getTranslations } from "next-intl/server";
import type { SignatureProblem } from "@/lib/review/verify-subscription-signature";

// 签名验证 as computed when the page opened: valid, or invalid with every reason.
export async function SignatureCheck({ check }: { check: { valid: boolean; problems: SignatureProblem[] } }) {
  const t = await getTranslations("adminReview.signature");
  if (check.valid) {
    return (
      <p data-testid="signature-check" className="flex items-center gap-2 font-medium text-success">
        <CircleCheck className="size-5" />
        {t("valid")}
      </p>
    );
  }
  return (
    <div data-testid="signature-check" className="grid gap-2">
      <p className="flex items-center gap-2 font-medium text-destructive">
        <CircleX className="size-5" />
        {t("invalid")}
      </p>
      <ul className="list-disc pl-6 text-sm text-destructive">
        {check.problems.map((problem) => (
          <li key={problem.reason}>
            {t(`reason.${problem.reason}`)}
            {problem.reason === "PAYLOAD_MISMATCH" && `：${problem.fields.map((field) => t(`field.${field}`)).join("、")}`}
          </li>
        ))}
      </ul>
    </div>
  );
}
