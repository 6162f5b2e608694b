import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

// Every list's table: a header row, then the rows, or one row saying there are none. With `widths` (a width
// class per column, one of them left open to take the rest) the layout is fixed: the table fits its container
// and a long value wraps inside its column instead of pushing the last columns off the screen.
export function ListTable(props: { headers: React.ReactNode[]; widths?: string[]; rowCount: number; emptyText: string; children: React.ReactNode }) {
  return (
    <Table className={props.widths && "table-fixed"}>
      {props.widths && (
        <colgroup>
          {props.widths.map((width, index) => (
            <col key={index} className={width} />
          ))}
        </colgroup>
      )}
      <TableHeader>
        <TableRow>
          {props.headers.map((header, index) => (
            <TableHead key={typeof header === "string" ? header : index} className={props.widths && "whitespace-normal align-bottom leading-tight"}>
              {header}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.rowCount === 0 ? (
          <TableRow>
            <TableCell colSpan={props.headers.length} className="py-10 text-center text-muted-foreground">
              {props.emptyText}
            </TableCell>
          </TableRow>
        ) : (
          props.children
        )}
      </TableBody>
    </Table>
  );
}
