// Medians, formats and the result rows every section adds to the final table.

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export const ms = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(0)} ms` : 'n/a');
export const sec = (millis: number): string => (Number.isFinite(millis) ? `${(millis / 1000).toFixed(2)} s` : 'n/a');
export const ratio = (ours: number, reference: number): string =>
  Number.isFinite(ours) && Number.isFinite(reference) && reference !== 0 ? `${(ours / reference).toFixed(2)}x` : 'n/a';
export const perMinute = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(1)}/min` : 'n/a');

export type Verdict = 'PASS' | 'FAIL' | 'INFO' | 'NOT MEASURED';

export interface Row {
  measure: string;
  ours: string;
  reference?: string;
  ratio?: string;
  goal?: string;
  verdict: Verdict;
}

export const verdictOf = (pass: boolean): Verdict => (pass ? 'PASS' : 'FAIL');

/** A goal line as it is printed while a section runs. */
export function goalLine(row: Row): string {
  const against = row.reference !== undefined ? ` (reference ${row.reference}${row.ratio ? `, ${row.ratio}` : ''})` : '';
  return `${row.verdict.padEnd(4)}  ${row.measure}: ${row.ours}${against}${row.goal ? `; goal ${row.goal}` : ''}`;
}

export function table(rows: readonly Row[]): string {
  const header = ['Measure', 'Ours', 'Reference', 'Ratio', 'Goal', 'Result'];
  const cells = rows.map((row) => [row.measure, row.ours, row.reference ?? '', row.ratio ?? '', row.goal ?? '', row.verdict]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => (line[column] ?? '').length)));
  const format = (line: readonly string[]): string => line.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  return [format(header), format(widths.map((width) => '-'.repeat(width))), ...cells.map(format)].join('\n');
}
