import { useTranslations } from "next-intl";
import { parseDeliveryError } from "@/lib/pushes/delivery-error";
import { cn } from "@/lib/utils";

// A failed attempt in words an enterprise can act on, with the technical detail on a second line.
export function DeliveryError({ error, className }: { error: string; className?: string }) {
  const t = useTranslations("deliveryErrors");
  const { code, detail } = parseDeliveryError(error);
  return (
    <span className={cn("grid gap-0.5 text-xs", className)} data-testid="delivery-error">
      <span className="text-destructive">{t(code)}</span>
      {detail && <span className="break-all font-mono text-muted-foreground">{detail}</span>}
    </span>
  );
}
