// The benchmark's result: one row per figure with its target, printed as a table and written as JSON.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface Figure {
  id: string;
  what: string;
  value: number;
  unit: string;
  /** The figure meets its target when value ≤ target ("max") or value ≥ target ("min"); none for a reference figure. */
  target?: { limit: number; kind: "max" | "min" };
}

/** What a run measured: the figures with their targets, notes for the table, and details for the JSON file. */
export class BenchResults {
  readonly figures: Figure[] = [];
  readonly notes: string[] = [];
  readonly details: Record<string, unknown> = {};

  add(figure: Figure) {
    this.figures.push(figure);
  }
  note(text: string) {
    this.notes.push(text);
  }
  detail(key: string, value: unknown) {
    this.details[key] = value;
  }
}

export const met = (figure: Figure) =>
  !figure.target || (figure.target.kind === "max" ? figure.value <= figure.target.limit : figure.value >= figure.target.limit);

const formatValue = (value: number, unit: string) =>
  `${value >= 100 ? Math.round(value).toLocaleString("en-US") : value.toFixed(value >= 10 ? 1 : 2)} ${unit}`;

export function printTable(figures: Figure[], notes: string[]) {
  const rows = figures.map((f) => [
    f.id,
    f.what,
    formatValue(f.value, f.unit),
    f.target ? `${f.target.kind === "max" ? "≤" : "≥"} ${formatValue(f.target.limit, f.unit)}` : "",
    !f.target ? "" : met(f) ? "met" : "MISSED",
  ]);
  const header = ["", "figure", "measured", "target", ""];
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (cells: string[]) => cells.map((c, i) => c + " ".repeat(widths[i] - width(c))).join("  ");
  console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`);
  for (const row of rows) console.log(line(row));
  for (const note of notes) console.log(`  · ${note}`);
}

/** Display width: CJK characters take two columns. */
const width = (text: string) => [...text].reduce((sum, ch) => sum + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);

export function machineDescription() {
  const cpus = os.cpus();
  return {
    cpu: `${cpus[0]?.model ?? "unknown"} × ${cpus.length}`,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
}

export function writeJson(file: string, content: object) {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
}
