// The image steps against real tools: the docker CLI on a podman engine, Debian's docker-registry with
// htpasswd logins, and moto for the ECR token. Not through the bundle: prepareImage is called directly.
import { ECRClient } from '@aws-sdk/client-ecr';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ecrApi } from '../../src/aws/ecr.js';
import { DeployError, PreflightError } from '../../src/errors.js';
import { prepareImage, type ImageOptions, type PrepareDeps } from '../../src/image/prepare.js';
import { checkManifest } from '../../src/image/registry-check.js';
import { parseImageReference } from '../../src/image/reference.js';
import { spawnRunner } from '../../src/image/runner.js';
import { missingEngineTools, startPodmanEngine, type PodmanEngine } from '../support/podman-engine.js';
import { freePort, missingRegistryTools, startRegistry, type RegistryServer } from '../support/registry-server.js';
import { findExecutable } from '../../src/image/runner.js';
import { imageOptions } from '../support/image-options.js';
import { RecordingReporter } from '../support/recording-reporter.js';
import { filesUnder } from '../support/files-under.js';
import { MOTO, startMoto, type MotoServer } from '../support/moto-server.js';

const ALICE = { username: 'alice', password: 'alice-Secret-Pa55word' };
// moto's GetAuthorizationToken answers AWS:123456789012-auth-token; the registry accepts that login.
const MOTO_ECR = { username: 'AWS', password: '123456789012-auth-token' };
const b64 = (text: string) => Buffer.from(text).toString('base64');
const SECRETS = [ALICE.password, b64(ALICE.password), b64(`${ALICE.username}:${ALICE.password}`),
  MOTO_ECR.password, b64(MOTO_ECR.password), b64(`${MOTO_ECR.username}:${MOTO_ECR.password}`)];

function missingTools(): string | undefined {
  return missingRegistryTools() ?? missingEngineTools()
    ?? (findExecutable(MOTO.command) === undefined ? `moto_server not found: ${MOTO.install}` : undefined);
}

const missing = missingTools();
if (missing !== undefined && process.env['ECS_DELIVER_REQUIRE_SERVERS'] === '1') {
  throw new Error(`ECS_DELIVER_REQUIRE_SERVERS=1 but ${missing}`);
}
if (missing !== undefined) console.warn(`image-tools e2e skipped: ${missing}`);

describe.skipIf(missing !== undefined)('image steps with docker, podman and a registry', () => {
  let registry: RegistryServer;
  let engine: PodmanEngine;
  let moto: MotoServer;
  let root = '';
  let tempRoot = '';
  let userConfig = '';
  let env: NodeJS.ProcessEnv = {};
  const reporters: RecordingReporter[] = [];
  const errors: unknown[] = [];
  const USER_CONFIG = `${JSON.stringify({ auths: {} })}\n`;

  beforeAll(async () => {
    [registry, moto] = await Promise.all([startRegistry([ALICE, MOTO_ECR]), startMoto()]);
    engine = await startPodmanEngine([registry.host]);
    root = await mkdtemp(join(tmpdir(), 'image-tools-e2e-'));
    tempRoot = join(root, 'tmp');
    userConfig = join(root, 'user-docker');
    await mkdir(tempRoot);
    await mkdir(userConfig);
    await writeFile(join(userConfig, 'config.json'), USER_CONFIG);
    env = { ...process.env, ...engine.env, DOCKER_CONFIG: userConfig };
  }, 90_000);

  afterAll(async () => {
    const stopped = await Promise.allSettled([registry?.stop(), engine?.stop(), moto?.stop(), root !== '' ? rm(root, { recursive: true, force: true }) : undefined]);
    const failed = stopped.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
  });

  async function context(name: string, content: string): Promise<string> {
    const dir = join(root, name);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'content.txt'), content);
    await writeFile(join(dir, 'Dockerfile'), 'FROM scratch\nARG NOTE=none\nLABEL note=$NOTE\nCOPY content.txt /content.txt\n');
    return dir;
  }

  function deps(reporter: RecordingReporter): PrepareDeps {
    reporters.push(reporter);
    const client = new ECRClient({ region: 'us-east-1', endpoint: moto.url, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
    return { ecr: () => ecrApi(client), reporter, runner: spawnRunner(env), env, tempRoot, registryTimeoutMs: 3000 };
  }

  function options(overrides: Partial<ImageOptions> = {}): ImageOptions {
    return imageOptions(`${registry.host}/app:1`, overrides);
  }

  async function registryDigest(image: string): Promise<string | undefined> {
    const result = await checkManifest(parseImageReference(image), { credentials: ALICE });
    return result.status === 'found' ? result.digest : undefined;
  }

  const basic = { registryUsername: ALICE.username, registryPassword: ALICE.password };

  test('build a FROM scratch Dockerfile and push it with basic auth', async () => {
    const reporter = new RecordingReporter();
    const image = `${registry.host}/app:1`;
    const result = await prepareImage(deps(reporter), options({ image, buildContext: await context('v1', 'one'), buildArgs: [['NOTE', 'first']], ...basic }));
    expect(result.pushed).toBe(true);
    expect(result.pushedNewDigest).toBe(true);
    expect(result.image).toBe(image);
    expect(result.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await registryDigest(image)).toBe(result.digest);
    expect(reporter.groups).toContain(`Log in to ${registry.host}`);
  });

  test('an unchanged re-push of a local image: pushedNewDigest false', async () => {
    const reporter = new RecordingReporter();
    const image = `${registry.host}/app:1`;
    const before = await registryDigest(image);
    const result = await prepareImage(deps(reporter), options({ image, sourceImage: image, ...basic }));
    expect(result).toEqual({ image, digest: before, pushed: true, pushedNewDigest: false });
  });

  test('tag a local image under another name and push it', async () => {
    const reporter = new RecordingReporter();
    const image = `${registry.host}/team/copy:7`;
    const result = await prepareImage(deps(reporter), options({ image, sourceImage: `${registry.host}/app:1`, ...basic }));
    expect(result.pushed).toBe(true);
    expect(result.pushedNewDigest).toBe(true);
    expect(await registryDigest(image)).toBe(result.digest);
  });

  test('a re-push of the same tag with new content: pushedNewDigest true', async () => {
    const reporter = new RecordingReporter();
    const image = `${registry.host}/app:1`;
    const before = await registryDigest(image);
    const result = await prepareImage(deps(reporter), options({ image, buildContext: await context('v2', 'two'), ...basic }));
    expect(result.pushedNewDigest).toBe(true);
    expect(result.digest).not.toBe(before);
    expect(await registryDigest(image)).toBe(result.digest);
    expect(reporter.text.split('\n')).toContain(`The tag named ${before} before this push: services on this reference get a new deployment.`);
  });

  test('registry-auth ecr: the token from moto logs in; pin-digest names what was pushed', async () => {
    const reporter = new RecordingReporter();
    const image = `${registry.host}/ecr-app:2`;
    const result = await prepareImage(deps(reporter), options({
      image, buildContext: await context('ecr', 'ecr'), registryAuth: 'ecr', region: 'us-east-1', pinDigest: true,
    }));
    expect(result.image).toBe(`${registry.host}/ecr-app@${result.digest}`);
    expect(await registryDigest(image)).toBe(result.digest);
    expect(reporter.masked).toEqual(expect.arrayContaining([MOTO_ECR.password, b64(`AWS:${MOTO_ECR.password}`)]));
  });

  test('a wrong password fails with a clear error', async () => {
    const reporter = new RecordingReporter();
    const error = await prepareImage(deps(reporter), options({
      image: `${registry.host}/app:9`, sourceImage: `${registry.host}/app:1`, registryUsername: ALICE.username, registryPassword: `${ALICE.password}-wrong`,
    })).catch((e: unknown) => e);
    errors.push(error);
    expect(error).toBeInstanceOf(DeployError);
    expect((error as Error).message).toMatch(new RegExp(`^docker login to ${registry.host} as alice failed: .+; check registry-username and registry-password$`));
    expect((error as Error).message).not.toContain(ALICE.password);
  });

  test('a missing image fails verification (exit 2), an existing one passes', async () => {
    const reporter = new RecordingReporter();
    const error = await prepareImage(deps(reporter), options({ image: `${registry.host}/app:does-not-exist`, ...basic })).catch((e: unknown) => e);
    errors.push(error);
    expect(error).toBeInstanceOf(PreflightError);
    expect((error as Error).message).toMatch(/not found in localhost:\d+/);
    const found = await prepareImage(deps(reporter), options({ image: `${registry.host}/app:1`, verifyImage: 'true', ...basic }));
    expect(found).toEqual({ image: `${registry.host}/app:1`, pushed: false, pushedNewDigest: false });
  });

  test('an unreachable registry only warns with verify-image auto', async () => {
    const reporter = new RecordingReporter();
    const port = await freePort();
    const result = await prepareImage(deps(reporter), options({ image: `localhost:${port}/app:1`, ...basic }));
    expect(result.pushed).toBe(false);
    expect(reporter.lines.filter((line) => line.level === 'warn').map((line) => line.text)).toEqual([
      expect.stringMatching(new RegExp(`^Could not check that image localhost:${port}/app:1 exists: .*ECONNREFUSED`)),
    ]);
  });

  test('nothing printed, thrown or left on disk holds a password or its base64 forms', async () => {
    expect(reporters.length).toBeGreaterThan(5);
    const printed = [...reporters.flatMap((r) => [...r.printed, ...r.groups]), ...errors.map((e) => (e instanceof Error ? e.message : String(e)))].join('\n');
    for (const secret of SECRETS) expect(printed).not.toContain(secret);
    expect(await readdir(tempRoot)).toEqual([]);
    expect(await readFile(join(userConfig, 'config.json'), 'utf8')).toBe(USER_CONFIG);
    const files = [...(await filesUnder(root)), ...(await filesUnder(engine.dir))];
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const content = await readFile(file, 'latin1');
      for (const secret of SECRETS) expect(content.includes(secret), `${secret} in ${file}`).toBe(false);
    }
  });
});

