// The services-file: `defaults` and `services`, each a mapping of inputs checked against the one input schema.
// An entry's inputs reach parseInputs as raw strings, so an entry is read exactly as a single-service run reads
// its flags: entry first, then the file's defaults, then the inputs given the usual way.
import { InputError } from '../errors.js';
import type { RawInputs } from '../inputs/parse.js';
import { envName, INPUTS, type InputSpec } from '../inputs/schema.js';
import { closest } from '../inputs/sources.js';
import type { YamlLibrary } from '../taskdef/parse-file.js';

/** One mapping of the file (an entry or the defaults), by canonical input name. */
export type EntryValues = ReadonlyMap<string, string>;

export interface ServicesFile {
  path: string;
  defaults: EntryValues;
  entries: readonly ServiceEntry[];
}

export interface ServiceEntry {
  /** 1-based, as a person counts the entries of the file. */
  number: number;
  values: EntryValues;
}

/** Parses the file's text; YAML needs the library, which the caller loads only for text that is not JSON. */
export function parseServicesFile(text: string, path: string, yaml?: YamlLibrary): ServicesFile {
  const document = parseDocument(text, path, yaml);
  if (document === null || document === undefined) throw new InputError(`services-file: ${path} is empty; list the services under "services:".`);
  const where = `services-file ${path}`;
  if (!isMapping(document)) throw new InputError(`${where}: must be a mapping with services (and optionally defaults).`);
  for (const key of Object.keys(document)) {
    if (key !== 'defaults' && key !== 'services') {
      const meant = closest(key, ['defaults', 'services']);
      throw new InputError(`${where}: unknown key "${key}"${meant ? `; did you mean ${meant}?` : ''}; the file holds defaults and services.`);
    }
  }
  const rawDefaults = document['defaults'] ?? {};
  if (!isMapping(rawDefaults)) throw new InputError(`${where}: defaults must be a mapping of inputs, such as cluster: prod.`);
  const services = document['services'];
  if (!Array.isArray(services) || services.length === 0) {
    throw new InputError(`${where}: services must be a list with one entry per service, such as - service: web.`);
  }
  // Every wrong key of every mapping is named at once, so one edit of the file fixes them all.
  const problems: string[] = [];
  const defaults = entryValues(rawDefaults, `${where}, defaults`, problems);
  const entries = services.map((entry: unknown, index): ServiceEntry => {
    const number = index + 1;
    if (!isMapping(entry)) {
      problems.push(`${where}, entry ${number}: must be a mapping of inputs, such as service: web.`);
      return { number, values: new Map() };
    }
    const label = typeof entry['service'] === 'string' && entry['service'].trim() !== '' ? ` (${entry['service']})` : '';
    return { number, values: entryValues(entry, `${where}, entry ${number}${label}`, problems) };
  });
  if (problems.length > 0) throw new InputError(problems.join('\n'));
  return { path, defaults, entries };
}

/** How an entry names itself in messages: its service (or family), else its number. */
export function entryLabel(file: ServicesFile, entry: ServiceEntry): string {
  const named = entry.values.get('service') ?? entry.values.get('family') ?? entry.values.get('task-definition');
  return `services-file ${file.path}, entry ${entry.number}${named ? ` (${named})` : ''}`;
}

/** The entry's inputs over the file's defaults over the inputs given the usual way. */
export function entryInputs(file: ServicesFile, entry: ServiceEntry, usual: RawInputs): RawInputs {
  const layers: readonly EntryValues[] = [entry.values, file.defaults];
  const dropped = dropsWaitForMinutes(layers);
  const layered = (name: string): string => entry.values.get(name) ?? file.defaults.get(name) ?? usual(name);
  const read = (name: string): string => {
    if (name === 'wait-for-minutes' && dropped) return '';
    // The other timeout, set nowhere, still takes the wait-for-minutes that gave way.
    if (dropped && TIMEOUTS.includes(name) && !layers.some((values) => values.has(name)) && !(usual.given?.(name) ?? false)) {
      const minutes = layered('wait-for-minutes');
      if (/^\d+$/.test(minutes.trim())) return `${minutes.trim()}m`;
    }
    return layered(name);
  };
  return Object.assign(read, {
    given: (name: string): boolean => {
      if (name === 'wait-for-minutes' && dropped) return false;
      return entry.values.has(name) || file.defaults.has(name) || (usual.given?.(name) ?? false);
    },
  });
}

/**
 * wait-for-minutes is the older spelling of both timeouts; a timeout set closer to the entry (the entry over the
 * defaults over the usual inputs) wins over a wait-for-minutes from further out, instead of refusing them as both set.
 */
const TIMEOUTS = ['wait-timeout', 'run-task-timeout'];

function dropsWaitForMinutes(layers: readonly EntryValues[]): boolean {
  const layerOf = (name: string): number => {
    const found = layers.findIndex((values) => values.has(name));
    return found === -1 ? layers.length : found;
  };
  const timeout = Math.min(layerOf('wait-timeout'), layerOf('run-task-timeout'));
  return timeout < layers.length && layerOf('wait-for-minutes') > timeout;
}

function parseDocument(text: string, path: string, yaml: YamlLibrary | undefined): unknown {
  const content = text.replace(/^\uFEFF/, '');
  if (content.trim() === '') return undefined;
  if (!yaml) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(content) as unknown;
    } catch (error) {
      throw new InputError(`services-file: ${path} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
    }
    const repeated = firstRepeatedJsonKey(content);
    if (repeated) throw new InputError(`services-file: ${path} gives "${repeated.key}" twice in one object (line ${repeated.line}); keep one.`);
    return parsed;
  }
  // Failsafe: every scalar stays the text written, so 1.10, 01234 or a long account number reach the input unchanged.
  const document = yaml.parseDocument(content, { schema: 'failsafe', uniqueKeys: true, prettyErrors: false });
  const problem = document.errors[0];
  if (problem) throw new InputError(`services-file: ${path} is not valid YAML or JSON (${problem.message.split('\n')[0] ?? ''}).`);
  try {
    return document.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (error) {
    // The library refuses aliases that expand past the count: a file built to exhaust memory, or one to simplify.
    throw new InputError(`services-file: ${path} expands YAML aliases too often (${error instanceof Error ? error.message : String(error)}); write the values out instead of nesting aliases.`);
  }
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const BY_SPELLING = new Map<string, InputSpec>(INPUTS.flatMap((spec) => [spec.name, ...(spec.aliases ?? [])].map((name) => [name, spec] as const)));

/** Checks every key of one mapping against the schema and turns its values into the strings an input takes. */
function entryValues(mapping: Record<string, unknown>, where: string, problems: string[]): EntryValues {
  const values = new Map<string, string>();
  for (const [key, value] of Object.entries(mapping)) {
    const problem = keyProblem(key, values, where);
    if (problem) {
      problems.push(problem);
      continue;
    }
    const name = BY_SPELLING.get(key)?.name ?? key;
    try {
      const text = inputText(value, `${where}: ${key}`);
      // An empty service would turn the entry into a register-only run that reports success.
      if (name === 'service' && text.trim() === '') throw new InputError(`${where}: service is empty; name the service to deploy, or remove the entry.`);
      values.set(name, text);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(error.message);
    }
  }
  return values;
}

/** What is wrong with a key of an entry or the defaults, if anything. */
function keyProblem(key: string, values: EntryValues, where: string): string | undefined {
  const spec = BY_SPELLING.get(key);
  if (!spec) {
    const meant = closest(key, INPUTS.filter((input) => !input.runWide && !input.secret).map((input) => input.name));
    return `${where}: unknown input "${key}"${meant ? `; did you mean ${meant}?` : '; see the inputs in the README.'}`;
  }
  if (spec.secret) return `${where}: ${key} is a secret and is not read from a file; set ${envName(spec.name)} instead.`;
  if (spec.runWide) return `${where}: ${key} holds for the whole run and cannot differ per service; give it outside the file (a flag, ${envName(spec.name)} or with:).`;
  if (values.has(spec.name)) return `${where}: ${spec.name} is given twice (as ${key} too); keep one.`;
  return undefined;
}

/** Scalars as their text; a list as lines; a mapping as KEY=VALUE lines (environment, secrets, tags, build-args). */
function inputText(value: unknown, where: string): string {
  if (Array.isArray(value)) {
    return value.map((item) => (isScalar(item) ? scalarText(item, where) : refuse(where))).join('\n');
  }
  if (isMapping(value)) {
    return Object.entries(value)
      .map(([key, item]) => (isScalar(item) ? `${key}=${scalarText(item, `${where}: ${key}`)}` : refuse(where)))
      .join('\n');
  }
  if (isScalar(value) || value === undefined) return scalarText(value ?? null, where);
  return refuse(where);
}

/**
 * A scalar as its text. YAML scalars arrive as written; a JSON number has lost its text, so only a whole number
 * that String() gives back exactly is taken; 1.10 or 12345678901234567890 would change, so they must be quoted.
 */
function scalarText(value: string | number | boolean | null, where: string): string {
  if (value === null) return '';
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new InputError(`${where}: JSON reads this number as ${String(value)}, which may not be what the file says; write it in quotes, as text.`);
  }
  return String(value);
}

function isScalar(value: unknown): value is string | number | boolean | null {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function refuse(where: string): never {
  throw new InputError(`${where}: give a text, a number, true/false, a list of lines or a mapping of KEY: value.`);
}

/**
 * The first key given twice in one object of a JSON text that JSON.parse accepted (JSON.parse keeps the last
 * silently, where the YAML reader refuses the file).
 */
function firstRepeatedJsonKey(text: string): { key: string; line: number } | undefined {
  const objects: (Set<string> | undefined)[] = [];
  let expectingKey = false;
  let line = 1;
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at];
    if (char === '\n') line += 1;
    else if (char === '{') {
      objects.push(new Set());
      expectingKey = true;
    } else if (char === '[') {
      objects.push(undefined);
    } else if (char === '}' || char === ']') {
      objects.pop();
    } else if (char === ',') {
      expectingKey = objects.at(-1) !== undefined;
    } else if (char === '"') {
      let end = at + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const keys = objects.at(-1);
      if (expectingKey && keys) {
        const key = JSON.parse(text.slice(at, end + 1)) as string;
        if (keys.has(key)) return { key, line };
        keys.add(key);
      }
      expectingKey = false;
      at = end;
    }
  }
  return undefined;
}
