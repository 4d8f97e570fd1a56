// The README's exit-code table says what the code does: every exit code the run can end with has its row, and
// the row of each kind of ending names it, NOT_STARTED included wherever a run that changed nothing exits.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readFailure } from '../../src/aws/read-failure.js';
import { HANGUP_EXIT } from '../../src/exit-cleanup.js';
import { notStartedResult } from '../../src/deploy/result.js';
import { AwsUnavailableError, CancelledError, DeployError, EXIT, InputError, PreflightError, exitCodeFor } from '../../src/errors.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** code → meaning, from the table under "## Exit codes and statuses". */
function exitCodeTable(): Map<number, string> {
  const section = README.split(/^## Exit codes\b.*$/m)[1]?.split(/^## /m)[0] ?? '';
  const rows = new Map<number, string>();
  for (const line of section.split('\n')) {
    const cells = /^\| ([\d /]+) \| (.+) \|$/.exec(line.trim());
    if (!cells) continue;
    for (const code of (cells[1] ?? '').split('/')) rows.set(Number(code.trim()), cells[2] ?? '');
  }
  return rows;
}

/** An AWS SDK error as a read in the preflight gets it, and what the preflight makes of it. */
function preflightRead(name: string, status: number, fields: Record<string, unknown> = {}): Error {
  const error = Object.assign(new Error(`${name} from DescribeServices`), { name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status }, ...fields });
  return readFailure('DescribeServices web', error);
}

const ENDINGS: [string, unknown, RegExp][] = [
  ['bad input', new InputError('desired-count: "two" is not a whole number'), /input/],
  ['a preflight that found the target wrong', new PreflightError('service: "web" was not found'), /preflight/],
  ['a preflight read AWS refused', preflightRead('AccessDeniedException', 400), /AWS refused a read/],
  ['a preflight read AWS kept throttling', preflightRead('ThrottlingException', 400, { $retryable: { throttling: true } }), /AWS did not answer/],
  ['a preflight read AWS kept failing', preflightRead('ServiceUnavailableException', 503), /AWS did not answer/],
  ['AWS unavailable before any change', new AwsUnavailableError('DescribeServices kept failing'), /AWS did not answer/],
  ['a failed step after a change began', new DeployError('RegisterTaskDefinition failed'), /after a change began/],
  ['SIGINT', new CancelledError('SIGINT'), /SIGINT/],
  ['SIGTERM', new CancelledError('SIGTERM'), /SIGTERM/],
];

test('a hangup has its row', () => {
  expect(exitCodeTable().get(HANGUP_EXIT)).toMatch(/SIGHUP/);
});

describe('README exit codes', () => {
  const table = exitCodeTable();

  test('one row for each exit code the run has, and no other', () => {
    expect([...table.keys()].sort((a, b) => a - b)).toEqual([...Object.values(EXIT), HANGUP_EXIT].sort((a, b) => a - b));
  });

  test.each(ENDINGS)('%s: its exit code has a row that says so', (_name, error, says) => {
    const row = table.get(exitCodeFor(error));
    expect(row, `no row for exit ${exitCodeFor(error)}`).toBeDefined();
    expect(row).toMatch(says);
  });

  test.each(ENDINGS.filter(([, error]) => !(error instanceof CancelledError)))(
    '%s, ending a run that changed nothing: deployment-status NOT_STARTED, and the row of its exit code says so',
    (_name, error) => {
      const result = notStartedResult({ region: 'eu-west-1' }, error, { startedAt: 0, finishedAt: 1 });
      if (result.deploymentStatus !== 'NOT_STARTED') return;
      expect(table.get(exitCodeFor(error))).toContain('`NOT_STARTED`');
    },
  );
});
