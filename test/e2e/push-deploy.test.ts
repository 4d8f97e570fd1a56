// Build, tag and push through the bundle: the real docker CLI on a podman engine, Debian's docker-registry with
// htpasswd logins, moto for ECS and the ECR token. A deploy whose point is a rollout that ends COMPLETED talks
// ECS to the project's stand-in (AWS_ENDPOINT_URL_ECS), since moto's UpdateService starts no deployment on the new
// revision. Each run gets its own TMPDIR; the last test searches every byte the runs printed or wrote for the
// registry passwords.
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ECSClient } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkManifest } from '../../src/image/registry-check.js';
import { parseImageReference } from '../../src/image/reference.js';
import { startEcsStandin } from '../standin/index.js';
import { parseGithubOutput } from '../support/github-output.js';
import {
  awsEnv,
  createCluster,
  createService,
  describeService,
  describeTaskDefinition,
  ecsClient,
  registerTaskDefinition,
  revisionsOf,
} from '../support/moto-ecs.js';
import { motoMissing, startMoto, type MotoServer } from '../support/moto-server.js';
import { missingEngineTools, startPodmanEngine, type PodmanEngine } from '../support/podman-engine.js';
import { freePort, missingRegistryTools, startRegistry, type RegistryServer } from '../support/registry-server.js';
import { runBundle, type BundleRun } from '../support/run-bundle.js';
import { serversRequired } from '../support/servers.js';
import { filesUnder } from '../support/files-under.js';

const CONTEXT = fileURLToPath(new URL('../fixtures/push/', import.meta.url));
const ALICE = { username: 'alice', password: 'alice-Push-Pa55word-7Q' };
const WRONG_PASSWORD = 'not-alice-Pa55word-3Z';
// moto's GetAuthorizationToken answers AWS:123456789012-auth-token; the registry takes that login too.
const MOTO_ECR = { username: 'AWS', password: '123456789012-auth-token' };
const b64 = (text: string): string => Buffer.from(text).toString('base64');
const SECRETS = [ALICE, { username: ALICE.username, password: WRONG_PASSWORD }, MOTO_ECR].flatMap(({ username, password }) => [
  password,
  b64(password),
  b64(`${username}:${password}`),
]);
const FORCING = 'forcing a new deployment';

function missingTools(): string | undefined {
  const tool = missingRegistryTools() ?? missingEngineTools();
  if (tool === undefined) return motoMissing();
  if (serversRequired) throw new Error(`ECS_DELIVER_REQUIRE_SERVERS=1 but ${tool}`);
  console.warn(`push-deploy e2e skipped: ${tool}`);
  return tool;
}

const missing = missingTools();

/** What one run printed and where it may have written. */
interface Written {
  kind: 'shell' | 'github' | 'gitlab';
  stdout: string;
  stderr: string;
  /** The run's TMPDIR. */
  tmp: string;
  /** Other directories it wrote to (GITHUB_OUTPUT, the dotenv report). */
  dirs: string[];
}

interface Run extends BundleRun {
  /** The --json outputs ({} when the run printed none). */
  outputs: Record<string, string>;
}

describe.skipIf(missing !== undefined)('build, push and deploy through the bundle', () => {
  let registry: RegistryServer;
  let engine: PodmanEngine;
  let moto: MotoServer;
  let ecs: ECSClient;
  let root = '';
  let userConfig = '';
  const USER_CONFIG = `${JSON.stringify({ auths: {} })}\n`;
  const written: Written[] = [];

  beforeAll(async () => {
    [registry, moto] = await Promise.all([startRegistry([ALICE, MOTO_ECR]), startMoto({ MOTO_ECS_SERVICE_RUNNING: '1' })]);
    engine = await startPodmanEngine([registry.host]);
    ecs = ecsClient(moto.url);
    await createCluster(ecs, 'default');
    root = await mkdtemp(join(tmpdir(), 'push-deploy-e2e-'));
    userConfig = join(root, 'user-docker');
    await mkdir(userConfig);
    await writeFile(join(userConfig, 'config.json'), USER_CONFIG);
  }, 90_000);

  afterAll(async () => {
    const stopped = await Promise.allSettled([registry?.stop(), engine?.stop(), moto?.stop(), root !== '' ? rm(root, { recursive: true, force: true }) : undefined]);
    const failed = stopped.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
  });

  const image = (repository: string, tag: string): string => `${registry.host}/${repository}:${tag}`;
  const alice = { ECS_DELIVER_REGISTRY_PASSWORD: ALICE.password };

  /** Environment every run shares: moto, the podman engine, the user's docker config, and a fresh TMPDIR. */
  async function baseEnv(): Promise<{ env: Record<string, string>; tmp: string }> {
    const tmp = await mkdtemp(join(root, 'tmp-'));
    return { tmp, env: { ...awsEnv(moto.url), ...engine.env, DOCKER_CONFIG: userConfig, TMPDIR: tmp } };
  }

  async function deliver(args: string[], options: { env?: Record<string, string>; stdin?: string } = {}): Promise<Run> {
    const { env, tmp } = await baseEnv();
    const result = await runBundle({
      args: [...args, '--json', '--poll-interval', '1s', '--wait-timeout', '20s'],
      env: { ...env, ...options.env },
      ...(options.stdin !== undefined ? { stdin: options.stdin } : {}),
    });
    written.push({ kind: 'shell', stdout: result.stdout, stderr: result.stderr, tmp, dirs: [] });
    return { ...result, outputs: jsonOutputs(result.stdout) };
  }

  /** A service on a revision of its own family whose one container runs `containerImage`. */
  async function seedService(name: string, containerImage: string): Promise<void> {
    const arn = await registerTaskDefinition(ecs, {
      family: name,
      containerDefinitions: [{ name: 'app', image: containerImage, memory: 128, essential: true }],
    });
    await createService(ecs, { cluster: 'default', serviceName: name, taskDefinition: arn, desiredCount: 1 });
  }

  async function imageOf(taskDefinitionArn: string | undefined): Promise<string | undefined> {
    const described = await describeTaskDefinition(ecs, taskDefinitionArn ?? '');
    return described.taskDefinition?.containerDefinitions?.[0]?.image;
  }

  async function primaryDeploymentId(service: string): Promise<string | undefined> {
    return (await describeService(ecs, 'default', service))?.deployments?.find((d) => d.status === 'PRIMARY')?.id;
  }

  /** The fixture's Dockerfile beside a release.txt of other content. */
  async function contextWith(release: string): Promise<string> {
    const dir = await mkdtemp(join(root, 'context-'));
    await copyFile(join(CONTEXT, 'Dockerfile'), join(dir, 'Dockerfile'));
    await writeFile(join(dir, 'release.txt'), `${release}\n`);
    return dir;
  }

  async function registryDigest(reference: string): Promise<string | undefined> {
    const found = await checkManifest(parseImageReference(reference), { credentials: ALICE });
    return found.status === 'found' ? found.digest : undefined;
  }

  test('builds a FROM scratch Dockerfile, pushes it and deploys it', async (context) => {
    const standin = await startEcsStandin({ timing: { rolloutMs: 1500, taskLifetimeMs: 300 } });
    context.onTestFinished(() => standin.close());
    standin.seedTaskDefinition({ family: 'built', containerDefinitions: [{ name: 'app', image: 'nginx:1.25', memory: 128, essential: true }] });
    standin.seedService({ serviceName: 'built', taskDefinition: 'built:1', desiredCount: 1 });
    const web = image('web', 'built');
    const run = await deliver(['--build-context', CONTEXT, '--image', web, '--registry-username', ALICE.username, '--service', 'built'], {
      env: { ...alice, AWS_ENDPOINT_URL_ECS: standin.url },
    });
    expect(run.code, run.log).toBe(0);
    expect(run.outputs).toMatchObject({ registered: 'true', 'task-definition-revision': '2', image: web, 'deployment-status': 'COMPLETED' });
    expect(run.outputs['image-digest']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await registryDigest(web)).toBe(run.outputs['image-digest']);
    const revisions = standin.taskDefinitions('built');
    expect(revisions.map((described) => described['taskDefinitionArn'])).toEqual([expect.stringMatching(/task-definition\/built:1$/), run.outputs['task-definition-arn']]);
    expect(revisions[1]?.['containerDefinitions']).toEqual([expect.objectContaining({ name: 'app', image: web })]);
    const service = standin.service('built');
    expect(service['taskDefinition']).toBe(run.outputs['task-definition-arn']);
    expect(service['deployments']).toEqual([expect.objectContaining({ rolloutState: 'COMPLETED', taskDefinition: run.outputs['task-definition-arn'] })]);
    expect(run.log).toContain(`Logged in to ${registry.host} as alice`);
  });

  test('registry-auth ecr logs in with the ECR token from moto', async () => {
    const web = image('ecr-web', '1');
    const run = await deliver(['--build-context', CONTEXT, '--image', web, '--registry-auth', 'ecr', '--family', 'ecr-web', '--memory', '128']);
    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain(`Logged in to ${registry.host} as AWS`);
    expect(run.outputs).toMatchObject({ registered: 'true', image: web, 'deployment-status': 'SKIPPED' });
    expect(await registryDigest(web)).toBe(run.outputs['image-digest']);
    expect(await imageOf(run.outputs['task-definition-arn'])).toBe(web);
  });

  test('the password can come on standard input', async () => {
    const web = image('stdin-web', '1');
    const run = await deliver(
      ['--source-image', image('web', 'built'), '--image', web, '--registry-username', ALICE.username, '--registry-password-stdin', '--family', 'stdin-web', '--memory', '128'],
      { stdin: `${ALICE.password}\n` },
    );
    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain(`Logged in to ${registry.host} as alice`);
    expect(await registryDigest(web)).toBe(run.outputs['image-digest']);
  });

  test('source-image tags a local image under the new name and pushes it', async () => {
    const source = image('web', 'built');
    const web = image('team/copy', '7');
    const run = await deliver(['--source-image', source, '--image', web, '--registry-username', ALICE.username, '--family', 'copy', '--memory', '128'], { env: alice });
    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain(`Tag ${source} as ${web}`);
    expect(run.outputs['image-digest']).toBe(await registryDigest(source));
    expect(await registryDigest(web)).toBe(run.outputs['image-digest']);
    expect(await imageOf(run.outputs['task-definition-arn'])).toBe(web);
  });

  test('a tag that moves forces a new deployment of a reused revision; an unchanged re-push does not', async () => {
    // The service already runs this reference, before anything was pushed under it.
    const web = image('rolling', 'stable');
    await seedService('rolling', web);
    const seeded = await primaryDeploymentId('rolling');
    const push = (args: string[]): Promise<Run> =>
      deliver([...args, '--image', web, '--registry-username', ALICE.username, '--service', 'rolling'], { env: alice });

    const first = await push(['--build-context', CONTEXT]);
    expect(first.code, first.log).toBe(0);
    expect(first.outputs).toMatchObject({ registered: 'false', 'task-definition-revision': '1', 'deployment-status': 'COMPLETED' });
    expect(first.log).toContain(`Updating service rolling to rolling:1, ${FORCING}.`);
    const forced = await primaryDeploymentId('rolling');
    // moto gives the PRIMARY deployment a new id only for forceNewDeployment.
    expect(forced).not.toBe(seeded);
    expect(first.outputs['deployment-id']).toBe(forced);

    const unchanged = await push(['--source-image', web]);
    expect(unchanged.code, unchanged.log).toBe(0);
    expect(unchanged.outputs).toMatchObject({ registered: 'false', 'task-definition-revision': '1', 'image-digest': first.outputs['image-digest'] });
    expect(unchanged.outputs['deployment-id']).toBe('');
    expect(unchanged.log).toContain('The registry already had this image under this tag.');
    expect(unchanged.log).not.toContain(FORCING);
    expect(await primaryDeploymentId('rolling')).toBe(forced);

    const moved = await push(['--build-context', await contextWith('release 2')]);
    expect(moved.code, moved.log).toBe(0);
    expect(moved.outputs).toMatchObject({ registered: 'false', 'task-definition-revision': '1', 'deployment-status': 'COMPLETED' });
    expect(moved.outputs['image-digest']).not.toBe(first.outputs['image-digest']);
    expect(moved.log).toContain(`The tag named ${first.outputs['image-digest'] ?? '?'} before this push`);
    expect(moved.log).toContain(`The push gave ${web} a new digest under a tag rolling:1 already names: ${FORCING}.`);
    const movedId = await primaryDeploymentId('rolling');
    expect(movedId).not.toBe(forced);
    expect(moved.outputs['deployment-id']).toBe(movedId);
    expect(await revisionsOf(ecs, 'rolling')).toHaveLength(1);
  });

  test('pin-digest names the pushed digest in the task definition', async () => {
    const web = image('pinned', '3');
    const run = await deliver(['--build-context', CONTEXT, '--image', web, '--registry-username', ALICE.username, '--pin-digest', 'true', '--family', 'pinned', '--memory', '128'], { env: alice });
    expect(run.code, run.log).toBe(0);
    const digest = run.outputs['image-digest'] ?? '';
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await registryDigest(web)).toBe(digest);
    expect(run.outputs['image']).toBe(`${registry.host}/pinned@${digest}`);
    expect(await imageOf(run.outputs['task-definition-arn'])).toBe(`${registry.host}/pinned@${digest}`);
  });

  test('an image that is not in the registry fails verification with exit 2, registering nothing', async () => {
    await seedService('absent', 'nginx:1.25');
    const run = await deliver(['--image', image('web', 'never-pushed'), '--registry-username', ALICE.username, '--service', 'absent'], { env: alice });
    expect(run.code, run.log).toBe(2);
    expect(run.log).toMatch(new RegExp(`error: image: ${image('web', 'never-pushed')} not found in ${registry.host} \\(.+\\); push it first`));
    expect(await revisionsOf(ecs, 'absent')).toHaveLength(1);
    expect(run.outputs).toMatchObject({ 'deployment-status': 'NOT_STARTED', 'task-definition-arn': '', registered: 'false' });
  });

  test('an image named in images is checked too: missing, it fails with exit 2 and nothing is registered', async () => {
    await seedService('several', 'nginx:1.25');
    const missing = image('sidecar', 'never-pushed');
    const run = await deliver(['--images', `app=${missing}`, '--registry-username', ALICE.username, '--service', 'several'], { env: alice });
    expect(run.code, run.log).toBe(2);
    expect(run.log).toContain(`image: ${missing} not found in ${registry.host}`);
    expect(await revisionsOf(ecs, 'several')).toHaveLength(1);
  });

  test('an unreachable registry only warns, unless verify-image is true (exit 2)', async () => {
    await seedService('unreachable', 'nginx:1.25');
    const closed = `localhost:${await freePort()}/web:1`;
    // What is checked is the image, not the rollout: moto starts no deployment on the new revision, so the run
    // does not wait for one.
    const warned = await deliver(['--image', closed, '--service', 'unreachable', '--wait', 'false']);
    expect(warned.code, warned.log).toBe(0);
    expect(warned.log).toMatch(new RegExp(`warning: Could not check that image ${closed} exists: .*ECONNREFUSED`));
    expect(warned.outputs).toMatchObject({ registered: 'true', image: closed, 'deployment-status': 'SKIPPED' });
    expect((await describeService(ecs, 'default', 'unreachable'))?.taskDefinition).toContain('unreachable:2');
    expect(await revisionsOf(ecs, 'unreachable')).toHaveLength(2);

    const strict = await deliver(['--image', `localhost:${await freePort()}/web:2`, '--service', 'unreachable', '--verify-image', 'true', '--wait', 'false']);
    expect(strict.code, strict.log).toBe(2);
    expect(strict.log).toMatch(/error: image: could not check that localhost:\d+\/web:2 exists: .*ECONNREFUSED.*set verify-image auto or false/);
    expect(await revisionsOf(ecs, 'unreachable')).toHaveLength(2);
  });

  test('a wrong password fails the login with exit 1, registering nothing', async () => {
    await seedService('denied', 'nginx:1.25');
    const run = await deliver(
      ['--source-image', image('web', 'built'), '--image', image('denied', '1'), '--registry-username', ALICE.username, '--service', 'denied'],
      { env: { ECS_DELIVER_REGISTRY_PASSWORD: WRONG_PASSWORD } },
    );
    expect(run.code, run.log).toBe(1);
    expect(run.log).toMatch(new RegExp(`error: docker login to ${registry.host} as alice failed: .+; check registry-username and registry-password`));
    expect(await revisionsOf(ecs, 'denied')).toHaveLength(1);
    expect(await registryDigest(image('denied', '1'))).toBeUndefined();
  });

  test('GitHub Actions mode: INPUT_REGISTRY-PASSWORD logs in, outputs reach GITHUB_OUTPUT', async () => {
    const { env, tmp } = await baseEnv();
    const dir = await mkdtemp(join(root, 'github-'));
    const outputFile = join(dir, 'output');
    const summaryFile = join(dir, 'summary');
    await Promise.all([writeFile(outputFile, ''), writeFile(summaryFile, '')]);
    const web = image('gh-web', '1');
    const run = await runBundle({
      env: {
        ...env,
        GITHUB_ACTIONS: 'true',
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        'INPUT_BUILD-CONTEXT': CONTEXT,
        INPUT_IMAGE: web,
        'INPUT_REGISTRY-USERNAME': ALICE.username,
        'INPUT_REGISTRY-PASSWORD': ALICE.password,
        INPUT_FAMILY: 'gh-web',
        INPUT_MEMORY: '128',
        'INPUT_POLL-INTERVAL': '1s',
      },
    });
    written.push({ kind: 'github', stdout: run.stdout, stderr: run.stderr, tmp, dirs: [dir] });
    expect(run.code, run.log).toBe(0);
    const outputs = parseGithubOutput(await readFile(outputFile, 'utf8'));
    expect(outputs).toMatchObject({ registered: 'true', image: web });
    expect(outputs['image-digest']).toBe(await registryDigest(web));
    // The runner takes ::add-mask:: lines off the log; they are the one place a secret may be printed.
    expect(run.stdout).toContain(`::add-mask::${ALICE.password}`);
  });

  test('GitLab mode: the password from the environment, outputs in the dotenv report', async () => {
    const { env, tmp } = await baseEnv();
    const cwd = await mkdtemp(join(root, 'gitlab-'));
    const web = image('gl-web', '1');
    const run = await runBundle({
      cwd,
      args: ['--source-image', image('web', 'built'), '--image', web, '--registry-username', ALICE.username, '--family', 'gl-web', '--memory', '128'],
      env: { ...env, ...alice, GITLAB_CI: 'true' },
    });
    written.push({ kind: 'gitlab', stdout: run.stdout, stderr: run.stderr, tmp, dirs: [cwd] });
    expect(run.code, run.log).toBe(0);
    const dotenv = await readFile(join(cwd, 'ecs-deliver.env'), 'utf8');
    expect(dotenv).toContain(`ECS_DELIVERED_IMAGE=${web}\n`);
    expect(dotenv).toMatch(/^ECS_DELIVERED_IMAGE_DIGEST=sha256:[0-9a-f]{64}$/m);
  });

  test('nothing printed or written holds a password or its base64 forms', async () => {
    expect(new Set(written.map((w) => w.kind)), 'run the whole file: the scan needs every host').toEqual(new Set(['shell', 'github', 'gitlab']));
    expect(written.length).toBeGreaterThan(10);
    let files = 0;
    for (const run of written) {
      const printed = `${withoutMaskCommands(run.stdout)}\n${run.stderr}`;
      for (const secret of SECRETS) expect(printed.includes(secret), `${secret} printed by a ${run.kind} run`).toBe(false);
      for (const dir of [run.tmp, ...run.dirs]) {
        for (const file of await filesUnder(dir)) {
          files++;
          const content = await readFile(file, 'latin1');
          for (const secret of SECRETS) expect(content.includes(secret), `${secret} in ${file}`).toBe(false);
        }
      }
    }
    // The GitHub output and summary files, and the dotenv report, at least.
    expect(files).toBeGreaterThanOrEqual(3);
    // Each run's TMPDIR (where the private DOCKER_CONFIG of a login lives) is left empty, and the user's own
    // docker config is as it was.
    for (const run of written) expect(await readdir(run.tmp), `left in the TMPDIR of a ${run.kind} run`).toEqual([]);
    expect(await readFile(join(userConfig, 'config.json'), 'utf8')).toBe(USER_CONFIG);
    for (const file of [...(await filesUnder(userConfig)), ...(await filesUnder(engine.dir))]) {
      const content = await readFile(file, 'latin1');
      for (const secret of SECRETS) expect(content.includes(secret), `${secret} in ${file}`).toBe(false);
    }
  });
});

function jsonOutputs(stdout: string): Record<string, string> {
  const line = stdout.trim().split('\n').pop() ?? '';
  return line.startsWith('{') ? (JSON.parse(line) as Record<string, string>) : {};
}

/** Drops the `::add-mask::` commands, which the GitHub runner consumes and never shows. */
function withoutMaskCommands(stdout: string): string {
  return stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
}

