// The `command` input: a JSON array of strings, or one line split into words the way a POSIX shell does,
// without expanding anything. ECS runs the words as they are, with no shell in between, so an unquoted
// shell operator (a pipe, `&&`, a redirect) is refused rather than passed on as a word.
// Messages give positions, never the text: a command line may hold a secret.
import { InputError } from '../errors.js';

export function parseCommand(text: string, inputName: string): string[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) return parseJsonCommand(trimmed, inputName);
  return splitShellWords(text, inputName);
}

function parseJsonCommand(text: string, inputName: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InputError(
      `${inputName}: starts with '[' but is not a JSON array: write a JSON array of strings such as ["npm", "start"], or a command line`,
    );
  }
  if (!Array.isArray(value)) throw new InputError(`${inputName}: expected a JSON array of strings`);
  const words: string[] = [];
  for (const [index, word] of value.entries()) {
    if (typeof word !== 'string') {
      throw new InputError(`${inputName}: element ${index} of the JSON array is not a string: quote it`);
    }
    words.push(word);
  }
  return words;
}

const BLANKS = new Set([' ', '\t', '\n', '\r']);
const OPERATORS = new Set(['|', '&', ';', '<', '>', '(', ')']);
/** Inside double quotes a backslash escapes only these; before anything else it stays a backslash. */
const ESCAPABLE_IN_DOUBLE_QUOTES = new Set(['$', '`', '"', '\\']);

export function splitShellWords(text: string, inputName: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let at = 0;
  while (at < text.length) {
    const char = text.charAt(at);
    if (BLANKS.has(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
      at += 1;
    } else if (char === '#' && word === undefined) {
      const end = text.indexOf('\n', at);
      at = end === -1 ? text.length : end;
    } else if (char === '\\') {
      if (at + 1 >= text.length) throw new InputError(`${inputName}: ends with a lone backslash: remove it or write \\\\`);
      const next = text.charAt(at + 1);
      if (next !== '\n') word = (word ?? '') + next;
      at += 2;
    } else if (char === "'") {
      const end = text.indexOf("'", at + 1);
      if (end === -1) throw unterminated(inputName, 'single', at);
      word = (word ?? '') + text.slice(at + 1, end);
      at = end + 1;
    } else if (char === '"') {
      const quoted = readDoubleQuoted(text, at, inputName);
      word = (word ?? '') + quoted.value;
      at = quoted.next;
    } else if (OPERATORS.has(char)) {
      throw new InputError(
        `${inputName}: '${char}' at character ${at + 1} is a shell operator, but the command does not run in a shell: quote it, or run a shell yourself, such as sh -c '...'`,
      );
    } else {
      word = (word ?? '') + char;
      at += 1;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

function readDoubleQuoted(text: string, open: number, inputName: string): { value: string; next: number } {
  let value = '';
  let at = open + 1;
  while (at < text.length) {
    const char = text.charAt(at);
    if (char === '"') return { value, next: at + 1 };
    if (char === '\\' && at + 1 < text.length) {
      const next = text.charAt(at + 1);
      if (next === '\n') {
        at += 2;
        continue;
      }
      if (ESCAPABLE_IN_DOUBLE_QUOTES.has(next)) {
        value += next;
        at += 2;
        continue;
      }
    }
    value += char;
    at += 1;
  }
  throw unterminated(inputName, 'double', open);
}

function unterminated(inputName: string, kind: 'single' | 'double', at: number): InputError {
  return new InputError(`${inputName}: the ${kind} quote at character ${at + 1} is never closed: close it, or escape it with a backslash`);
}
