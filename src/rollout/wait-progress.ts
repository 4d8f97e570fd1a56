// Progress while a run waits and nothing else is printed. In a CI log: a line after every 30 s of silence with the
// time elapsed, the time left before the timeout and where each wait stands. On a terminal: one status line with a
// spinner, redrawn in place and wiped before any other line, so the log's own lines replace it. All the waits of
// a run (every service of a services-file) share one line.
import { formatDuration } from '../duration.js';
import { Redactor } from '../redactor.js';
import type { Reporter, WaitHandle } from '../report.js';

/** Silence after which a CI log gets a progress line. */
export const PROGRESS_EVERY_MS = 30_000;
const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const TERMINAL_REDRAW_MS = 120;
/** Waits a run of many services names in its one line; the rest are counted. */
const FLEET_PARTS = 5;

export interface ProgressOut {
  write(text: string): unknown;
  isTTY?: boolean;
  /** The terminal's width: the status line is cut to it, so that wiping one line wipes all of it. */
  columns?: number;
}

interface Wait {
  label: string;
  timeLeft: () => number;
  startedAt: number;
  standing?: string;
}

export interface WaitProgressOptions {
  out: ProgressOut;
  /** Shorter silences than 30 s, for tests. */
  everyMs?: number;
  now?: () => number;
}

/** The reporter with `waiting`: every line it prints counts as output, and on a terminal first wipes the status line. */
export function withWaitProgress(inner: Reporter, options: WaitProgressOptions): Reporter {
  // The status line is written past the host, so it is redacted here with every secret the run masks.
  const redactor = new Redactor();
  const progress = new WaitProgress(inner, options, (text) => redactor.redact(text));
  const printing = <A extends unknown[]>(print: (...args: A) => void) => (...args: A): void => {
    progress.beforeOutput();
    print(...args);
  };
  return {
    info: printing((line: string) => inner.info(line)),
    warn: printing((line: string) => inner.warn(line)),
    error: printing((line: string) => inner.error(line)),
    group: (title, body) => {
      progress.beforeOutput();
      return inner.group(title, body);
    },
    mask: (secret) => {
      redactor.add(secret);
      inner.mask(secret);
    },
    waiting: (label, timeLeft) => progress.begin(label, timeLeft),
  };
}

class WaitProgress {
  private readonly waits = new Set<Wait>();
  private readonly terminal: boolean;
  private readonly everyMs: number;
  private readonly now: () => number;
  private timer: ReturnType<typeof setInterval> | undefined;
  private lastOutputAt: number;
  private statusShown = false;
  private frame = 0;

  constructor(
    private readonly reporter: Reporter,
    private readonly options: WaitProgressOptions,
    private readonly redact: (text: string) => string,
  ) {
    this.terminal = options.out.isTTY === true;
    this.everyMs = options.everyMs ?? PROGRESS_EVERY_MS;
    this.now = options.now ?? Date.now;
    this.lastOutputAt = this.now();
  }

  begin(label: string, timeLeft: () => number): WaitHandle {
    const wait: Wait = { label, timeLeft, startedAt: this.now() };
    this.waits.add(wait);
    this.timer ??= this.startTimer();
    return {
      stands: (standing) => {
        wait.standing = standing;
      },
      end: () => {
        this.waits.delete(wait);
        if (this.waits.size > 0) return;
        this.wipe();
        clearInterval(this.timer);
        this.timer = undefined;
      },
    };
  }

  beforeOutput(): void {
    this.wipe();
    this.lastOutputAt = this.now();
  }

  private startTimer(): ReturnType<typeof setInterval> {
    const timer = setInterval(() => this.tick(), this.terminal ? TERMINAL_REDRAW_MS : Math.min(1000, this.everyMs / 4));
    // Progress never keeps a run alive.
    timer.unref();
    return timer;
  }

  private tick(): void {
    if (this.waits.size === 0) return;
    if (this.terminal) {
      this.frame = (this.frame + 1) % SPINNER.length;
      const line = this.redact(`${SPINNER[this.frame] ?? ''} ${this.line(false)}`);
      const width = this.options.out.columns;
      this.options.out.write(`\r\u001b[2K${width !== undefined && width > 1 && line.length >= width ? `${line.slice(0, width - 2)}…` : line}`);
      this.statusShown = true;
      return;
    }
    if (this.now() - this.lastOutputAt < this.everyMs) return;
    this.reporter.info(this.line(true));
    this.lastOutputAt = this.now();
  }

  private wipe(): void {
    if (!this.statusShown) return;
    this.options.out.write('\r\u001b[2K');
    this.statusShown = false;
  }

  /** `Waiting 1m 30s, 8m 30s left: rollout of web: 1/2 running on web:3, IN_PROGRESS`; one part per wait. */
  private line(withTimeLeft: boolean): string {
    const now = this.now();
    const waits = [...this.waits];
    const elapsed = now - Math.min(...waits.map((wait) => wait.startedAt));
    const part = (wait: Wait, own: boolean): string => {
      const left = Math.max(0, wait.timeLeft());
      const time = own && withTimeLeft ? ` (${seconds(left)} left before the timeout)` : '';
      return `${wait.label}${time}: ${wait.standing ?? 'waiting for the first answer'}`;
    };
    if (waits.length === 1 && waits[0]) {
      const wait = waits[0];
      const left = withTimeLeft ? `, ${seconds(Math.max(0, wait.timeLeft()))} left before the timeout` : '';
      return `Waiting ${seconds(elapsed)}${left}: ${part(wait, false)}`;
    }
    const shown = waits.slice(0, FLEET_PARTS).map((wait) => part(wait, true));
    const more = waits.length > FLEET_PARTS ? `; and ${waits.length - FLEET_PARTS} more` : '';
    return `Waiting ${seconds(elapsed)} on ${waits.length}: ${shown.join('; ')}${more}`;
  }
}

/** A wait is told in whole seconds: tenths on a line that comes every 30 s say nothing. */
function seconds(ms: number): string {
  return formatDuration(Math.round(ms / 1000) * 1000);
}

/** How often progress is shown: every 30 s, unless ECS_DELIVER_PROGRESS_EVERY_MS says otherwise (tests shorten it). */
export function progressFrom(env: Readonly<Record<string, string | undefined>>): WaitProgressOptions {
  const every = Number(env['ECS_DELIVER_PROGRESS_EVERY_MS']);
  return { out: process.stdout, ...(Number.isFinite(every) && every > 0 ? { everyMs: every } : {}) };
}
