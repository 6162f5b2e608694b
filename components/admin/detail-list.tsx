// A two-column list of labelled values (record pages, manual header).
export function DetailList({ items }: { items: { label: string; value: React.ReactNode; mono?: boolean }[] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-8 gap-y-3 text-sm sm:grid-cols-2 xl:grid-cols-3">
      {items.map((item) => (
        <div key={item.label} className="grid gap-0.5">
          <dt className="text-xs text-muted-foreground">{item.label}</dt>
          <dd className={item.mono ? "break-all font-mono text-xs" : "break-all"}>{item.value ?? "-"}</dd>
        </div>
      ))}
    </dl>
  );
}
