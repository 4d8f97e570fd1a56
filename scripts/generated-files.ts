// What `npm run generate` writes: action.yml, the GitLab component and the README tables, all from the one
// input schema. Pure functions of the schema, so the test can tell when a committed file has drifted.
import { Document, Scalar } from 'yaml';
import { GROUP_TITLES, INPUTS, OUTPUTS, envName, type InputGroup, type InputSpec } from '../src/inputs/schema.js';
import { dotenvKey } from '../src/hosts/dotenv.js';
import { RESULTS_FILE } from '../src/hosts/gitlab.js';
import { BENCH_FILE, parseBenchFigures, renderBenchTables } from './bench-figures.js';

export const ACTION_FILE = 'action.yml';
export const COMPONENT_FILE = 'templates/deploy.yml';
export const README_FILE = 'README.md';
export const BENCH_DOC = 'docs/bench.md';

export const DEFAULT_JOB_IMAGE = 'registry.gitlab.com/ecs-deliver/ecs-deliver:2';
export const DOTENV_REPORT = 'ecs-deliver.env';

const GENERATED_NOTE = 'Generated from src/inputs/schema.ts by scripts/generate.ts: edit the schema, then run npm run generate.';
const YAML_OPTIONS = { lineWidth: 0, indent: 2 } as const;

/** Inputs of the component that are not schema inputs: how the job itself is made. */
export const COMPONENT_JOB_INPUTS = {
  'job-name': { default: 'deploy', description: 'Name of the job.' },
  stage: { default: 'deploy', description: 'Stage the job runs in.' },
  'job-image': {
    default: DEFAULT_JOB_IMAGE,
    description: 'Image the job runs in: ecs-deliver with the docker CLI (its entrypoint is reset for the job shell).',
  },
} as const;

export function renderActionYml(): string {
  const inputs = Object.fromEntries(
    INPUTS.flatMap((input) => [
      [
        input.name,
        {
          description: input.description,
          required: false,
          ...(input.default === '' ? {} : { default: input.default }),
        },
      ],
      // Declared so that GitHub does not warn about them; without a default, so the input's own default stands.
      ...(input.aliases ?? []).map((alias) => [alias, { description: `The name aws-actions uses for ${input.name}.`, required: false }]),
    ]),
  );
  const outputs = Object.fromEntries(OUTPUTS.map((output) => [output.name, { description: output.description }]));
  const doc = new Document({
    name: 'ecs-deliver',
    description:
      'Deliver a container image to AWS ECS: build, push, register the task definition, update the service, watch the rollout.',
    branding: { icon: 'upload-cloud', color: 'orange' },
    inputs,
    outputs,
    runs: { using: 'node24', main: 'dist/index.js' },
  });
  doc.commentBefore = ` ${GENERATED_NOTE}`;
  return doc.toString(YAML_OPTIONS);
}

/**
 * String inputs whose values are often written as bare numbers (`task-cpu: 256`), which GitLab refuses for a
 * string input, with the numbers the component's descriptions show them quoted with.
 */
const NUMERIC_STRINGS: Readonly<Record<string, string>> = { 'task-cpu': '256', 'task-memory': '512' };
const NUMBER_EXAMPLES: Readonly<Record<string, string>> = {
  memory: '512',
  cpu: '256',
  'container-port': '8080',
  'host-port': '8080',
  'keep-revisions': '10',
  'desired-count': '2',
  'max-failed-tasks': '3',
  'max-parallel': '5',
  'max-parallel-builds': '4',
};

export type ComponentType = 'string' | 'number' | 'boolean';

/**
 * The GitLab type an input takes in the component: boolean and number where a fixed default allows one
 * (GitLab's typed inputs cannot be left unset), string for everything else.
 */
export function componentType(input: InputSpec): ComponentType {
  if (input.default === '') return 'string';
  if (input.type === 'boolean') return 'boolean';
  if (input.type === 'number') return 'number';
  return 'string';
}

/**
 * How a consumer writes a value of a string input that YAML would read as a number or a boolean (an optional
 * number, a tri-state boolean, a choice with true and false), quoted; undefined for the other inputs.
 */
export function quotedExample(input: InputSpec): string | undefined {
  if (componentType(input) !== 'string') return undefined;
  const numeric = input.type === 'number' ? (NUMBER_EXAMPLES[input.name] ?? '1') : NUMERIC_STRINGS[input.name];
  if (numeric !== undefined) return `${input.name}: "${numeric}"`;
  const values = input.type === 'boolean' ? ['true', 'false'] : (input.options ?? []);
  return values.includes('false') ? `${input.name}: "false"` : undefined;
}

/** The component's spec entry for one schema input: GitLab's own types where a fixed default allows one. */
export function componentInput(input: InputSpec): Record<string, unknown> {
  const type = componentType(input);
  const spec: Record<string, unknown> = { type };
  if (type === 'boolean') spec['default'] = input.default === 'true';
  else if (type === 'number') spec['default'] = Number(input.default);
  else {
    // An optional input stays a string with an empty default, so leaving it out leaves it unset.
    spec['default'] = input.default;
    if (input.type === 'choice' && input.options) spec['options'] = [...input.options];
    if (input.type === 'boolean') spec['options'] = ['', 'true', 'false'];
  }
  const quote = quotedExample(input);
  spec['description'] = quote ? `${input.description} Quote the value, such as ${quote}.` : input.description;
  return spec;
}

export function componentInputs(): readonly InputSpec[] {
  return INPUTS.filter((input) => !input.secret);
}

export function renderComponentYml(): string {
  const specInputs: Record<string, unknown> = {};
  for (const [name, input] of Object.entries(COMPONENT_JOB_INPUTS)) {
    specInputs[name] = { type: 'string', default: input.default, description: input.description };
  }
  for (const input of componentInputs()) specInputs[input.name] = componentInput(input);
  const header = new Document({ spec: { inputs: specInputs } });
  header.commentBefore = componentHeaderComment();

  const variables = {
    // gitlab-ci-local and other runners of a job outside GitLab do not set GITLAB_CI=true; the report still counts.
    ECS_DELIVER_HOST: 'gitlab',
    ...Object.fromEntries(componentInputs().map((input) => [envName(input.name), variableValue(input)])),
  };
  const job = new Document({
    '$[[ inputs.job-name ]]': {
      stage: '$[[ inputs.stage ]]',
      image: { name: '$[[ inputs.job-image ]]', entrypoint: [''] },
      variables,
      script: ['ecs-deliver'],
      // A run of many services (services-file) writes every service's result here; the dotenv report stays small.
      artifacts: { when: 'always', paths: [RESULTS_FILE], reports: { dotenv: DOTENV_REPORT } },
    },
  });
  return `${header.toString(YAML_OPTIONS)}---\n${job.toString(YAML_OPTIONS)}`;
}

/**
 * A block that is a whole value takes the input's type: a number or boolean input gives the job variable a
 * YAML number or boolean, which the job sees as its text ("300", "true"). The quotes only mark those inputs.
 */
function variableValue(input: InputSpec): string | Scalar {
  const text = `$[[ inputs.${input.name} ]]`;
  if (componentType(input) === 'string') return text;
  const quoted = new Scalar(text);
  quoted.type = Scalar.QUOTE_DOUBLE;
  return quoted;
}

function componentHeaderComment(): string {
  const secrets = INPUTS.filter((input) => input.secret).map((input) => input.name);
  return [
    ` ${GENERATED_NOTE}`,
    '',
    ' ecs-deliver as a GitLab CI/CD component: one job that delivers an image to an ECS service and ends when the',
    ' rollout ends. Its outputs reach later jobs as ECS_DELIVERED_* variables through a dotenv report.',
    ` Every run writes its result to the artifact ${RESULTS_FILE}: one object per service (the results output).`,
    ' Each input becomes the job variable ECS_DELIVER_<NAME>; a project or group CI/CD variable of that name',
    ' takes precedence over the input, as GitLab ranks those above job variables. Values are expanded like any',
    ' job variable ($CI_COMMIT_SHA works); write $$ for a literal $.',
    '',
    ` Numbers and booleans that have a default are typed (${typedExamples()}); write them bare. Inputs that`,
    ' can be left unset are strings, and GitLab refuses a bare number or true/false for them ("provided value is',
    ` not a string"): quote those values (${quotedExamples()}).`,
    '',
    ` Secrets (${secrets.join(', ')}) are not inputs, because input values are part of the pipeline`,
    ' configuration. Give them to the job as variables instead:',
    '   - registry-password: a masked CI/CD variable named ECS_DELIVER_REGISTRY_PASSWORD.',
    '   - web-identity-token (OIDC, no long-lived AWS keys): set the role-arn input and add to the job',
    '       <job-name>:',
    '         id_tokens:',
    '           ECS_DELIVER_WEB_IDENTITY_TOKEN:',
    '             aud: sts.amazonaws.com',
    '',
    ' To build or push images the job needs a Docker daemon: add services: [docker:27-dind] to the job, with',
    ' DOCKER_HOST, DOCKER_TLS_CERTDIR and DOCKER_CERT_PATH set as the GitLab Docker-in-Docker guide shows.',
  ].join('\n');
}

/** The README's account of which component inputs are typed, from the spec itself, so the two cannot differ. */
export function renderComponentTypes(): string {
  return [
    `<!-- ${GENERATED_NOTE} -->`,
    'GitLab component inputs: numbers and booleans that have a default are typed inputs; write them bare',
    `(${typedExamples()}). Inputs that can be left unset are strings, and GitLab refuses a bare number or`,
    `\`true\`/\`false\` for them ("provided value is not a string"): quote those values (${quotedExamples()}).`,
  ].join('\n');
}

function typedExamples(): string {
  const typed = componentInputs().filter((input) => componentType(input) !== 'string');
  const example = (type: ComponentType) => typed.find((input) => componentType(input) === type);
  return [example('number'), example('boolean')]
    .filter((input): input is InputSpec => input !== undefined)
    .map((input) => `${input.name}: ${input.type === 'boolean' ? String(input.default !== 'true') : (NUMBER_EXAMPLES[input.name] ?? '1')}`)
    .join(', ');
}

function quotedExamples(): string {
  const quoted = componentInputs().map(quotedExample).filter((example): example is string => example !== undefined);
  return [quoted.find((q) => q.startsWith('memory')), quoted.find((q) => q.startsWith('push')), quoted.find((q) => q.startsWith('verify-image'))]
    .filter((q): q is string => q !== undefined)
    .join(', ');
}

export function renderInputTables(): string {
  const parts: string[] = [`<!-- ${GENERATED_NOTE} -->`];
  for (const [group, title] of Object.entries(GROUP_TITLES) as [InputGroup, string][]) {
    const rows = INPUTS.filter((input) => input.group === group).map(inputRow);
    parts.push(`#### ${title}`, ['| Input | Environment variable | Default | Description |', '|---|---|---|---|', ...rows].join('\n'));
  }
  return parts.join('\n\n');
}

function inputRow(input: InputSpec): string {
  const name = input.secret ? `\`${input.name}\` (secret)` : `\`${input.name}\``;
  const defaultCell = input.default === '' ? '' : `\`${input.default}\``;
  const options = (input.options ?? []).filter((option) => option !== '');
  const description =
    input.type === 'choice' ? `${input.description} One of ${options.map((o) => `\`${o}\``).join(', ')}.` : input.description;
  return `| ${name} | \`${envName(input.name)}\` | ${defaultCell} | ${tableCell(description)} |`;
}

export function renderOutputTable(): string {
  const rows = OUTPUTS.map(
    (output) => `| \`${output.name}\` | \`${dotenvKey(output.name)}\` | ${tableCell(output.description)} |`,
  );
  return [`<!-- ${GENERATED_NOTE} -->`, ['| Output | GitLab dotenv variable | Description |', '|---|---|---|', ...rows].join('\n')].join(
    '\n\n',
  );
}

function tableCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** `text` with the lines between `<!-- name:start -->` and `<!-- name:end -->` replaced by `content`. */
export function replaceBetweenMarkers(text: string, name: string, content: string, file = README_FILE): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to === -1 || to < from) throw new Error(`${file} needs the markers ${start} and ${end}, in that order`);
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}

export function renderReadme(current: string): string {
  const withInputs = replaceBetweenMarkers(current, 'inputs', renderInputTables());
  const withTypes = replaceBetweenMarkers(withInputs, 'component-types', renderComponentTypes());
  return replaceBetweenMarkers(withTypes, 'outputs', renderOutputTable());
}

/** docs/bench.md with its tables made from the figures the last complete bench run wrote. */
export function renderBenchDoc(current: string, figures: string): string {
  return replaceBetweenMarkers(current, 'bench', renderBenchTables(parseBenchFigures(figures)), BENCH_DOC);
}

/** Every generated file as it should be, given how to read the committed README. */
export function generatedFiles(read: (path: string) => string): Map<string, string> {
  return new Map([
    [ACTION_FILE, renderActionYml()],
    [COMPONENT_FILE, renderComponentYml()],
    [README_FILE, renderReadme(read(README_FILE))],
    [BENCH_DOC, renderBenchDoc(read(BENCH_DOC), read(BENCH_FILE))],
  ]);
}
