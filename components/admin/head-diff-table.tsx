import { getTranslations } from "next-intl/server";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { HeadDiff } from "@/lib/manuals/change-diff";
import { cn } from "@/lib/utils";

// 表头 changes: each field with its value before the change (the manual now while pending, kept at the decision
// after it) and the new one; without kept before-values only the new one.
export async function HeadDiffTable({ rows, before }: { rows: HeadDiff[]; before: "current" | "before" | null }) {
  const t = await getTranslations("adminManuals");
  const shown = (row: HeadDiff, value: string | null) =>
    value !== null && row.field === "dclTypecd" && (value === "1" || value === "2") ? `${value} ${t(`dclType.${value}`)}` : (value ?? "-");
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>{t("diff.field")}</TableHead>
          {before && <TableHead>{t(before === "current" ? "diff.current" : "diff.before")}</TableHead>}
          <TableHead>{t("diff.proposed")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.field} className={cn(before && row.changed && "bg-warning/10")} data-testid={`head-diff-${row.field}`}>
            <TableCell>{t(`head.${row.field}`)}</TableCell>
            {before && <TableCell className="text-xs text-muted-foreground">{shown(row, row.current)}</TableCell>}
            <TableCell className="text-xs font-medium">{shown(row, row.proposed)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
