import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { Reporter } from '../../src/report.js';
import { withWaitProgress } from '../../src/rollout/wait-progress.js';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(0);
});
afterEach(() => vi.useRealTimers());

function recording(): { reporter: Reporter; lines: string[] } {
  const lines: string[] = [];
  const reporter: Reporter = {
    info: (line) => lines.push(line),
    warn: (line) => lines.push(`warning: ${line}`),
    error: (line) => lines.push(`error: ${line}`),
    group: (title, body) => {
      lines.push(`── ${title}`);
      return body();
    },
    mask: () => undefined,
  };
  return { reporter, lines };
}

test('in a log: a line only after a silence of the interval, with elapsed time, time left and the standing', () => {
  const { reporter: inner, lines } = recording();
  const reporter = withWaitProgress(inner, { out: { write: () => true }, everyMs: 30_000 });
  const wait = reporter.waiting!('rollout of web', () => 600_000 - Date.now());
  wait.stands('1/2 running on web:3, IN_PROGRESS');

  vi.advanceTimersByTime(29_000);
  expect(lines).toEqual([]);
  vi.advanceTimersByTime(1_000);
  expect(lines).toEqual(['Waiting 30s, 9m 30s left before the timeout: rollout of web: 1/2 running on web:3, IN_PROGRESS']);

  // Any line printed is output: the silence starts again.
  vi.advanceTimersByTime(20_000);
  reporter.info('Stage SCALE_UP');
  vi.advanceTimersByTime(29_000);
  expect(lines).toHaveLength(2);
  vi.advanceTimersByTime(1_000);
  expect(lines.at(-1)).toBe('Waiting 1m 20s, 8m 40s left before the timeout: rollout of web: 1/2 running on web:3, IN_PROGRESS');

  wait.end();
  vi.advanceTimersByTime(120_000);
  expect(lines).toHaveLength(3);
});

test('many waits share one line, each with its own time left; beyond five they are counted', () => {
  const { reporter: inner, lines } = recording();
  const reporter = withWaitProgress(inner, { out: { write: () => true }, everyMs: 30_000 });
  const waits = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((name, i) => {
    const wait = reporter.waiting!(`[prod/${name}] rollout of ${name}`, () => 60_000 * (i + 1) - Date.now());
    wait.stands('0/1 running');
    return wait;
  });

  vi.advanceTimersByTime(30_000);

  expect(lines).toEqual([
    'Waiting 30s on 7: [prod/a] rollout of a (30s left before the timeout): 0/1 running; [prod/b] rollout of b (1m 30s left before the timeout): 0/1 running; ' +
      '[prod/c] rollout of c (2m 30s left before the timeout): 0/1 running; [prod/d] rollout of d (3m 30s left before the timeout): 0/1 running; ' +
      '[prod/e] rollout of e (4m 30s left before the timeout): 0/1 running; and 2 more',
  ]);
  for (const wait of waits) wait.end();
});

test('on a terminal: a spinner status line without a newline, wiped before every log line and when the wait ends', () => {
  const { reporter: inner, lines } = recording();
  const written: string[] = [];
  const reporter = withWaitProgress(inner, { out: { write: (text: string) => written.push(text), isTTY: true, columns: 60 } });
  const wait = reporter.waiting!('rollout of web', () => 600_000 - Date.now());
  wait.stands('1/2 running on web:3, IN_PROGRESS; 2 deployments; and more words than fit');

  vi.advanceTimersByTime(1_000);
  const status = written.filter((text) => text.length > 4);
  expect(status.length).toBeGreaterThan(3);
  const wipe = '\r\u001b[2K';
  expect(status.at(-1)?.startsWith(wipe)).toBe(true);
  expect(status.at(-1)?.slice(wipe.length)).toMatch(/^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Waiting 1s: rollout of web: 1\/2 running/);
  expect(status.every((text) => !text.includes('\n') && text.length - 5 <= 59)).toBe(true);
  // No CI lines on a terminal.
  expect(lines).toEqual([]);

  written.length = 0;
  reporter.info('Stage SCALE_UP');
  expect(written).toEqual(['\r\u001b[2K']);
  expect(lines).toEqual(['Stage SCALE_UP']);

  vi.advanceTimersByTime(200);
  written.length = 0;
  wait.end();
  expect(written).toEqual(['\r\u001b[2K']);
  vi.advanceTimersByTime(1_000);
  expect(written).toEqual(['\r\u001b[2K']);
});

test('on a terminal, the status line never shows a secret the run masked', () => {
  const { reporter: inner } = recording();
  const written: string[] = [];
  const reporter = withWaitProgress(inner, { out: { write: (text: string) => written.push(text), isTTY: true } });
  reporter.mask('s3cr3t-token');
  const wait = reporter.waiting!('rollout of web', () => 60_000);
  wait.stands('hook check-s3cr3t-token running');

  vi.advanceTimersByTime(500);

  expect(written.join('')).not.toContain('s3cr3t-token');
  expect(written.join('')).toContain('hook check-*** running');
  wait.end();
});
