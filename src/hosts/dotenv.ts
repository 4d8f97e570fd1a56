// The outputs as a GitLab dotenv report (`artifacts: reports: dotenv:`), which later jobs receive as variables.
// GitLab's parser reads each line as KEY=VALUE, strips both sides, refuses a line without '=' (so no blank lines
// or comments), keeps keys of letters, digits and '_', and drops the whole report when the file is 5 KB or more
// or has more than 20 variables.

export const DOTENV_MAX_BYTES = 5 * 1024;
export const DOTENV_MAX_VARIABLES = 20;

const KEY = /^[A-Za-z0-9_]+$/;

export function dotenvKey(output: string): string {
  return `ECS_DELIVERED_${output.toUpperCase().replace(/-/g, '_')}`;
}

/**
 * The dotenv report for `outputs`, one `ECS_DELIVERED_<NAME>=value` line each. A report that would reach
 * GitLab's size limit has its longest comma-separated values shortened (whole items, with a count of the rest),
 * and `warn` says so; one that still does not fit throws.
 */
export function dotenvLines(outputs: Readonly<Record<string, string>>, warn?: (line: string) => void): string {
  const entries = Object.entries(outputs).map(([name, value]) => checkedEntry(name, value));
  if (entries.length > DOTENV_MAX_VARIABLES) {
    throw new Error(
      `the GitLab dotenv report would have ${entries.length} variables; GitLab takes at most ${DOTENV_MAX_VARIABLES}`,
    );
  }
  let text = render(entries);
  for (const entry of [...entries].sort((a, b) => b.value.length - a.value.length)) {
    if (fits(text)) break;
    const room = byteLength(entry.value) - (byteLength(text) - (DOTENV_MAX_BYTES - 1));
    const shortened = shortenList(entry.value, room);
    if (shortened === undefined) continue;
    warn?.(`GitLab dotenv report: ${entry.key} shortened to fit GitLab's 5 KB limit (full value in the job log)`);
    entry.value = shortened;
    text = render(entries);
  }
  if (!fits(text)) {
    throw new Error(
      `the GitLab dotenv report would be ${byteLength(text)} bytes; GitLab drops reports of 5 KB or more`,
    );
  }
  return text;
}

interface Entry {
  key: string;
  value: string;
}

function checkedEntry(name: string, value: string): Entry {
  const key = dotenvKey(name);
  if (!KEY.test(key)) {
    throw new Error(`output "${name}" cannot be a GitLab dotenv key: ${key} may hold only letters, digits and '_'`);
  }
  if (/[\r\n]/.test(value)) {
    throw new Error(`output "${name}" has a line break; a GitLab dotenv report takes single-line values only`);
  }
  // GitLab strips both ends of every value; strip here too so what the log shows is what later jobs get.
  return { key, value: value.trim() };
}

function render(entries: readonly Entry[]): string {
  return entries.map(({ key, value }) => `${key}=${value}\n`).join('');
}

function fits(text: string): boolean {
  return byteLength(text) < DOTENV_MAX_BYTES;
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Keeps the leading items of a comma-separated value that fit in `room` bytes, then ",+N more". */
function shortenList(value: string, room: number): string | undefined {
  const items = value.split(',');
  if (items.length < 2) return undefined;
  for (let kept = items.length - 1; kept >= 0; kept -= 1) {
    const candidate = [...items.slice(0, kept), `+${items.length - kept} more`].join(',');
    if (byteLength(candidate) <= room) return candidate;
  }
  return undefined;
}
