import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

// Every list's table: a header row, then the rows, or one row saying there are none.
export function ListTable(props: { headers: React.ReactNode[]; rowCount: number; emptyText: string; children: React.ReactNode }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          {props.headers.map((header, index) => (
            <TableHead key={typeof header === "string" ? header : index}>{header}</TableHead>
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
