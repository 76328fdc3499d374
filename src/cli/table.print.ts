import { CliIO } from './command';

/** What a list cell holds: JSON keeps the type; the table shows null as "-". */
export type Cell = string | number | null;

/** One column of a list: its header in the table and its key in `--json`, both fed by one value. */
export interface Column<T> {
  header: string;
  key: string;
  value(row: T): Cell;
}

/** Spaces between columns, as `kubectl get` and `docker ps` use. */
const GAP = '   ';

/** One line per cell: a tab or newline from a feed's error message must not break the columns. */
const shown = (cell: Cell) => (cell === null || cell === '' ? '-' : String(cell).replace(/\s+/g, ' '));

/**
 * Every `… list` command prints through here: a header row and columns padded with spaces (whether or
 * not stdout is a terminal, so `grep` and `awk` see what people see), or with `json` an array of
 * objects keyed as the columns are, and nothing else on stdout. An empty list still has its header (or
 * `[]`); the hint for it goes to stderr.
 */
export function printList<T>(io: CliIO, columns: Column<T>[], rows: T[], options: { json?: boolean; emptyHint?: string } = {}): void {
  if (options.json) {
    io.out(`${JSON.stringify(rows.map((row) => Object.fromEntries(columns.map((c) => [c.key, c.value(row)]))), null, 2)}\n`);
  } else {
    io.out(formatTable([columns.map((c) => c.header), ...rows.map((row) => columns.map((c) => shown(c.value(row))))]));
  }
  if (!rows.length && options.emptyHint) io.err(`${options.emptyHint}\n`);
}

/** Left-aligned columns as wide as their widest cell; the last one is not padded (no trailing spaces). */
export function formatTable(lines: string[][]): string {
  const widths = lines[0].map((_, i) => Math.max(...lines.map((line) => line[i].length)));
  return lines.map((line) => line.map((cell, i) => (i === line.length - 1 ? cell : cell.padEnd(widths[i]))).join(GAP)).join('\n') + '\n';
}
