// Multi-line inputs of KEY=VALUE lines (environment, secrets, tags, images, build-args).
// Only the first '=' splits, so values may hold '=' (URLs, base64); a value is kept exactly as written,
// an empty one included. Error messages name the line, never its text: a broken line may hold a secret.
import { InputError } from '../errors.js';
import type { KeyValueEdit, Tag } from '../taskdef/types.js';

interface NumberedLine {
  number: number;
  text: string;
}

/** Lines of `KEY=VALUE` that set KEY, and `-KEY` that removes it. The last line for a key wins. */
export function parseKeyValueLines(text: string, inputName: string): KeyValueEdit[] {
  const edits = new Map<string, KeyValueEdit>();
  for (const line of meaningfulLines(text)) {
    const edit = parseEditLine(line, inputName);
    edits.set(edit.key, edit);
  }
  return [...edits.values()];
}

/**
 * Lines of `key=value` where every line sets a pair (no removal). The last line for a key wins, unless `unique`:
 * then a key set twice is refused, for inputs where neither line is clearly the one meant.
 */
export function parsePairLines(text: string, inputName: string, options: { unique?: boolean } = {}): { key: string; value: string }[] {
  const pairs = new Map<string, string>();
  for (const line of meaningfulLines(text)) {
    const { key, value } = splitPair(line, inputName, 'key=value');
    if (options.unique && pairs.has(key)) throw lineError(inputName, line, `sets "${key}" a second time: keep one of the two lines`);
    pairs.set(key, value);
  }
  return [...pairs].map(([key, value]) => ({ key, value }));
}

export function parseTagLines(text: string, inputName: string): Tag[] {
  const tags = parsePairLines(text, inputName);
  const reserved = tags.find((tag) => tag.key.toLowerCase().startsWith('aws:'));
  if (reserved) {
    throw new InputError(`${inputName}: the tag key "${reserved.key}" starts with "aws:", which AWS reserves: choose another key`);
  }
  return tags;
}

/** Lines of `container=image`; the image is trimmed, since an image reference never holds spaces. */
export function parseImageLines(text: string, inputName: string): Map<string, string> {
  const images = new Map<string, string>();
  for (const line of meaningfulLines(text)) {
    const { key, value } = splitPair(line, inputName, 'container=image');
    const image = value.trim();
    if (image === '') throw lineError(inputName, line, `the image for container "${key}" is empty: write container=image`);
    images.set(key, image);
  }
  return images;
}

function meaningfulLines(text: string): NumberedLine[] {
  return text
    .split('\n')
    .map((raw, index) => ({ number: index + 1, text: raw.endsWith('\r') ? raw.slice(0, -1) : raw }))
    .filter((line) => {
      const start = line.text.trimStart();
      return start !== '' && !start.startsWith('#');
    });
}

function parseEditLine(line: NumberedLine, inputName: string): KeyValueEdit {
  const equals = line.text.indexOf('=');
  const start = line.text.trimStart();
  if (start.startsWith('-')) {
    if (equals !== -1) {
      throw lineError(inputName, line, "a line starting with '-' removes a key and takes no '=': write -KEY alone to remove KEY, or KEY=VALUE to set it");
    }
    const key = start.slice(1).trim();
    if (key === '') throw lineError(inputName, line, "'-' needs a key after it: write -KEY to remove KEY");
    return { op: 'remove', key };
  }
  const { key, value } = splitPair(line, inputName, 'KEY=VALUE', ' (or -KEY to remove KEY)');
  return { op: 'set', key, value };
}

function splitPair(line: NumberedLine, inputName: string, form: string, alternative = ''): { key: string; value: string } {
  const equals = line.text.indexOf('=');
  if (equals === -1) throw lineError(inputName, line, `expected ${form}${alternative}, found no '='`);
  const key = line.text.slice(0, equals).trim();
  if (key === '') throw lineError(inputName, line, `the key before '=' is empty: write ${form}`);
  return { key, value: line.text.slice(equals + 1) };
}

function lineError(inputName: string, line: NumberedLine, problem: string): InputError {
  return new InputError(`${inputName}, line ${line.number}: ${problem}`);
}
