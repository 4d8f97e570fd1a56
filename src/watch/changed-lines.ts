// What every kind prints while it waits: of the lines one answer gives, each keyed by what it is about, only those
// that changed since that key was last printed.

export type KeyedLine = readonly [key: string, line: string];

export class ChangedLines {
  private readonly last = new Map<string, string>();

  changed(lines: readonly KeyedLine[]): string[] {
    return lines.filter(([key, line]) => this.remember(key, line)).map(([, line]) => line);
  }

  private remember(key: string, line: string): boolean {
    if (this.last.get(key) === line) return false;
    this.last.set(key, line);
    return true;
  }
}
