import { useTranslations } from "next-intl";
import Link from "next/link";
import { Button } from "@/components/ui/button";

/** The page numbers to show: the first, the last, and two either side of the current one; null is a gap. */
export function pageWindow(page: number, pageCount: number): Array<number | null> {
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])]
    .filter((n) => n >= 1 && n <= pageCount)
    .sort((a, b) => a - b);
  return shown.flatMap((n, i) => (i > 0 && n - shown[i - 1] > 1 ? [null, n] : [n]));
}

// 共 N 条 · 上一页 1 … 4 5 6 … 12 下一页, under a list paged by number.
export function PageNumbers(props: { page: number; pageCount: number; total: number; href: (page: number) => string }) {
  const t = useTranslations("common");
  const { page, pageCount } = props;
  return (
    <nav aria-label={t("pagination")} className="flex flex-wrap items-center justify-end gap-1 text-sm">
      <span className="mr-2 text-muted-foreground" data-testid="total-count">
        {t("totalCount", { count: props.total })}
      </span>
      {pageCount > 1 && (
        <>
          <PageLink href={page > 1 ? props.href(page - 1) : null}>{t("previousPage")}</PageLink>
          {pageWindow(page, pageCount).map((n, i) =>
            n === null ? (
              <span key={`gap-${i}`} className="px-1 text-muted-foreground">
                …
              </span>
            ) : (
              <PageLink key={n} href={n === page ? null : props.href(n)} current={n === page}>
                {n}
              </PageLink>
            ),
          )}
          <PageLink href={page < pageCount ? props.href(page + 1) : null}>{t("nextPage")}</PageLink>
        </>
      )}
    </nav>
  );
}

/** A pager button: a link, or disabled where its page does not exist (or is the current one). */
export function PageLink({ href, current, children }: { href: string | null; current?: boolean; children: React.ReactNode }) {
  if (!href) {
    return (
      <Button variant={current ? "default" : "outline"} size="sm" disabled aria-current={current ? "page" : undefined}>
        {children}
      </Button>
    );
  }
  return (
    <Button asChild variant="outline" size="sm">
      <Link href={href}>{children}</Link>
    </Button>
  );
}
