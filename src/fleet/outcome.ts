// How a run of many services ends: one result per service, the run's worst outcome and the table.
import { familyRevision } from '../aws/names.js';
import type { DeliveryResult } from '../deploy/result.js';
import { endedWell, worstStatus } from '../deploy/outputs.js';
import { CancelledError, EXIT, errorMessage } from '../errors.js';

export { endedWell, OUTCOME_ORDER, worstStatus } from '../deploy/outputs.js';

/**
 * The run as one DeliveryResult, for what a host shows of any run (the final status, the outputs it prints).
 * error: what stopped the run before its first change; a run that changed nothing says that error.
 */
export function runResult(
  results: readonly DeliveryResult[],
  times: { startedAt: number; finishedAt: number; dryRun: boolean; region: string; error?: unknown },
): DeliveryResult {
  const status = results.length === 0 && times.error instanceof CancelledError ? 'CANCELLED' : worstStatus(results.map((result) => result.deploymentStatus));
  const notWell = results.filter((result) => !endedWell(result));
  const clusters = [...new Set(results.map((result) => result.cluster))];
  const stoppedBy = times.error !== undefined && (results.length === 0 || status === 'NOT_STARTED') ? errorMessage(times.error) : undefined;
  return {
    dryRun: times.dryRun,
    region: times.region,
    cluster: clusters.join(','),
    image: '',
    taskDefinitionArn: '',
    revision: 0,
    registered: results.some((result) => result.registered),
    deploymentStatus: status,
    ...(stoppedBy !== undefined
      ? { statusMessage: stoppedBy }
      : notWell.length > 0
      ? { statusMessage: `${notWell.length} of ${results.length} services did not end well: ${notWell.map((result) => `${label(result)} ${result.deploymentStatus}`).join(', ')}` }
      : {}),
    diff: [],
    startedAt: times.startedAt,
    finishedAt: times.finishedAt,
    deregistered: [...new Set(results.flatMap((result) => result.deregistered))],
  };
}

/** 0 only when every service ended as it would have alone with exit 0; a cancel ends as the signal says. */
export function fleetExitCode(results: readonly DeliveryResult[], signal: 'SIGINT' | 'SIGTERM' | undefined): number {
  if (results.every(endedWell)) return EXIT.ok;
  if (signal && results.some((result) => result.deploymentStatus === 'CANCELLED')) return signal === 'SIGINT' ? EXIT.sigint : EXIT.sigterm;
  return EXIT.failed;
}

export function label(result: Pick<DeliveryResult, 'cluster' | 'service' | 'taskDefinitionArn'>): string {
  return result.service ? `${result.cluster}/${result.service}` : `${result.cluster}/(register only ${familyRevision(result.taskDefinitionArn) || 'task definition'})`;
}

/** The end-of-run table: service, revision, outcome, time, reason; plain text, columns padded. */
export function outcomeTable(results: readonly DeliveryResult[]): string[] {
  const rows = results.map((result) => [
    label(result),
    result.taskDefinitionArn ? familyRevision(result.taskDefinitionArn) : '-',
    result.deploymentStatus,
    seconds(result.finishedAt - result.startedAt),
    endedWell(result) ? '' : (result.statusMessage ?? ''),
  ]);
  const header = ['SERVICE', 'REVISION', 'OUTCOME', 'TIME', 'REASON'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

function seconds(ms: number): string {
  return `${(Math.max(0, ms) / 1000).toFixed(1)}s`;
}
