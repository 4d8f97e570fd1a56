// The ecs-deliver calls the documentation shows, read from the files themselves so that a test running them
// follows the docs when they change: the README's code blocks, the examples, .gitlab-ci.example.yml, the
// example workflow and the examples --help starts with. Each call comes back in the shape its host gives it:
// flags and variables for a shell or Jenkins, INPUT_* variables for a GitHub step, the component's ECS_DELIVER_* job variables for GitLab.
// Values are returned as written ($GIT_COMMIT, ${{ github.sha }}); `expand` fills them in.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, parse as parseYaml } from 'yaml';
import { HELP_EXAMPLES } from '../../src/cli/help.js';
import { parseArgv } from '../../src/inputs/sources.js';
import { INPUTS, envName } from '../../src/inputs/schema.js';

export type Host = 'shell' | 'github' | 'gitlab';

/** A credential the doc takes from a store (Jenkins credentials, OIDC, configure-aws-credentials), by variable. */
export type CredentialKind = 'registry-username' | 'registry-password' | 'aws-access-key-id' | 'aws-secret-access-key' | 'web-identity-token';

export interface DocumentedCommand {
  /** File and place, such as "README.md: Quick start (GitHub Actions)". */
  where: string;
  host: Host;
  /** Command-line arguments after the program name (shell only). */
  args: string[];
  /** Variables the doc sets for the call: Jenkins `environment`, INPUT_*, the GitLab job's variables, AWS_REGION. */
  env: Record<string, string>;
  /** Variables the doc fills from a credential store, with what they hold. */
  credentials: Record<string, CredentialKind>;
}

const COMPONENT_ONLY = new Set(['job-name', 'stage', 'job-image']);

export function documentedCommands(root: string): DocumentedCommand[] {
  const commands = [...fromReadme(root)];
  for (const name of readdirSync(join(root, 'examples')).sort()) {
    const path = join(root, 'examples', name);
    if (name === 'Jenkinsfile' || name.endsWith('.groovy')) commands.push(...fromGroovy(readFileSync(path, 'utf8'), `examples/${name}`));
  }
  commands.push(...fromGitlabCi(root, readFileSync(join(root, '.gitlab-ci.example.yml'), 'utf8'), '.gitlab-ci.example.yml'));
  commands.push(...fromWorkflow(readFileSync(join(root, '.github/workflows/deploy-example.yml'), 'utf8'), '.github/workflows/deploy-example.yml'));
  for (const example of HELP_EXAMPLES) {
    commands.push(...shellCommands(example.command).map((args) => ({ where: `ecs-deliver --help: ${example.title}`, host: 'shell' as const, args, env: {}, credentials: {} })));
  }
  return commands;
}

/**
 * Every GitHub workflow the repository ships, as written: the files under .github/workflows and examples, and the
 * README's blocks that are whole workflows (`on` and `jobs`), such as the operations example.
 */
export function exampleWorkflows(root: string): { where: string; text: string }[] {
  const workflows: { where: string; text: string }[] = [];
  for (const folder of ['.github/workflows', 'examples']) {
    for (const name of readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' }).sort()) {
      if (!/\.ya?ml$/.test(name)) continue;
      const text = readFileSync(join(root, folder, name), 'utf8');
      if (isWorkflow(parseYaml(text))) workflows.push({ where: `${folder}/${name}`, text });
    }
  }
  for (const block of codeBlocks(readFileSync(join(root, 'README.md'), 'utf8'))) {
    if ((block.language === 'yaml' || block.language === 'yml') && isWorkflow(parseYaml(block.text))) workflows.push({ where: `README.md: ${block.heading}`, text: block.text });
  }
  return workflows;
}

function isWorkflow(document: unknown): boolean {
  return isRecord(document) && 'on' in document && isRecord(document['jobs']);
}

/** The inputs a call gives, by input name: variables first, flags over them (as the bundle reads them). */
export function inputsOf(command: DocumentedCommand): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const spec of INPUTS) {
    const value = command.host === 'github' ? command.env[githubInputVariable(spec.name)] : command.env[envName(spec.name)];
    if (value !== undefined && value !== '') inputs[spec.name] = value;
  }
  if (command.host === 'shell') for (const [name, value] of parseArgv(command.args, {}).flags) inputs[name] = value;
  return inputs;
}

/** The same call with one input's value replaced where the doc gives it (a flag, else its variable). */
export function withInput(command: DocumentedCommand, name: string, value: string): DocumentedCommand {
  const args = [...command.args];
  const flag = args.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (command.host === 'shell' && flag !== -1) {
    if (args[flag]?.includes('=')) args[flag] = `--${name}=${value}`;
    else args[flag + 1] = value;
    return { ...command, args };
  }
  const variable = command.host === 'github' ? githubInputVariable(name) : envName(name);
  return { ...command, env: { ...command.env, [variable]: value } };
}

export function githubInputVariable(input: string): string {
  return `INPUT_${input.toUpperCase()}`;
}

/** Fills $NAME, ${NAME} and ${{ expression }} from `values`; a name it does not know is an error. */
export function expand(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\$\{\{\s*([\w.]+)\s*\}\}|\$\{(\w+)\}|\$(\w+)/g, (_match, expression?: string, braced?: string, bare?: string) => {
    const name = expression ?? braced ?? bare ?? '';
    const value = values[name];
    if (value === undefined) throw new Error(`the docs use ${name}, which the test gives no value: add it`);
    return value;
  });
}

// ---- README --------------------------------------------------------------------------------------------

/** The README section whose commands run against a stand-in they start themselves. */
export const TRY_WITHOUT_AWS = 'Try it without AWS';

export interface CodeBlock {
  language: string;
  text: string;
  heading: string;
  /** The table column heading a block sits under, for the quick-start table. */
  column?: string;
}

function fromReadme(root: string): DocumentedCommand[] {
  const commands: DocumentedCommand[] = [];
  for (const block of codeBlocks(readFileSync(join(root, 'README.md'), 'utf8'))) {
    // Those calls deploy to the stand-in the block itself starts: test/e2e/readme-snippets.test.ts runs them.
    if (block.heading === TRY_WITHOUT_AWS) continue;
    const where = `README.md: ${block.heading}${block.column ? ` (${block.column})` : ''}`;
    if (block.language === 'sh' || block.language === 'bash' || block.language === 'shell') {
      commands.push(...shellCommands(block.text).map((args) => ({ where, host: 'shell' as const, args, env: {}, credentials: {} })));
    } else if (block.language === 'groovy') {
      commands.push(...fromGroovy(block.text, where));
    } else if (block.language === 'yaml' || block.language === 'yml') {
      const document: unknown = parseYaml(block.text);
      if (isRecord(document) && Array.isArray(document['steps'])) commands.push(...fromSteps(document['steps'], where));
      if (isRecord(document) && Array.isArray(document['include'])) commands.push(...fromGitlabDocument(root, document, where));
    }
  }
  return commands;
}

/** The fenced code blocks of a markdown text, each with the heading it sits under. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  let heading = '';
  let columns: string[] = [];
  let cell = 0;
  let open: { language: string; lines: string[] } | undefined;
  for (const line of markdown.split('\n')) {
    if (open) {
      if (line.startsWith('```')) {
        blocks.push({ language: open.language, text: open.lines.join('\n'), heading, ...(columns[cell] ? { column: columns[cell] } : {}) });
        open = undefined;
      } else open.lines.push(line);
      continue;
    }
    const fence = /^```(\w*)/.exec(line);
    if (fence) open = { language: fence[1] ?? '', lines: [] };
    else if (line.startsWith('#')) {
      heading = line.replace(/^#+\s*/, '');
      columns = [];
    } else if (line.startsWith('<tr><th>')) {
      columns = [...line.matchAll(/<th>(.*?)<\/th>/g)].map((match) => match[1] ?? '');
      cell = -1;
    } else if (line.startsWith('<td>')) cell++;
  }
  return blocks;
}

// ---- shell and Jenkins ---------------------------------------------------------------------------------

/** The argument lists of the ecs-deliver calls in a shell script (ecs-deliver, npx ecs-deliver@1, node dist/index.js). */
export function shellCommands(script: string): string[][] {
  const joined = script.replace(/\\\n/g, ' ');
  const calls: string[][] = [];
  for (const line of joined.split('\n')) {
    if (/^\s*#/.test(line)) continue;
    for (const words of splitCommands(line)) {
      // `cd ecs-deliver` after a clone names the directory, not the command.
      const at = words.findIndex((word, i) => words[i - 1] !== 'cd' && (/^ecs-deliver(@[\w.-]+)?$/.test(word) || /(^|\/)dist\/index\.js$/.test(word)));
      if (at !== -1) calls.push(words.slice(at + 1));
    }
  }
  return calls;
}

/** POSIX-style words, split into commands at unquoted &&, || and ;. Quotes are removed; `$` is kept as text. */
function splitCommands(line: string): string[][] {
  const commands: string[][] = [[]];
  let word: string | undefined;
  let quote: '' | "'" | '"' = '';
  const end = (): void => {
    if (word !== undefined) commands[commands.length - 1]?.push(word);
    word = undefined;
  };
  for (let i = 0; i < line.length; i++) {
    const char = line[i] ?? '';
    if (quote) {
      if (char === quote) quote = '';
      else word = (word ?? '') + char;
    } else if (char === "'" || char === '"') {
      quote = char;
      word = word ?? '';
    } else if (/\s/.test(char)) end();
    else if (char === '#' && word === undefined) break;
    else if (char === ';' || ((char === '&' || char === '|') && line[i + 1] === char)) {
      end();
      commands.push([]);
      if (char !== ';') i++;
    } else word = (word ?? '') + char;
  }
  end();
  return commands.filter((words) => words.length > 0);
}

function fromGroovy(text: string, where: string): DocumentedCommand[] {
  const env: Record<string, string> = {};
  const environment = /environment\s*\{([\s\S]*?)\n\s*\}/.exec(text)?.[1] ?? '';
  for (const match of environment.matchAll(/^\s*(\w+)\s*=\s*'([^']*)'/gm)) env[match[1] ?? ''] = match[2] ?? '';
  const credentials: Record<string, CredentialKind> = {};
  for (const binding of text.matchAll(/usernamePassword\(([\s\S]*?)\)/g)) {
    const body = binding[1] ?? '';
    const user = /usernameVariable:\s*'(\w+)'/.exec(body)?.[1];
    const password = /passwordVariable:\s*'(\w+)'/.exec(body)?.[1];
    if (user) credentials[user] = 'registry-username';
    if (password) credentials[password] = 'registry-password';
  }
  for (const binding of text.matchAll(/\baws\(([\s\S]*?)\)/g)) {
    const body = binding[1] ?? '';
    const key = /accessKeyVariable:\s*'(\w+)'/.exec(body)?.[1];
    const secret = /secretKeyVariable:\s*'(\w+)'/.exec(body)?.[1];
    if (key) credentials[key] = 'aws-access-key-id';
    if (secret) credentials[secret] = 'aws-secret-access-key';
  }
  const commands: DocumentedCommand[] = [];
  for (const step of text.matchAll(/\bsh\s+'''([\s\S]*?)'''/g)) {
    for (const args of shellCommands(step[1] ?? '')) commands.push({ where, host: 'shell', args, env: { ...env }, credentials: { ...credentials } });
  }
  return commands;
}

// ---- GitHub Actions ------------------------------------------------------------------------------------

function fromWorkflow(text: string, where: string): DocumentedCommand[] {
  const workflow: unknown = parseYaml(text);
  const jobs = isRecord(workflow) && isRecord(workflow['jobs']) ? workflow['jobs'] : {};
  return Object.entries(jobs).flatMap(([name, job]) => (isRecord(job) && Array.isArray(job['steps']) ? fromSteps(job['steps'], `${where}: job ${name}`) : []));
}

/** Steps that use this action (`./` or ecs-deliver/ecs-deliver@...), with what configure-aws-credentials gave them. */
function fromSteps(steps: unknown[], where: string): DocumentedCommand[] {
  const commands: DocumentedCommand[] = [];
  let aws: Record<string, string> = {};
  const credentials: Record<string, CredentialKind> = {};
  for (const step of steps) {
    if (!isRecord(step) || typeof step['uses'] !== 'string') continue;
    const uses = step['uses'];
    const given = isRecord(step['with']) ? step['with'] : {};
    if (uses.startsWith('aws-actions/configure-aws-credentials@')) {
      // The action exports the role's credentials and the region as these variables.
      credentials['AWS_ACCESS_KEY_ID'] = 'aws-access-key-id';
      credentials['AWS_SECRET_ACCESS_KEY'] = 'aws-secret-access-key';
      if (typeof given['aws-region'] === 'string') aws = { AWS_REGION: given['aws-region'] };
    } else if (uses === './' || uses.startsWith('ecs-deliver/ecs-deliver@')) {
      const env: Record<string, string> = { ...aws };
      for (const [name, value] of Object.entries(given)) env[githubInputVariable(name)] = String(value);
      commands.push({ where, host: 'github', args: [], env, credentials: { ...credentials } });
    }
  }
  return commands;
}

// ---- GitLab --------------------------------------------------------------------------------------------

function fromGitlabCi(root: string, text: string, where: string): DocumentedCommand[] {
  const document: unknown = parseYaml(text);
  return isRecord(document) ? fromGitlabDocument(root, document, where) : [];
}

/** Each include of the deploy component becomes the job the component defines, with its variables filled in. */
function fromGitlabDocument(root: string, document: Record<string, unknown>, where: string): DocumentedCommand[] {
  const includes = Array.isArray(document['include']) ? document['include'] : [];
  const commands: DocumentedCommand[] = [];
  for (const include of includes) {
    if (!isRecord(include) || typeof include['component'] !== 'string' || !/\/deploy@/.test(include['component'])) continue;
    const inputs = isRecord(include['inputs']) ? include['inputs'] : {};
    const jobName = typeof inputs['job-name'] === 'string' ? inputs['job-name'] : 'deploy';
    const job = document[jobName];
    const credentials: Record<string, CredentialKind> = {};
    if (isRecord(job) && isRecord(job['id_tokens'])) {
      for (const name of Object.keys(job['id_tokens'])) credentials[name] = 'web-identity-token';
    }
    commands.push({ where: `${where}: job ${jobName}`, host: 'gitlab', args: [], env: componentJobVariables(root, inputs), credentials });
  }
  return commands;
}

/** The variables templates/deploy.yml gives its job for these include inputs (spec defaults for the others). */
export function componentJobVariables(root: string, given: Record<string, unknown>): Record<string, string> {
  const [specDocument, jobDocument] = parseAllDocuments(readFileSync(join(root, 'templates/deploy.yml'), 'utf8')).map((doc) => doc.toJS() as unknown);
  const spec = isRecord(specDocument) && isRecord(specDocument['spec']) && isRecord(specDocument['spec']['inputs']) ? specDocument['spec']['inputs'] : {};
  for (const name of Object.keys(given)) {
    if (!(name in spec)) throw new Error(`the docs give the component input ${name}, which templates/deploy.yml does not declare`);
  }
  const value = (name: string): string => {
    const input = given[name] ?? (isRecord(spec[name]) ? spec[name]['default'] : undefined);
    return input === undefined || input === null ? '' : String(input);
  };
  const job = isRecord(jobDocument) ? Object.values(jobDocument).find(isRecord) : undefined;
  const variables = job && isRecord(job['variables']) ? job['variables'] : {};
  const env: Record<string, string> = {};
  for (const [name, template] of Object.entries(variables)) {
    env[name] = String(template).replace(/\$\[\[\s*inputs\.([\w-]+)\s*\]\]/g, (_match, input: string) => value(input));
  }
  for (const name of Object.keys(given)) if (!COMPONENT_ONLY.has(name) && !Object.values(variables).some((t) => String(t).includes(`inputs.${name} `))) {
    throw new Error(`the component input ${name} reaches no job variable in templates/deploy.yml`);
  }
  return env;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
