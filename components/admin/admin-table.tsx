import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

// The admin lists' table: a header row, then the rows, or one row saying there are none.
export function AdminTable(props: { headers: string[]; rowCount: number; emptyText: string; children: React.ReactNode }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          {props.headers.map((header) => (
            <TableHead key={header}>{header}</TableHead>
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
