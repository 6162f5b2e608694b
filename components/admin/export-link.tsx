import { Download } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";

// A plain link: the browser downloads the streamed CSV itself, however large.
export async function ExportLink({ href }: { href: string }) {
  const t = await getTranslations("adminCommon");
  return (
    <Button asChild variant="outline">
      <a href={href} download>
        <Download />
        {t("exportCsv")}
      </a>
    </Button>
  );
}
