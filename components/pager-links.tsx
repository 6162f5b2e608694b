import { useTranslations } from "next-intl";
import Link from "next/link";
import { Button } from "@/components/ui/button";

// 首页 / 下一页 under a keyset-paged list; a link is left out when its page does not exist.
export function PagerLinks(props: { firstHref: string | null; nextHref: string | null }) {
  const t = useTranslations("common");
  if (!props.firstHref && !props.nextHref) return null;
  return (
    <div className="flex items-center justify-end gap-2">
      {props.firstHref && (
        <Button asChild variant="outline" size="sm">
          <Link href={props.firstHref}>{t("firstPage")}</Link>
        </Button>
      )}
      {props.nextHref && (
        <Button asChild variant="outline" size="sm">
          <Link href={props.nextHref}>{t("nextPage")}</Link>
        </Button>
      )}
    </div>
  );
}
