import { PagerLinks } from "@/components/pager-links";
import { filterQuery } from "@/lib/validations/admin-filters";

// The admin lists' pager: links keep the filters; `row` carries the 序号 of the next page's first row where rows are numbered.
export function KeysetPager(props: { basePath: string; filters: object; isFirstPage: boolean; nextCursor: string | null; nextRow?: number }) {
  const href = (extra: Record<string, string | number> = {}) => {
    const query = filterQuery(props.filters, extra);
    return query ? `${props.basePath}?${query}` : props.basePath;
  };
  return (
    <PagerLinks
      firstHref={props.isFirstPage ? null : href()}
      nextHref={props.nextCursor ? href({ after: props.nextCursor, row: props.nextRow ?? "" }) : null}
    />
  );
}
