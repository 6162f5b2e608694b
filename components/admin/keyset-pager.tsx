import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { filterQuery } from "@/lib/validations/admin-filters";

// 首页 / 下一页 of a keyset-paged list; `row` carries the 序号 of the next page's first row where rows are numbered.
export async function KeysetPager(props: {
  basePath: string;
  filters: object;
  isFirstPage: boolean;
  nextCursor: string | null;
  nextRow?: number;
}) {
  const t = await getTranslations("adminCommon");
  const href = (extra: Record<string, string | number> = {}) => {
    const query = filterQuery(props.filters, extra);
    return query ? `${props.basePath}?${query}` : props.basePath;
  };
  if (props.isFirstPage && !props.nextCursor) return null;
  return (
    <div className="flex items-center justify-end gap-2">
      {!props.isFirstPage && (
        <Button asChild variant="outline" size="sm">
          <Link href={href()}>{t("firstPage")}</Link>
        </Button>
      )}
      {props.nextCursor && (
        <Button asChild variant="outline" size="sm">
          <Link href={href({ after: props.nextCursor, row: props.nextRow ?? "" })}>{t("nextPage")}</Link>
        </Button>
      )}
    </div>
  );
}
