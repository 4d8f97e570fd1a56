// Every ecs-deliver call the docs show (README code blocks, examples/, .gitlab-ci.example.yml, the example
// workflow) runs three times, as a CI job does on every commit: the same inputs, the same again, then a new
// commit. Each call waits for its rollout, as the docs have it, so ECS is the project's stand-in (test/standin),
// which plays real rollouts over time: moto's UpdateService starts no deployment on the new revision, so a
// wait against it can only time out. moto still serves what the stand-in does not (STS for GitLab's OIDC
// calls, anything else outside ECS) through AWS_ENDPOINT_URL; AWS_ENDPOINT_URL_ECS wins for ECS.
// The calls are read from the files (test/support/documented-commands.ts), in the shape their host gives them.
// What the test changes, and why:
//   - images move to local registries (the docs name ECR, Docker Hub or the GitLab registry): one open, one
//     with a login for the calls that log in with a username and password;
//   - an image the call only deploys was "pushed by an earlier job": the test pushes it first;
//   - credentials the docs take from a store come from the environment (test AWS keys, the registry's
//     password); GitLab's OIDC token is a fake one that moto's STS takes;
//   - each call gets a fresh stand-in in the region the call deploys to, holding what the docs assume: the
//     cluster, the family's first revision and the service running it (EC2, as the docs' bridge-mode
//     port mappings have it).
//   - a call with services-file deploys examples/deploy/services.yml (the README shows it whole), its images moved
//     to the open registry and pushed first; every service of it exists beforehand.
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type TestContext, afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import {
  documentedCommands,
  expand,
  inputsOf,
  withInput,
  type DocumentedCommand,
} from '../support/documented-commands.js';
import { parseGithubOutput } from '../support/github-output.js';
import { type EcsStandin, type Timing, startEcsStandin } from '../standin/index.js';
import { motoMissing, startMoto, type MotoServer } from '../support/moto-server.js';
import { missingEngineTools, startPodmanEngine, type PodmanEngine } from '../support/podman-engine.js';
import { missingRegistryTools, startRegistry, type RegistryServer } from '../support/registry-server.js';
import { runBundle, type BundleRun } from '../support/run-bundle.js';
import { serversRequired } from '../support/servers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONTEXT = fileURLToPath(new URL('../fixtures/push/', import.meta.url));
const REGISTRY_USER = { username: 'ci-deployer', password: 'docs-Registry-Pa55-8W' };
// Shaped like a GitLab id_token; moto does not check the signature.
const WEB_IDENTITY_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJwcm9qZWN0X3BhdGg6Z3JvdXAvd2ViIn0.ZG9jcy1lMmU';
const COMMITS = ['3f6c2a1d9b8e7f60a5b4c3d2e1f0a9b8c7d6e5f4', '8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b'] as const;
const DEFAULT_REGION = 'us-east-1';
/** Short rollouts, so each run ends in a few seconds; the docs' own wait-timeout (minutes) stays. */
const TIMING: Partial<Timing> = { rolloutMs: 1200, taskLifetimeMs: 300, retryDelayMs: 100, maxRetryDelayMs: 600, rollbackMs: 800 };

// The operations on a deployed service run in their own order, in operating-examples.test.ts.
const commands = documentedCommands(ROOT).filter((command) => !command.where.startsWith('README.md: Operating a deployment'));
/** The registry with a login knows the user each doc logs in as, and the one credential stores hand out. */
const registryUsers = [
  REGISTRY_USER,
  ...new Set(commands.map((command) => inputsOf(expandCommand(command, COMMITS[0]))['registry-username']).filter((name) => name !== undefined)),
].map((user) => (typeof user === 'string' ? { username: user, password: REGISTRY_USER.password } : user));

function missingTools(): string | undefined {
  const tool = missingRegistryTools() ?? missingEngineTools();
  if (tool === undefined) return motoMissing();
  if (serversRequired) throw new Error(`ECS_DELIVER_REQUIRE_SERVERS=1 but ${tool}`);
  console.warn(`documented-commands e2e skipped: ${tool}`);
  return tool;
}

/** The values the docs' variables take in CI on a given commit. */
function ciVariables(commit: string): Record<string, string> {
  return {
    GIT_COMMIT: commit,
    IMAGE_TAG: commit,
    CI_COMMIT_SHA: commit,
    'github.sha': commit,
    CI_REGISTRY_IMAGE: 'registry.gitlab.example.com/group/springboot-web-app',
    'github.repository': 'example/springboot-web-app',
    'vars.ECS_CLUSTER': 'example',
    'vars.AWS_REGION': 'eu-central-1',
  };
}

function expandCommand(command: DocumentedCommand, commit: string): DocumentedCommand {
  const values = ciVariables(commit);
  return {
    ...command,
    args: command.args.map((arg) => expand(arg, values)),
    env: Object.fromEntries(Object.entries(command.env).map(([name, value]) => [name, expand(value, values)])),
  };
}

/** The same repository and tag in `registry` instead of the host the docs name. */
function moveImage(reference: string, registry: string): string {
  const parts = reference.split('/');
  const first = parts[0] ?? '';
  const named = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  return `${registry}/${(named ? parts.slice(1) : parts).join('/')}`;
}

function loggedInWithPassword(command: DocumentedCommand, inputs: Record<string, string>): boolean {
  return Boolean(inputs['registry-username']) || inputs['registry-auth'] === 'basic' || Object.values(command.credentials).includes('registry-username');
}

function pushes(inputs: Record<string, string>): boolean {
  return Boolean(inputs['build-context'] || inputs['source-image']) && inputs['push'] !== 'false';
}

interface Outcome extends BundleRun {
  outputs: Record<string, string>;
}

describe.skipIf(missingTools() !== undefined)('every documented command, three times, each waiting for its rollout on the ECS stand-in', () => {
  let moto: MotoServer;
  let open: RegistryServer;
  let withLogin: RegistryServer;
  let engine: PodmanEngine;
  let root = '';
  const pushed = new Set<string>();

  beforeAll(async () => {
    [moto, open, withLogin] = await Promise.all([startMoto(), startRegistry([]), startRegistry(registryUsers)]);
    engine = await startPodmanEngine([open.host, withLogin.host]);
    root = await mkdtemp(join(tmpdir(), 'documented-commands-'));
  }, 90_000);

  afterAll(async () => {
    await Promise.allSettled([moto?.stop(), open?.stop(), withLogin?.stop(), engine?.stop()]);
    if (root !== '') await rm(root, { recursive: true, force: true });
  });

  /** A directory like a checkout at `commit`: the fixture's Dockerfile and a file that changes per commit. */
  async function checkout(commit: string): Promise<string> {
    const dir = await mkdtemp(join(root, 'checkout-'));
    await copyFile(join(CONTEXT, 'Dockerfile'), join(dir, 'Dockerfile'));
    await writeFile(join(dir, 'release.txt'), `${commit}\n`);
    return dir;
  }

  /** What an earlier CI job did: build the image and push it to the open registry. */
  async function pushBeforehand(reference: string, commit: string): Promise<void> {
    if (pushed.has(reference)) return;
    const env = { ...process.env, ...engine.env, DOCKER_CONFIG: await mkdtemp(join(root, 'docker-')) };
    await docker(['build', '--tag', reference, await checkout(commit)], env);
    await docker(['push', reference], env);
    pushed.add(reference);
  }

  /** The cluster, the family's first revision and the service running it, as the docs assume them to exist. */
  function createWhatTheDocsAssume(standin: EcsStandin, inputs: Record<string, string>): string {
    const family = inputs['family'] ?? inputs['service'] ?? '';
    const taskDefinition = standin.seedTaskDefinition({
      family,
      containerDefinitions: [{ name: inputs['container-name'] ?? family, image: 'registry.example.com/before:0', memory: 256, essential: true }],
    });
    const service = inputs['service'];
    const cluster = inputs['cluster'] ?? 'default';
    standin.seedCluster(cluster);
    if (service) standin.seedService({ cluster, serviceName: service, taskDefinition, desiredCount: 1, launchType: 'EC2' });
    return family;
  }

  async function runAsDocumented(command: DocumentedCommand, standin: EcsStandin, cwd: string): Promise<Outcome> {
    const env: Record<string, string> = {
      AWS_ENDPOINT_URL: moto.url,
      AWS_ENDPOINT_URL_ECS: standin.url,
      AWS_REGION: DEFAULT_REGION,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...engine.env,
      DOCKER_CONFIG: await mkdtemp(join(root, 'docker-')),
      TMPDIR: await mkdtemp(join(root, 'tmp-')),
      ...command.env,
    };
    const kinds = Object.values(command.credentials);
    for (const [variable, kind] of Object.entries(command.credentials)) env[variable] = credentialValue(kind);
    // Without OIDC or a credential binding the docs rely on credentials the agent already has.
    if (!kinds.includes('web-identity-token') && !kinds.includes('aws-access-key-id')) {
      Object.assign(env, { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing' });
    }
    const inputs = inputsOf(command);
    if (inputs['registry-username'] && !kinds.includes('registry-password')) env['ECS_DELIVER_REGISTRY_PASSWORD'] = REGISTRY_USER.password;
    if (command.host === 'github') {
      Object.assign(env, { GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: join(cwd, '.github-output'), GITHUB_STEP_SUMMARY: join(cwd, '.github-summary') });
      await Promise.all([writeFile(env['GITHUB_OUTPUT'] ?? '', ''), writeFile(env['GITHUB_STEP_SUMMARY'] ?? '', '')]);
    }
    if (command.host === 'gitlab') env['GITLAB_CI'] = 'true';
    const run = await runBundle({ args: command.args, env, cwd, timeoutMs: 120_000 });
    return { ...run, outputs: await outputsOf(command, run, cwd) };
  }

  test('the docs show the calls this suite runs', () => {
    const where = commands.map((command) => command.where);
    expect(where).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^README\.md: Quick start on each host \(GitHub Actions\)$/),
        expect.stringMatching(/^README\.md: Quick start on each host \(GitLab CI\/CD\): job deploy$/),
        expect.stringMatching(/^README\.md: Quick start on each host \(Jenkins/),
        expect.stringMatching(/^README\.md: From the docker and aws commands of a Jenkins job/),
        'examples/Jenkinsfile',
        '.gitlab-ci.example.yml: job deploy-staging',
        '.gitlab-ci.example.yml: job deploy-production',
        '.github/workflows/deploy-example.yml: job deploy',
        expect.stringMatching(/^ecs-deliver --help: Run a migration as a one-off task first/),
      ]),
    );
    expect(new Set(commands.map((command) => command.host))).toEqual(new Set(['shell', 'github', 'gitlab']));
  });

  interface ServicesFile {
    defaults?: Record<string, unknown>;
    services: Record<string, unknown>[];
  }

  /**
   * A call with services-file, three times: each run deploys every service of the example file and ends 0; the
   * first registers a revision per family, and the later ones (the file unchanged) reuse them.
   */
  async function runServicesFileThreeTimes(documented: DocumentedCommand, context: TestContext): Promise<void> {
    const example = parseYaml(await readFile(join(ROOT, 'examples', 'deploy', 'services.yml'), 'utf8')) as ServicesFile;
    const entries = example.services.map((entry) => Object.fromEntries(Object.entries({ ...example.defaults, ...entry }).map(([key, value]) => [key, String(value)])));
    const file: ServicesFile = { ...example, services: example.services.map((entry) => ({ ...entry, image: moveImage(String(entry['image']), open.host) })) };
    let standin: EcsStandin | undefined;
    const runs: Outcome[] = [];
    for (const commit of [COMMITS[0], COMMITS[0], COMMITS[1]]) {
      const command = expandCommand(documented, commit);
      const inputs = inputsOf(command);
      if (!standin) {
        const started = await startEcsStandin({ region: inputs['region'] ?? command.env['AWS_REGION'] ?? DEFAULT_REGION, timing: TIMING });
        context.onTestFinished(() => started.close());
        standin = started;
        for (const entry of entries) createWhatTheDocsAssume(standin, entry);
      }
      for (const entry of file.services) await pushBeforehand(String(entry['image']), commit);
      const cwd = await checkout(commit);
      const path = join(cwd, inputs['services-file'] ?? '');
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, stringify(file));
      const run = await runAsDocumented(command, standin, cwd);
      expect(run.code, `run ${runs.length + 1}:\n${run.log}`).toBe(0);
      expect(run.outputs['deployment-status'], run.log).toBe('COMPLETED');
      runs.push(run);
    }
    expect(runs.map((run) => run.outputs['registered'])).toEqual(['true', 'false', 'false']);
    for (const entry of entries) {
      const family = entry['family'] ?? '';
      const revision2 = `arn:aws:ecs:${standin?.region ?? ''}:123456789012:task-definition/${family}:2`;
      const service = standin?.service(entry['service'] ?? '', entry['cluster'] ?? 'default');
      expect(service?.['taskDefinition']).toBe(revision2);
      expect(service?.['deployments']).toEqual([expect.objectContaining({ status: 'PRIMARY', taskDefinition: revision2, rolloutState: 'COMPLETED' })]);
    }
  }

  test.for(commands.map((command) => [command.where, command] as const))(
    '%s: exit 0 on every run; registers once, then nothing, then one revision for a new commit, and the service ends on it',
    { timeout: 300_000 },
    async ([, documented], context) => {
      await moto.reset();
      if (inputsOf(documented)['services-file']) return runServicesFileThreeTimes(documented, context);
      const runs: Outcome[] = [];
      /** How many revisions the family has after each run. */
      const revisions: number[] = [];
      let family = '';
      let standin: EcsStandin | undefined;
      let inputs: Record<string, string> = {};
      for (const commit of [COMMITS[0], COMMITS[0], COMMITS[1]]) {
        let command = expandCommand(documented, commit);
        inputs = inputsOf(command);
        const registry = loggedInWithPassword(command, inputs) ? withLogin : open;
        if (inputs['image']) command = withInput(command, 'image', moveImage(inputs['image'], registry.host));
        inputs = inputsOf(command);
        if (!standin) {
          const started = await startEcsStandin({ region: inputs['region'] ?? command.env['AWS_REGION'] ?? DEFAULT_REGION, timing: TIMING });
          context.onTestFinished(() => started.close());
          standin = started;
          family = createWhatTheDocsAssume(standin, inputs);
        }
        if (inputs['image'] && !pushes(inputs)) await pushBeforehand(inputs['image'], commit);
        const run = await runAsDocumented(command, standin, await checkout(commit));
        expect(run.code, `run ${runs.length + 1}:\n${run.log}`).toBe(0);
        runs.push(run);
        revisions.push(activeRevisions(standin, family).length);
      }
      if (!standin) throw new Error('no run');
      const ecsStandin = standin;
      const [first, second, third] = runs as [Outcome, Outcome, Outcome];

      if (inputs['dry-run'] === 'true') {
        for (const run of runs) {
          expect(run.outputs['registered'], run.log).toBe('false');
          expect(run.log).toContain('Dry run: nothing was changed.');
        }
        expect(revisions).toEqual([1, 1, 1]);
        return;
      }

      expect(first.outputs, first.log).toMatchObject({ registered: 'true', 'task-definition-revision': '2' });
      expect(second.outputs, second.log).toMatchObject({ registered: 'false', 'task-definition-arn': first.outputs['task-definition-arn'] });
      expect(third.outputs, third.log).toMatchObject({ registered: 'true', 'task-definition-revision': '3' });
      expect(revisions).toEqual([2, 2, 3]);

      const mappings = (run: Outcome) =>
        containersOf(ecsStandin, family, run.outputs['task-definition-arn'] ?? '')
          .find((container) => container.name === (inputs['container-name'] ?? family))
          ?.portMappings?.map(({ containerPort, hostPort, protocol }) => ({ containerPort, hostPort, protocol }));
      const expected = inputs['container-port']
        ? [{ containerPort: Number(inputs['container-port']), hostPort: Number(inputs['host-port'] ?? 0), protocol: inputs['protocol'] ?? 'tcp' }]
        : [];
      expect(mappings(first)).toEqual(expected);
      expect(mappings(third)).toEqual(expected);

      if (inputs['service']) {
        // Each run waited for its own deployment: the service ends on the new commit's revision, in one deployment.
        for (const run of runs) expect(run.outputs['deployment-status'], run.log).toBe('COMPLETED');
        const service = ecsStandin.service(inputs['service'], inputs['cluster'] ?? 'default');
        const revision3 = third.outputs['task-definition-arn'];
        // ARNs in the region the call deploys to, as ECS answers them there.
        expect(revision3).toBe(`arn:aws:ecs:${ecsStandin.region}:123456789012:task-definition/${family}:3`);
        expect(service['taskDefinition']).toBe(revision3);
        expect(service['deployments']).toEqual([expect.objectContaining({ status: 'PRIMARY', taskDefinition: revision3, rolloutState: 'COMPLETED' })]);
      }
    },
  );
});

/** The family's ACTIVE revisions in the stand-in. */
function activeRevisions(standin: EcsStandin, family: string): Record<string, unknown>[] {
  return standin.taskDefinitions(family).filter((revision) => revision['status'] === 'ACTIVE');
}

interface PortMapping {
  containerPort?: number;
  hostPort?: number;
  protocol?: string;
}

/** The containers of one revision, as DescribeTaskDefinition gives them. */
function containersOf(standin: EcsStandin, family: string, arn: string): { name?: string; portMappings?: PortMapping[] }[] {
  const revision = standin.taskDefinitions(family).find((candidate) => candidate['taskDefinitionArn'] === arn);
  if (!revision) throw new Error(`${arn} is not a revision of ${family}`);
  return revision['containerDefinitions'] as { name?: string; portMappings?: PortMapping[] }[];
}

function credentialValue(kind: DocumentedCommand['credentials'][string]): string {
  switch (kind) {
    case 'registry-username':
      return REGISTRY_USER.username;
    case 'registry-password':
      return REGISTRY_USER.password;
    case 'aws-access-key-id':
    case 'aws-secret-access-key':
      return 'testing';
    case 'web-identity-token':
      return WEB_IDENTITY_TOKEN;
  }
}

/** The outputs where each host leaves them: `output name=value` lines, GITHUB_OUTPUT, the dotenv report. */
async function outputsOf(command: DocumentedCommand, run: BundleRun, cwd: string): Promise<Record<string, string>> {
  if (command.host === 'github') return parseGithubOutput(await readFile(join(cwd, '.github-output'), 'utf8'));
  if (command.host === 'gitlab') {
    const dotenv = await readFile(join(cwd, 'ecs-deliver.env'), 'utf8').catch(() => '');
    const outputs: Record<string, string> = {};
    for (const match of dotenv.matchAll(/^ECS_DELIVERED_(\w+)=(.*)$/gm)) outputs[(match[1] ?? '').toLowerCase().replace(/_/g, '-')] = match[2] ?? '';
    return outputs;
  }
  const outputs: Record<string, string> = {};
  for (const match of run.stdout.matchAll(/^output ([\w-]+)=(.*)$/gm)) outputs[match[1] ?? ''] = match[2] ?? '';
  return outputs;
}

function docker(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('docker', args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`docker ${args.join(' ')} failed (${code ?? '?'}): ${stderr}`))));
  });
}
