import { getTranslations } from "next-intl/server";
import { PageNumbers } from "@/components/page-numbers";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { RowDiff } from "@/lib/manuals/change-diff";
import type { ChangeRowPage } from "@/lib/manuals/change-row-page";
import type { ManualRowField } from "@/lib/manuals/row-fields";
import { cn } from "@/lib/utils";

const markVariant = { "1": "warning", "2": "destructive", "3": "success" } as const;

// One page of 料件 / 成品 changes: a changed value shows the value before it struck through above it; a deleted
// row shows what it removed. `compare` is off only where no before-values were kept (changes decided before that).
export async function RowDiffTable(props: {
  page: ChangeRowPage;
  fields: readonly ManualRowField[];
  compare: boolean;
  /** Warnings compare with the manual as it is now: shown for a pending change only. */
  showWarnings: boolean;
  pageHref: (page: number) => string;
}) {
  const t = await getTranslations("adminManuals");
  const { page, fields, compare } = props;
  return (
    <div className="grid gap-2">
      <p className="text-sm text-muted-foreground" data-testid={`diff-summary-${page.table}`}>
        {t("diff.summary", page.counts)}
        {props.showWarnings && page.warnings > 0 && <span className="ml-2 text-destructive">{t("diff.warnings", { count: page.warnings })}</span>}
      </p>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t("row.gdsSeqno")}</TableHead>
            <TableHead>{t("row.modfMarkcd")}</TableHead>
            {fields.map((field) => (
              <TableHead key={field}>{t(`row.${field}`)}</TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {page.rows.map((row) => (
            <TableRow key={row.gdsSeqno} data-testid={`row-diff-${row.gdsSeqno}`}>
              <TableCell className="align-top font-mono text-xs">
                {row.gdsSeqno}
                {props.showWarnings && row.warning && (
                  <p className="mt-1 whitespace-nowrap font-sans text-destructive">{t(`diff.warning.${row.warning}`)}</p>
                )}
              </TableCell>
              <TableCell className="align-top">
                <Badge variant={markVariant[row.modfMarkcd]}>{t(`modfMark.${row.modfMarkcd}`)}</Badge>
              </TableCell>
              {fields.map((field) => (
                <TableCell key={field} className="whitespace-nowrap align-top text-xs">
                  <DiffCell row={row} field={field} compare={compare} />
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <PageNumbers page={page.page} pageCount={page.pageCount} total={page.total} href={props.pageHref} />
    </div>
  );
}

function DiffCell({ row, field, compare }: { row: RowDiff; field: ManualRowField; compare: boolean }) {
  if (row.modfMarkcd === "2") return <span className="text-destructive line-through">{row.current?.[field] ?? ""}</span>;
  const changed = compare && row.current !== null && row.changedFields.includes(field);
  return (
    <div className="grid">
      {changed && <span className="text-muted-foreground line-through">{row.current?.[field] ?? "∅"}</span>}
      <span className={cn(changed && "bg-warning/20 px-0.5 font-medium")}>{row.proposed?.[field] ?? ""}</span>
    </div>
  );
}
