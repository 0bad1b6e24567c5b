import type { VarianceReport } from './reconcile-report.ts';

/** What happened to one row's adjustment, for the ACTION column. */
export type RowAction = string;

const HEADERS = [
  'WAREHOUSE',
  'SKU',
  'LOT',
  'ODOO',
  'COUNTED',
  'DIFF',
  'IN FLIGHT',
  'RECEIPTS',
  'UNEXPLAINED',
  'CLASS',
  'ACTION',
] as const;

/** Right-aligned columns: the quantities. */
const NUMERIC = new Set([3, 4, 5, 6, 7, 8]);

/**
 * The variance report as a fixed-width table, one line per item that is not a plain match (matches
 * are counted in the footer), then the totals. `actions` keys are `target|sku|lot`.
 *
 * @example
 * for (const line of renderReport(report, new Map([['shipbob|MUG|', 'adjusted 40 → 38']]))) console.log(line);
 */
export function renderReport(
  report: VarianceReport,
  actions: ReadonlyMap<string, RowAction> = new Map(),
): string[] {
  const rows = report.rows
    .filter((row) => row.classification !== 'match')
    .map((row) => [
      row.target,
      row.sku,
      row.lot ?? '',
      row.presence === 'warehouse_only' ? '-' : row.odooOnHand,
      row.presence === 'odoo_only' ? '-' : row.warehouseOnHand,
      signed(row.difference),
      row.inFlight === '0' ? '' : row.inFlight,
      row.receipts === '0' ? '' : row.receipts,
      signed(row.unexplained),
      row.classification,
      actions.get(rowKey(row)) ?? '',
    ]);
  const widths = HEADERS.map((header, column) =>
    Math.max(header.length, ...rows.map((cells) => (cells[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        NUMERIC.has(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const { totals } = report;
  return [
    ...(rows.length === 0 ? [] : [line(HEADERS), ...rows.map(line)]),
    `${report.rows.length} items: ${totals.match} match, ${totals.timing} timing, ${totals.within_tolerance} within tolerance (±${report.tolerance}), ${totals.variance} variance`,
  ];
}

/** The key of a row in `actions`. */
export function rowKey(row: {
  readonly target: string;
  readonly sku: string;
  readonly lot?: string;
}): string {
  return `${row.target}|${row.sku}|${row.lot ?? ''}`;
}

const signed = (value: string): string => (value.startsWith('-') || value === '0' ? value : `+${value}`);
