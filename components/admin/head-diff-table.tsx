import { getTranslations } from "next-intl/server";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { HeadDiff } from "@/lib/manuals/change-diff";
import { cn } from "@/lib/utils";

// 表头 changes: each field with its current and new value; `compare` is off once the change is decided.
export async function HeadDiffTable({ rows, compare }: { rows: HeadDiff[]; compare: boolean }) {
  const t = await getTranslations("adminManuals");
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>{t("diff.field")}</TableHead>
          {compare && <TableHead>{t("diff.current")}</TableHead>}
          <TableHead>{t("diff.proposed")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.field} className={cn(compare && row.changed && "bg-warning/10")}>
            <TableCell>{t(`head.${row.field}`)}</TableCell>
            {compare && <TableCell className="text-xs text-muted-foreground">{row.current ?? "-"}</TableCell>}
            <TableCell className="text-xs font-medium">{row.proposed ?? "-"}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
