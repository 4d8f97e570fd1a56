// Reads a task definition file (JSON or YAML) in either shape people keep them in: the RegisterTaskDefinition
// input, or the DescribeTaskDefinition output (`{"taskDefinition": {...}, "tags": [...]}`) saved from the CLI.
// Fields this code does not know are kept as written. Messages say where the problem is, never the text
// around it: a task definition file may hold environment values.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { InputError } from '../errors.js';
import { describeKind, isPlainObject, withoutNulls, type PlainObject } from './plain-data.js';
import { READ_ONLY_FIELDS } from './read-only.js';
import type { ContainerDefinition, Tag, TaskDefinition, TaskDefinitionDocument } from './types.js';
import { checkTaskDefinitionTypes } from './validate.js';

/** A task definition file is far larger than any ECS registers (64 KiB) well before this. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Deeper than any task definition nests; deeper data is refused before code that walks it. */
export const MAX_DEPTH = 64;

/**
 * Reads a task definition file as text, bounded: a device (/dev/zero), a directory or a file over
 * MAX_FILE_BYTES is refused, named by the input, before it is read whole.
 */
export function readTaskDefinitionFile(path: string, shownAs = path, inputName = 'task-definition'): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new InputError(`${inputName}: cannot read "${shownAs}" (${code}); give a path relative to the working directory.`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      throw new InputError(`${inputName}: "${shownAs}" is not a regular file; give the path of a JSON or YAML task definition.`);
    }
    if (stat.size > MAX_FILE_BYTES) {
      throw new InputError(`${inputName}: "${shownAs}" is ${stat.size} bytes; a task definition file is at most ${MAX_FILE_BYTES} bytes.`);
    }
    const buffer = Buffer.alloc(MAX_FILE_BYTES + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > MAX_FILE_BYTES) {
        throw new InputError(`${inputName}: "${shownAs}" is over ${MAX_FILE_BYTES} bytes; a task definition file is at most that.`);
      }
    }
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** The part of the `yaml` library parsing uses; passed in, so that a run reading a JSON file never loads it. */
export type YamlLibrary = Pick<typeof import('yaml'), 'parseDocument'>;

/**
 * Whether parseTaskDefinitionText needs the YAML library for this text: anything but a plain JSON document (YAML,
 * a YAML flow mapping starting with '{', or text no parser accepts, whose message comes from both).
 */
export function needsYaml(text: string): boolean {
  const content = withoutBom(text);
  if (!/^\s*[{[]/.test(content)) return content.trim() !== '';
  try {
    JSON.parse(content);
    return false;
  } catch {
    return true;
  }
}

/**
 * Parses a task definition file's text; messages start with the input and the file: "task-definition: web.json: ...".
 * `yaml` may be left out when needsYaml(text) is false.
 */
export function parseTaskDefinitionText(text: string, source: string, yaml?: YamlLibrary, inputName = 'task-definition'): TaskDefinitionDocument {
  const named = `${inputName}: ${source}`;
  if (text.length > MAX_FILE_BYTES) {
    throw new InputError(`${named}: the file is over ${MAX_FILE_BYTES} bytes; a task definition file is at most that.`);
  }
  const data = parseJsonOrYaml(text, named, yaml);
  checkDepth(data, named);
  const document = toTaskDefinitionDocument(data, named);
  checkTaskDefinitionTypes(document.taskDefinition, named);
  return document;
}

/** The deepest bracket nesting in the text, strings included: an overestimate is harmless at the bound used. */
function bracketDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 91 || char === 123) deepest = Math.max(deepest, ++depth);
    else if ((char === 93 || char === 125) && depth > 0) depth--;
  }
  return deepest;
}

function checkDepth(value: unknown, source: string): void {
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, depth] = next;
    if (typeof item !== 'object' || item === null) continue;
    if (depth > MAX_DEPTH) throw new InputError(`${source}: nested more than ${MAX_DEPTH} levels deep; a task definition never is`);
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
}

/**
 * Turns parsed data, or a DescribeTaskDefinition answer from the SDK, into a document that can be edited and
 * registered: read-only fields and nulls dropped, tags beside the definition.
 */
export function toTaskDefinitionDocument(value: unknown, source: string): TaskDefinitionDocument {
  const root = withoutNulls(value);
  if (!isPlainObject(root)) {
    throw new InputError(`${source}: expected a task definition object, found ${describeKind(root)}`);
  }
  const described = 'taskDefinition' in root;
  const body = described ? root['taskDefinition'] : root;
  if (!isPlainObject(body)) {
    throw new InputError(`${source}: taskDefinition must be an object, found ${describeKind(body)}`);
  }
  const taskDefinition: PlainObject = {};
  for (const [key, field] of Object.entries(body)) {
    if (!(READ_ONLY_FIELDS as readonly string[]).includes(key) && key !== 'tags') taskDefinition[key] = field;
  }
  checkContainers(taskDefinition['containerDefinitions'], source);
  for (const key of ['cpu', 'memory'] as const) {
    // YAML reads `cpu: 256` as a number; RegisterTaskDefinition takes the task size as a string.
    const size = taskDefinition[key];
    if (typeof size === 'number' && Number.isInteger(size)) taskDefinition[key] = String(size);
  }
  const tags = mergeTags(readTags(body['tags'], source, 'tags'), described ? readTags(root['tags'], source, 'tags') : []);
  return { taskDefinition: taskDefinition as TaskDefinition, tags };
}

function parseJsonOrYaml(text: string, source: string, yaml: YamlLibrary | undefined): unknown {
  // Parsers take long or overflow the stack on brackets nested thousands deep; a quick count refuses them first.
  if (bracketDepth(text) > MAX_DEPTH * 16) throw new InputError(`${source}: nested more than ${MAX_DEPTH} levels deep; a task definition never is`);
  try {
    return parseJsonOrYamlText(text, source, yaml);
  } catch (error) {
    if (error instanceof RangeError) throw new InputError(`${source}: nested too deeply to read; a task definition never is`);
    throw error;
  }
}

const withoutBom = (text: string): string => (text.startsWith('\uFEFF') ? text.slice(1) : text);

function parseJsonOrYamlText(text: string, source: string, yaml: YamlLibrary | undefined): unknown {
  const content = withoutBom(text);
  const parseYaml = (yamlText: string): YamlResult => {
    if (!yaml) throw new Error(`parseTaskDefinitionText: ${source} is not plain JSON and no YAML library was given (see needsYaml)`);
    return parseYamlWith(yaml, yamlText);
  };
  if (content.trim() === '') throw new InputError(`${source}: the file is empty: it must hold a task definition (JSON or YAML)`);
  const looksLikeJson = /^\s*[{[]/.test(content);
  if (looksLikeJson) {
    try {
      return JSON.parse(content) as unknown;
    } catch (error) {
      // A YAML flow mapping (unquoted keys, trailing commas) also starts with '{'.
      const parsed = parseYaml(content);
      if (parsed.ok) return parsed.value;
      throw new InputError(`${source}: invalid JSON${jsonErrorDetail(error, content, parsed.position)}`);
    }
  }
  const parsed = parseYaml(content);
  if (parsed.ok) return parsed.value;
  throw new InputError(`${source}: invalid YAML${parsed.position ? ` at line ${parsed.position.line}, column ${parsed.position.col}` : ''}: ${parsed.reason}`);
}

interface Position {
  line: number;
  col: number;
}

type YamlResult = { ok: true; value: unknown } | { ok: false; reason: string; position?: Position };

function parseYamlWith({ parseDocument }: YamlLibrary, text: string): YamlResult {
  // YAML 1.2 core schema: `on`, `yes` and `no` stay strings, as in JSON.
  const document = parseDocument(text, { version: '1.2', schema: 'core', uniqueKeys: true });
  const [error] = document.errors;
  if (!error) {
    try {
      return { ok: true, value: document.toJS({ maxAliasCount: 100 }) as unknown };
    } catch (aliasError) {
      if (aliasError instanceof RangeError) throw aliasError;
      // An alias bomb: the data would expand far beyond anything a task definition holds.
      return { ok: false, reason: `its aliases expand too far (${aliasError instanceof Error ? aliasError.message.split('\n')[0] : 'alias'})` };
    }
  }
  const position = error.linePos?.[0];
  // The message ends with the lines around the error, which are not for the log.
  const reason =
    error.code === 'MULTIPLE_DOCS'
      ? 'the file holds several YAML documents: keep one'
      : error.message.replace(/ at line \d+, column \d+[\s\S]*$/, '');
  return position ? { ok: false, reason, position } : { ok: false, reason };
}

function jsonErrorDetail(error: unknown, text: string, fallback: Position | undefined): string {
  const message = error instanceof Error ? error.message : '';
  // Node may quote the text it failed on (`, "..." is not valid JSON`); only the reason before it is printed.
  const reason = message.replace(/, (\.\.\.)?".*$/s, '').replace(/( in JSON)? at position \d+.*$/s, '');
  const offset = /at position (\d+)/.exec(message)?.[1];
  const position = offset === undefined ? fallback : positionOf(text, Number(offset));
  return `${position ? ` at line ${position.line}, column ${position.col}` : ''}${reason ? `: ${reason}` : ''}`;
}

function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, col: (before.at(-1)?.length ?? 0) + 1 };
}

function checkContainers(containers: unknown, source: string): void {
  if (containers === undefined) {
    throw new InputError(`${source}: containerDefinitions is missing: a task definition needs a list of containers`);
  }
  if (!Array.isArray(containers)) {
    throw new InputError(`${source}: containerDefinitions must be a list, found ${describeKind(containers)}`);
  }
  for (const [index, container] of containers.entries()) {
    const where = `containerDefinitions[${index}]`;
    if (!isPlainObject(container)) throw new InputError(`${source}: ${where} must be an object, found ${describeKind(container)}`);
    checkNamedStrings(container, 'environment', 'value', source, where);
    checkNamedStrings(container, 'secrets', 'valueFrom', source, where);
  }
}

/** environment and secrets: lists of {name, value|valueFrom} whose values are strings ECS passes on as written. */
function checkNamedStrings(container: ContainerDefinition, field: 'environment' | 'secrets', valueKey: string, source: string, where: string): void {
  const list = container[field];
  if (list === undefined) return;
  if (!Array.isArray(list)) throw new InputError(`${source}: ${where}.${field} must be a list, found ${describeKind(list)}`);
  for (const [index, entry] of (list as unknown[]).entries()) {
    const at = `${where}.${field}[${index}]`;
    if (!isPlainObject(entry)) throw new InputError(`${source}: ${at} must be an object with name and ${valueKey}`);
    if (typeof entry['name'] !== 'string') throw new InputError(`${source}: ${at}.name must be a string`);
    const value = entry[valueKey];
    if (value !== undefined && typeof value !== 'string') {
      throw new InputError(`${source}: ${at}.${valueKey} (${entry['name']}) must be a string, found ${describeKind(value)}: quote it`);
    }
  }
}

function readTags(value: unknown, source: string, where: string): Tag[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new InputError(`${source}: ${where} must be a list of {key, value}, found ${describeKind(value)}`);
  return value.map((entry: unknown, index) => {
    const at = `${where}[${index}]`;
    if (!isPlainObject(entry)) throw new InputError(`${source}: ${at} must be an object with key and value`);
    const { key, value: tagValue = '' } = entry;
    if (typeof key !== 'string' || key === '') throw new InputError(`${source}: ${at}.key must be a non-empty string`);
    if (typeof tagValue !== 'string') throw new InputError(`${source}: ${at}.value (${key}) must be a string, found ${describeKind(tagValue)}: quote it`);
    return { key, value: tagValue };
  });
}

/** Tags by key; a later list wins, a key keeps the place it first had. */
export function mergeTags(...lists: readonly (readonly Tag[])[]): Tag[] {
  const merged = new Map<string, string>();
  for (const list of lists) for (const tag of list) merged.set(tag.key, tag.value);
  return [...merged].map(([key, value]) => ({ key, value }));
}
