import { stringify } from 'csv-stringify/sync';
import { ImpactDimension, ImpactFigures, ImpactReport } from './impact-figures';

/** How a group's dimension values read in a spreadsheet: names, not ids, where the report has them. */
export interface ImpactLabels {
  partner(partnerId: string): string;
  branch(locationId: string): string;
}

const DIMENSION_COLUMNS: Record<ImpactDimension, string> = {
  PARTNER: 'partner', SERIES: 'program', CATEGORY: 'category', AUDIENCE: 'audience', MONTH: 'month', BRANCH: 'branch', SERVICE_AREA: 'service area',
};

type Cell = string | number | null;

/**
 * A figure's columns: a number is one column; a list of entries (a count per category, a share per
 * statement) is one column per entry, named after its text value (`attendanceByCategory: children`).
 * Figures added to the report appear here without a change.
 */
function cellsOf(figures: ImpactFigures): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  for (const [name, value] of Object.entries(figures) as [string, unknown][]) {
    if (Array.isArray(value)) {
      for (const entry of value as Record<string, unknown>[]) {
        const label = Object.values(entry).find((v) => typeof v === 'string');
        const amount = Object.values(entry).find((v) => typeof v === 'number' || v === null);
        if (label !== undefined) cells.set(`${name}: ${label as string}`, (amount as number | null | undefined) ?? null);
      }
    } else if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
      cells.set(name, typeof value === 'boolean' ? String(value) : value);
    }
  }
  return cells;
}

/**
 * Spreadsheet software runs a cell that starts with = + - @ (or a tab or return) as a formula; a title
 * or category from a partner's feed could start so. Such text is prefixed with an apostrophe (OWASP's
 * CSV injection advice); numbers are written as numbers.
 */
const safeText = (text: string): string => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

/**
 * The report as CSV (RFC 4180, through csv-stringify): a header, a first row of totals ("all" in each
 * dimension column), then one row per group. Empty cells are figures the report leaves null (no seats,
 * no check-ins, or a group too small to show).
 */
export function impactCsv(report: ImpactReport, dimensions: readonly ImpactDimension[], labels: ImpactLabels): string {
  const rows = [
    { key: Object.fromEntries(dimensions.map((d) => [d, 'all'])) as Record<string, string>, cells: cellsOf(report.totals) },
    ...report.groups.map((g) => ({
      key: Object.fromEntries(dimensions.map((d) => [d, labelOf(d, g.key[d] ?? null, g.firstTitle, labels)])) as Record<string, string>,
      cells: cellsOf(g.figures),
    })),
  ];
  const figureColumns = [...new Set(rows.flatMap((r) => [...r.cells.keys()]))];
  const header = [...dimensions.map((d) => DIMENSION_COLUMNS[d]), ...figureColumns];
  const body = rows.map((r) => [...dimensions.map((d) => safeText(r.key[d])), ...figureColumns.map((c) => r.cells.get(c) ?? null)]);
  return stringify([header, ...body], { record_delimiter: 'windows', cast: { number: (n) => String(n) } });
}

function labelOf(dimension: ImpactDimension, value: string | null, firstTitle: string, labels: ImpactLabels): string {
  if (value === null) return '';
  if (dimension === ImpactDimension.PARTNER) return labels.partner(value);
  if (dimension === ImpactDimension.BRANCH) return labels.branch(value);
  if (dimension === ImpactDimension.SERIES) return firstTitle;
  return value;
}
