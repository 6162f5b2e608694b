import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { RowDiff } from "@/lib/manuals/change-diff";
import type { ManualRowField } from "@/lib/manuals/row-fields";
import { cn } from "@/lib/utils";

/** Rows shown per table; approval applies all of them. */
const SHOWN_ROWS = 500;

const markVariant = { "1": "warning", "2": "destructive", "3": "success" } as const;

// 料件 / 成品 changes against the current rows: a changed value shows the current one struck through above it;
// a deleted row shows what is removed. `compare` is off once the change is decided.
export async function RowDiffTable({ rows, fields, compare }: { rows: RowDiff[]; fields: readonly ManualRowField[]; compare: boolean }) {
  const t = await getTranslations("adminManuals");
  const counts = { "1": 0, "2": 0, "3": 0 };
  for (const row of rows) counts[row.modfMarkcd]++;
  return (
    <div className="grid gap-2">
      <p className="text-sm text-muted-foreground">
        {t("diff.summary", { modified: counts["1"], deleted: counts["2"], added: counts["3"] })}
        {rows.length > SHOWN_ROWS && ` ${t("diff.truncated", { shown: SHOWN_ROWS })}`}
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
          {rows.slice(0, SHOWN_ROWS).map((row) => (
            <TableRow key={row.gdsSeqno} data-testid={`row-diff-${row.gdsSeqno}`}>
              <TableCell className="align-top font-mono text-xs">
                {row.gdsSeqno}
                {compare && row.warning && <p className="mt-1 whitespace-nowrap font-sans text-destructive">{t(`diff.warning.${row.warning}`)}</p>}
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
    </div>
  );
}

function DiffCell({ row, field, compare }: { row: RowDiff; field: ManualRowField; compare: boolean }) {
  if (row.modfMarkcd === "2") return <span className={cn(compare && "text-destructive line-through")}>{row.current?.[field] ?? ""}</span>;
  const changed = compare && row.current !== null && row.changedFields.includes(field);
  return (
    <div className="grid">
      {changed && <span className="text-muted-foreground line-through">{row.current?.[field] ?? "∅"}</span>}
      <span className={cn(changed && "bg-warning/20 px-0.5 font-medium")}>{row.proposed?.[field] ?? ""}</span>
    </div>
  );
}
