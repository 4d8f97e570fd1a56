// The one Reporter the tests hand to the code under test: it records every line with its level and group, and
// every secret registered for masking.
import type { Reporter } from '../../src/report.js';

export interface Line {
  level: 'info' | 'warn' | 'error';
  text: string;
  group?: string;
}

export class RecordingReporter implements Reporter {
  readonly lines: Line[] = [];
  readonly groups: string[] = [];
  readonly masked: string[] = [];
  private current: string | undefined;

  info(text: string): void {
    this.push('info', text);
  }
  warn(text: string): void {
    this.push('warn', text);
  }
  error(text: string): void {
    this.push('error', text);
  }
  async group<T>(title: string, body: () => Promise<T>): Promise<T> {
    this.groups.push(title);
    this.current = title;
    try {
      return await body();
    } finally {
      this.current = undefined;
    }
  }
  mask(secret: string): void {
    this.masked.push(secret);
  }

  /** The lines' texts, one per line. */
  get text(): string {
    return this.lines.map((line) => line.text).join('\n');
  }

  /** Each line as a log shows it: info lines as they are, the others behind "warn: " or "error: ". */
  get printed(): string[] {
    return this.lines.map((line) => (line.level === 'info' ? line.text : `${line.level}: ${line.text}`));
  }

  count(fragment: string): number {
    return this.lines.filter((line) => line.text.includes(fragment)).length;
  }

  private push(level: Line['level'], text: string): void {
    this.lines.push({ level, text, ...(this.current ? { group: this.current } : {}) });
  }
}
