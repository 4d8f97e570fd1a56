import { InputError } from '../errors.js';

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** "90s", "15m", "1h" or "1h30m", in milliseconds. */
export function parseDuration(name: string, given: string): number {
  const text = given.trim().toLowerCase();
  // A bare number was seconds once; inputs moved over from `wait-for-minutes` meant minutes. Neither is guessed.
  if (/^\d+(\.\d+)?$/.test(text)) {
    throw new InputError(`${name}: "${given.trim()}" has no unit; write ${text}s or ${text}m.`);
  }
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  const consumed = parts.map((part) => part[0]).join('');
  if (parts.length === 0 || consumed !== text) {
    throw new InputError(`${name}: "${given}" is not a duration; write it like 90s, 15m or 1h.`);
  }
  return Math.round(parts.reduce((total, part) => total + Number(part[1]) * (UNIT_MS[part[2] ?? 's'] ?? 1000), 0));
}

export { formatDuration } from '../duration.js';
