import { useTranslations } from "next-intl";
import { PageLink } from "@/components/page-numbers";
import type { ListTotal, TwoWayPage } from "@/lib/pagination/two-way";
import { filterQuery } from "@/lib/validations/admin-filters";

// 共 N 条 · 首页 上一页 下一页 under an admin review list paged by keyset both ways; links keep the filters and
// carry the 序号 of their page's first row.
export function TwoWayPager(props: {
  basePath: string;
  filters: object;
  page: Pick<TwoWayPage<unknown>, "rows" | "prevCursor" | "nextCursor">;
  firstRow: number;
  pageSize: number;
  total: ListTotal;
}) {
  const t = useTranslations("common");
  const { page, firstRow } = props;
  const href = (extra: Record<string, string | number> = {}) => {
    const query = filterQuery(props.filters, extra);
    return query ? `${props.basePath}?${query}` : props.basePath;
  };
  return (
    <nav aria-label={t("pagination")} className="flex flex-wrap items-center justify-end gap-1 text-sm">
      <span className="mr-2 text-muted-foreground" data-testid="total-count">
        {t(props.total.capped ? "totalCountAtLeast" : "totalCount", { count: props.total.count })}
      </span>
      {(page.prevCursor || page.nextCursor) && (
        <>
          <PageLink href={page.prevCursor ? href() : null}>{t("firstPage")}</PageLink>
          <PageLink href={page.prevCursor ? href({ before: page.prevCursor, row: Math.max(1, firstRow - props.pageSize) }) : null}>
            {t("previousPage")}
          </PageLink>
          <PageLink href={page.nextCursor ? href({ after: page.nextCursor, row: firstRow + page.rows.length }) : null}>{t("nextPage")}</PageLink>
        </>
      )}
    </nav>
  );
}
