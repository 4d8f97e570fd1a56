import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import {
  ACTION_FILE,
  BENCH_DOC,
  COMPONENT_FILE,
  COMPONENT_JOB_INPUTS,
  README_FILE,
  quotedExample,
  generatedFiles,
  renderBenchDoc,
  replaceBetweenMarkers,
} from '../../scripts/generated-files.js';
import { BENCH_FILE } from '../../scripts/bench-figures.js';
import { dotenvKey } from '../../src/hosts/dotenv.js';
import { INPUTS, OUTPUTS, envName } from '../../src/inputs/schema.js';

const read = (path: string): string => readFileSync(path, 'utf8');
type Yaml = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const action = parse(read(ACTION_FILE)) as Yaml;
const [specDoc, jobDoc, ...extraDocs] = parseAllDocuments(read(COMPONENT_FILE)).map((doc) => doc.toJS() as Yaml);
const specInputs = (specDoc?.['spec']?.['inputs'] ?? {}) as Yaml;
const jobs = Object.entries(jobDoc ?? {});
const readme = read(README_FILE);

describe('committed files match the generator', () => {
  test.each([...generatedFiles(read)])('%s is up to date (run npm run generate)', (path, expected) => {
    expect(read(path)).toBe(expected);
  });
});

describe('action.yml', () => {
  test.each(INPUTS.map((input) => [input.name, input] as const))('input %s: description, default, not required', (name, input) => {
    const entry = action['inputs']?.[name] as Yaml | undefined;
    expect(entry?.['description']).toBe(input.description);
    expect(entry?.['required']).toBe(false);
    if (input.default === '') expect(entry).not.toHaveProperty('default');
    else expect(entry?.['default']).toBe(input.default);
  });

  test('has no input the schema lacks, and every output', () => {
    expect(Object.keys(action['inputs'] as Yaml)).toEqual(INPUTS.flatMap((input) => [input.name, ...(input.aliases ?? [])]));
    expect(action['outputs']).toEqual(Object.fromEntries(OUTPUTS.map((o) => [o.name, { description: o.description }])));
  });

  test('declares the aws-actions spellings without a default, so the input they stand for keeps its own', () => {
    const inputs = action['inputs'] as Record<string, Yaml>;
    expect(inputs['wait-for-task-stopped']).toEqual({ description: 'The name aws-actions uses for run-task-wait.', required: false });
    expect(inputs['run-task-assign-public-IP']).toEqual({ description: 'The name aws-actions uses for run-task-assign-public-ip.', required: false });
  });

  test('runs the bundle on node24 and is branded', () => {
    expect(action['runs']).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(action['name']).toBe('ecs-deliver');
    expect(action['branding']).toEqual({ icon: expect.any(String), color: expect.any(String) });
    expect(String(action['description']).length).toBeLessThanOrEqual(125);
  });
});

describe('GitLab component templates/deploy.yml', () => {
  const publicInputs = INPUTS.filter((input) => !input.secret);
  const secretInputs = INPUTS.filter((input) => input.secret);

  test('is a spec header and one job, without global keywords', () => {
    expect(Object.keys(specDoc ?? {})).toEqual(['spec']);
    expect(extraDocs).toEqual([]);
    expect(jobs.map(([name]) => name)).toEqual(['$[[ inputs.job-name ]]']);
  });

  test.each(publicInputs.map((input) => [input.name, input] as const))('input %s keeps the schema default and options', (name, input) => {
    const entry = specInputs[name] as Yaml | undefined;
    expect(String(entry?.['description'])).toMatch(new RegExp(`^${escapeRegExp(input.description)}( Quote the value, such as ${name}: "[^"]+"\\.)?$`));
    expect(String(entry?.['default'])).toBe(input.default);
    expect(['string', 'number', 'boolean']).toContain(entry?.['type']);
    if (input.default === '') expect(entry?.['type']).toBe('string');
    if (input.type === 'choice') expect(entry?.['options']).toEqual(input.options);
    if (entry?.['options']) expect(entry['options']).toContain(String(entry['default']));
  });

  test.each(publicInputs.map((input) => [input.name, input] as const))('input %s has the type of its values, or says to quote them', (name, input) => {
    const entry = specInputs[name] as Yaml;
    const typed = (input.type === 'number' || input.type === 'boolean') && input.default !== '';
    if (typed) {
      expect(entry['type']).toBe(input.type);
      expect(typeof entry['default']).toBe(input.type);
    } else {
      expect(entry['type']).toBe('string');
    }
    // A string input whose values YAML reads as numbers or booleans must be quoted by the consumer.
    const bareValues = [...(input.options ?? []), ...(input.type === 'boolean' ? ['true', 'false'] : [])].some((v) => v === 'true' || v === 'false');
    const quoteNeeded = !typed && (input.type === 'number' || input.type === 'boolean' || bareValues || /^task-(cpu|memory)$/.test(name));
    expect(String(entry['description']).includes('Quote the value'), String(entry['description'])).toBe(quoteNeeded);
    if (quoteNeeded) {
      const example = quotedExample(input) ?? '';
      const value = (parse(example) as Yaml)[name];
      expect(typeof value, `${example} is a string in YAML`).toBe('string');
      expect(entry['options'] ? entry['options'] : [value]).toContain(value);
    }
  });

  test.each(secretInputs.map((input) => [input.name]))('secret %s is no input, no job variable, and is documented', (name) => {
    expect(specInputs).not.toHaveProperty(name);
    const job = jobs[0]?.[1] as Yaml;
    expect(job['variables']).not.toHaveProperty(envName(name));
    expect(read(COMPONENT_FILE)).toContain(envName(name));
  });

  test('documents OIDC as an id_tokens entry for sts.amazonaws.com', () => {
    const text = read(COMPONENT_FILE);
    expect(text).toMatch(/id_tokens:\n#\s+ECS_DELIVER_WEB_IDENTITY_TOKEN:\n#\s+aud: sts\.amazonaws\.com/);
  });

  test('the job maps every input to its ECS_DELIVER_ variable and runs ecs-deliver with no arguments', () => {
    const job = jobs[0]?.[1] as Yaml;
    expect(job['variables']).toEqual({
      ECS_DELIVER_HOST: 'gitlab',
      ...Object.fromEntries(publicInputs.map((input) => [envName(input.name), `$[[ inputs.${input.name} ]]`])),
    });
    expect(job['script']).toEqual(['ecs-deliver']);
    expect(job['stage']).toBe('$[[ inputs.stage ]]');
    expect(job['image']).toEqual({ name: '$[[ inputs.job-image ]]', entrypoint: [''] });
    expect(job['artifacts']).toEqual({ when: 'always', paths: ['ecs-deliver-results.json'], reports: { dotenv: 'ecs-deliver.env' } });
  });

  test('every interpolated input is declared, and every declared input is used', () => {
    const used = new Set([...read(COMPONENT_FILE).matchAll(/\$\[\[\s*inputs\.([\w-]+)\s*\]\]/g)].map((m) => m[1]));
    expect([...used].sort()).toEqual(Object.keys(specInputs).sort());
    expect(Object.keys(specInputs)).toEqual([...Object.keys(COMPONENT_JOB_INPUTS), ...publicInputs.map((i) => i.name)]);
  });
});

describe('README tables', () => {
  const inputsSection = section(readme, 'inputs');
  const rows = new Map(
    [...inputsSection.matchAll(/^\| `([\w-]+)`[^|]*\| `(\w+)` \| (`[^`]*`)? ?\| (.*) \|$/gm)].map((m) => [
      m[1],
      { env: m[2], default: (m[3] ?? '').replace(/`/g, ''), description: m[4] },
    ]),
  );

  test.each(INPUTS.map((input) => [input.name, input] as const))('input %s has a row with its env name and default', (name, input) => {
    expect(rows.get(name)).toEqual({
      env: envName(name),
      default: input.default,
      description: expect.stringContaining(input.description),
    });
  });

  test('rows follow the schema order, one per input', () => {
    expect([...rows.keys()]).toEqual(INPUTS.map((input) => input.name));
  });

  test.each(OUTPUTS.map((output) => [output.name, output] as const))('output %s has a row with its dotenv key', (name, output) => {
    expect(section(readme, 'outputs')).toContain(`| \`${name}\` | \`${dotenvKey(name)}\` | ${output.description} |`);
  });

  test('marker replacement keeps the text around the markers', () => {
    const text = 'before\n<!-- x:start -->\nold\n<!-- x:end -->\nafter\n';
    expect(replaceBetweenMarkers(text, 'x', 'new')).toBe('before\n<!-- x:start -->\nnew\n<!-- x:end -->\nafter\n');
    expect(() => replaceBetweenMarkers('no markers', 'x', 'new')).toThrow('<!-- x:start -->');
  });
});

describe('examples use only inputs that exist', () => {
  test('.gitlab-ci.example.yml passes only component inputs, to this component', () => {
    const pipeline = parse(read('.gitlab-ci.example.yml')) as Yaml;
    const includes = (pipeline['include'] as Yaml[]).filter((entry) => 'component' in entry);
    expect(includes.length).toBeGreaterThan(0);
    for (const include of includes) {
      expect(include['component']).toMatch(/^\$CI_SERVER_FQDN\/.+\/ecs-deliver\/deploy@\d/);
      for (const name of Object.keys(include['inputs'] as Yaml)) expect(specInputs).toHaveProperty(name);
    }
  });

  test('.gitlab-ci.example.yml writes each input with the YAML type the component declares for it', () => {
    const pipeline = parse(read('.gitlab-ci.example.yml')) as Yaml;
    for (const include of (pipeline['include'] as Yaml[]).filter((entry) => 'component' in entry)) {
      for (const [name, value] of Object.entries(include['inputs'] as Yaml)) {
        expect(typeof value, `${name}: ${JSON.stringify(value)}`).toBe((specInputs[name] as Yaml | undefined)?.['type']);
      }
    }
  });

  test('the example GitHub workflow passes only action inputs', () => {
    const workflow = parse(read('.github/workflows/deploy-example.yml')) as Yaml;
    const steps = Object.values(workflow['jobs'] as Yaml).flatMap((job) => (job as Yaml)['steps'] as Yaml[]);
    const ours = steps.filter((step) => step['uses'] === './');
    expect(ours.length).toBe(1);
    for (const name of Object.keys(ours[0]?.['with'] as Yaml)) expect(action['inputs']).toHaveProperty(name);
    expect(workflow['permissions']).toMatchObject({ 'id-token': 'write' });
  });

  test('examples/Jenkinsfile passes only known flags, and no secret on the command line', () => {
    const jenkinsfile = read('examples/Jenkinsfile');
    const flags = [...jenkinsfile.matchAll(/^\s+--([\w-]+)/gm)].map((m) => m[1] ?? '');
    expect(flags.length).toBeGreaterThan(3);
    const known = new Set([...INPUTS.filter((i) => !i.secret).map((i) => i.name), 'json']);
    for (const flag of flags) expect(known).toContain(flag);
    expect(jenkinsfile).not.toMatch(/docker login|-p[= ]|--password[= ]/);
  });

  test.each(['.github/workflows/ci.yml', '.gitlab-ci.yml'])('%s is valid YAML', (path) => {
    expect(() => parse(read(path))).not.toThrow();
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function section(text: string, name: string): string {
  const start = text.indexOf(`<!-- ${name}:start -->`);
  const end = text.indexOf(`<!-- ${name}:end -->`);
  return start === -1 || end === -1 ? '' : text.slice(start, end);
}

describe('docs/bench.md', () => {
  const figures = JSON.parse(read(BENCH_FILE)) as Record<string, unknown>;

  test('shows the figures of docs/bench.json, with when, where and against what they were measured', () => {
    const page = renderBenchDoc(read(BENCH_DOC), JSON.stringify(figures));
    const machine = figures['machine'] as { cpus: number; node: string };
    expect(page).toContain(`Measured ${String(figures['date']).slice(0, 10)} at commit \`${String(figures['commit'])}\` on ${machine.cpus} ×`);
    expect(page).toContain(`Node ${machine.node}`);
    expect(page).toContain(String(figures['reference']));
    for (const row of figures['rows'] as { measure: string; ours: string }[]) expect(page).toContain(`| ${row.measure.replace(/\|/g, '\\|')} | ${row.ours.replace(/\|/g, '\\|')} |`);
  });

  test('a new bench run changes the page, so generate --check fails until it is regenerated', () => {
    const loaded = (figures['loaded'] as { run: string; files: number; bytes: number }[]).map((load) => ({ ...load, bytes: load.bytes + 1000 }));
    const before = renderBenchDoc(read(BENCH_DOC), JSON.stringify(figures));
    const after = renderBenchDoc(read(BENCH_DOC), JSON.stringify({ ...figures, loaded }));
    expect(after).not.toBe(before);
    expect(before).toBe(read(BENCH_DOC));
  });

  test('the README holds no measured figure of its own: bytes loaded, memory and call rates are in docs/bench.md', () => {
    expect(readme).not.toMatch(/entry file only|bytes of dist|peak of \d+ MB|\d+ MB\b|per 7\.5 s/i);
  });
});

describe('the README on how to write component inputs', () => {
  const text = section(readme, 'component-types');

  test('every bare example is a typed input of the component, every quoted one a string input', () => {
    const bare = [...text.matchAll(/\(([^()]*)\)\. Inputs/g)].flatMap((match) => (match[1] ?? '').split(', '));
    const quoted = [...text.matchAll(/([\w-]+): "[^"]*"/g)].map((match) => match[1] ?? '');
    expect(bare.length).toBeGreaterThan(0);
    expect(quoted.length).toBeGreaterThan(0);
    for (const example of bare) {
      const [name, value] = example.split(': ');
      const type = specInputs[name ?? '']?.['type'] as string | undefined;
      expect(type, `${example} is written bare`).toMatch(/^(number|boolean)$/);
      expect(typeof parse(`v: ${value ?? ''}`)['v']).toBe(type);
    }
    for (const name of quoted) expect(specInputs[name]?.['type'], `${name} is written quoted`).toBe('string');
  });
});
