import {
  CreateRepositoryCommand,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  GetAuthorizationTokenCommand,
  ImageNotFoundException,
  RepositoryNotFoundException,
} from '@aws-sdk/client-ecr';
import { ECRPUBLICClient, GetAuthorizationTokenCommand as PublicGetAuthorizationTokenCommand } from '@aws-sdk/client-ecr-public';
import { mockClient } from 'aws-sdk-client-mock';
import { ECR_PUBLIC_REGION, ecrPublicToken } from '../../src/aws/ecr-public.js';
import { existsSync, statSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { ecrApi } from '../../src/aws/ecr.js';
import { DeployError, InputError, PreflightError } from '../../src/errors.js';
import { prepareImage, type ImageOptions, type PrepareDeps } from '../../src/image/prepare.js';
import type { CommandResult, CommandRunner, RunOptions } from '../../src/image/runner.js';
import { imageOptions } from '../support/image-options.js';
import { RecordingReporter } from '../support/recording-reporter.js';

const ACCOUNT = '123456789012';
const HOST = `${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com`;
const ECR_PASSWORD = 'ecr-secret-password-4711';
const ECR_TOKEN = Buffer.from(`AWS:${ECR_PASSWORD}`).toString('base64');
const HUB_PASSWORD = 'hub-secret-password-0815';
const OLD = `sha256:${'0'.repeat(64)}`;
const NEW = `sha256:${'1'.repeat(64)}`;
const meta = { $metadata: {} };
const b64 = (text: string) => Buffer.from(text).toString('base64');
const SECRET_FORMS = [ECR_PASSWORD, ECR_TOKEN, b64(ECR_PASSWORD), HUB_PASSWORD, b64(HUB_PASSWORD), b64(`me:${HUB_PASSWORD}`)];

// Everything that happened, in order: client commands and ECR calls.
let events: string[] = [];

interface Call {
  command: string;
  args: readonly string[];
  env: Readonly<Record<string, string>>;
  stdin?: string;
  configDirMode?: number;
}

/** Records each call; answers by subcommand. Like docker, `login` writes the password into DOCKER_CONFIG. */
class FakeRunner implements CommandRunner {
  calls: Call[] = [];
  answers: Record<string, Partial<CommandResult> & { lines?: string[] }> = {};

  async run(command: string, args: readonly string[], options: RunOptions = {}): Promise<CommandResult> {
    const sub = args[0] ?? '';
    events.push(`client ${sub}`);
    const env = options.env ?? {};
    const dir = env['DOCKER_CONFIG'];
    this.calls.push({
      command, args, env, ...(options.stdin !== undefined ? { stdin: options.stdin } : {}),
      ...(dir !== undefined && existsSync(dir) ? { configDirMode: statSync(dir).mode & 0o777 } : {}),
    });
    const answer = this.answers[sub] ?? {};
    if (sub === 'login' && dir !== undefined && (answer.exitCode ?? 0) === 0) {
      await writeFile(join(dir, 'config.json'), JSON.stringify({ auths: { [args.at(-1) ?? '']: { auth: b64(`${args[2]}:${options.stdin}`) } } }));
    }
    for (const line of answer.lines ?? []) options.onLine?.(line, 'stdout');
    return { exitCode: answer.exitCode ?? 0, stdout: answer.stdout ?? '', stderr: answer.stderr ?? '' };
  }
}

const ecrMock = mockClient(ECRClient);
const ecrClient = new ECRClient({ region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });

let root = '';
let tempRoot = '';
let userConfigDir = '';
let context = '';
let env: NodeJS.ProcessEnv = {};
const USER_CONFIG = JSON.stringify({ auths: { 'registry.example.com': { auth: b64('own:own-password') } } });

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'image-prepare-test-'));
  tempRoot = join(root, 'tmp');
  userConfigDir = join(root, 'user-docker');
  context = join(root, 'app');
  await mkdir(tempRoot);
  await mkdir(userConfigDir);
  await mkdir(context);
  await writeFile(join(context, 'Dockerfile'), 'FROM scratch\n');
  await mkdir(join(root, 'bin'));
  await writeFile(join(root, 'bin', 'docker'), '#!/bin/sh\nexit 1\n');
  await chmod(join(root, 'bin', 'docker'), 0o755);
  env = { PATH: join(root, 'bin'), DOCKER_CONFIG: userConfigDir };
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

let runner: FakeRunner;
let reporter: RecordingReporter;
let regions: string[];
let fetched: { url: string; authorization?: string }[];
let fetchAnswer: (url: string) => Response;

beforeEach(async () => {
  events = [];
  regions = [];
  fetched = [];
  fetchAnswer = () => new Response(null, { status: 404 });
  runner = new FakeRunner();
  reporter = new RecordingReporter();
  await writeFile(join(userConfigDir, 'config.json'), USER_CONFIG);
  ecrMock.reset();
  ecrMock.on(GetAuthorizationTokenCommand).callsFake(() => {
    events.push('ecr GetAuthorizationToken');
    return { authorizationData: [{ authorizationToken: ECR_TOKEN, proxyEndpoint: `https://${HOST}` }] };
  });
  describeImages(OLD, NEW);
  ecrMock.on(DescribeRepositoriesCommand).callsFake(() => {
    events.push('ecr DescribeRepositories');
    throw new RepositoryNotFoundException({ message: 'missing', ...meta });
  });
  ecrMock.on(CreateRepositoryCommand).callsFake(() => {
    events.push('ecr CreateRepository');
    return {};
  });
  runner.answers['push'] = { stdout: `1: digest: ${NEW} size: 528\n` };
});

/** DescribeImages answers these digests in turn (undefined: ImageNotFoundException, an Error: that error). */
function describeImages(...answers: (string | undefined | Error)[]): void {
  let call = 0;
  ecrMock.on(DescribeImagesCommand).callsFake(() => {
    events.push('ecr DescribeImages');
    const answer = answers[Math.min(call++, answers.length - 1)];
    if (answer instanceof Error) throw answer;
    if (answer === undefined) throw new ImageNotFoundException({ message: 'The image with imageId {imageTag:1} does not exist', ...meta });
    return { imageDetails: [{ imageDigest: answer }] };
  });
}

function deps(overrides: Partial<PrepareDeps> = {}): PrepareDeps {
  return {
    ecr: (region) => {
      regions.push(region);
      return ecrApi(ecrClient);
    },
    reporter,
    runner,
    env,
    tempRoot,
    fetch: (async (input: string | URL | Request, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      fetched.push({ url: String(input), ...(headers.get('authorization') ? { authorization: headers.get('authorization') ?? '' } : {}) });
      events.push(`fetch ${init?.method ?? 'GET'}`);
      return fetchAnswer(String(input));
    }) as typeof fetch,
    ...overrides,
  };
}

function options(overrides: Partial<ImageOptions> = {}): ImageOptions {
  return imageOptions(`${HOST}/web:1.2`, overrides);
}

/** Nothing the test can see holds a secret: argv, env, reporter lines, the error, files left in the temp root. */
async function expectNoSecretLeft(error?: unknown): Promise<void> {
  const visible = [
    ...runner.calls.flatMap((call) => [call.command, ...call.args, ...Object.values(call.env)]),
    ...reporter.printed,
    ...reporter.groups,
    error instanceof Error ? error.message : '',
  ].join('\n');
  for (const secret of SECRET_FORMS) expect(visible).not.toContain(secret);
  expect(await readdir(tempRoot)).toEqual([]);
  expect(await readFile(join(userConfigDir, 'config.json'), 'utf8')).toBe(USER_CONFIG);
}

describe('build and push to ECR', () => {
  test('runs the steps in order and reports a new digest', async () => {
    const result = await prepareImage(deps(), options({ buildContext: context, createRepository: true, buildArgs: [['V', '1']] }));
    expect(result).toEqual({ image: `${HOST}/web:1.2`, digest: NEW, pushed: true, pushedNewDigest: true });
    expect(events).toEqual([
      'ecr DescribeRepositories', 'ecr CreateRepository', 'ecr GetAuthorizationToken',
      'client login', 'client build', 'ecr DescribeImages', 'client push',
    ]);
    expect(regions).toEqual(['eu-west-1', 'eu-west-1', 'eu-west-1']);
    expect(runner.calls.map((call) => call.args)).toEqual([
      ['login', '--username', 'AWS', '--password-stdin', HOST],
      ['build', '--build-arg', 'V=1', '--tag', `${HOST}/web:1.2`, context],
      ['push', `${HOST}/web:1.2`],
    ]);
    expect(ecrMock.commandCalls(DescribeImagesCommand)[0]?.args[0].input).toEqual({
      repositoryName: 'web', imageIds: [{ imageTag: '1.2' }], registryId: ACCOUNT,
    });
    expect(reporter.printed).toContain(`The tag named ${OLD} before this push: services on this reference get a new deployment.`);
    await expectNoSecretLeft();
  });

  test('the password goes to stdin of login only, in a private 0700 DOCKER_CONFIG used by every command and removed after', async () => {
    await prepareImage(deps(), options({ buildContext: context }));
    const [loginCall, ...rest] = runner.calls;
    expect(loginCall?.stdin).toBe(ECR_PASSWORD);
    expect(rest.every((call) => call.stdin === undefined)).toBe(true);
    const dir = loginCall?.env['DOCKER_CONFIG'] ?? '';
    expect(dir.startsWith(tempRoot)).toBe(true);
    expect(loginCall?.configDirMode).toBe(0o700);
    expect(runner.calls.every((call) => call.env['DOCKER_CONFIG'] === dir)).toBe(true);
    expect(loginCall?.env['REGISTRY_AUTH_FILE']).toBe(join(dir, 'config.json'));
    expect(existsSync(dir)).toBe(false);
  });

  test('every form of the token is masked before the first command runs', async () => {
    let maskedAtLogin: string[] = [];
    const spying: CommandRunner = { run: (c, a, o) => { maskedAtLogin = maskedAtLogin.length ? maskedAtLogin : [...reporter.masked]; return runner.run(c, a, o); } };
    await prepareImage(deps({ runner: spying }), options({ buildContext: context }));
    expect(maskedAtLogin).toEqual(expect.arrayContaining([ECR_PASSWORD, b64(ECR_PASSWORD), ECR_TOKEN]));
  });

  test.each<[string, (string | undefined | Error)[], boolean]>([
    ['the tag already named the pushed digest', [NEW], false],
    ['the tag named another digest', [OLD], true],
    ['the tag is new', [undefined], true],
    ['the repository is new', [new RepositoryNotFoundException({ message: 'no repo', ...meta })], true],
    ['the registry could not be asked', [new Error('socket hang up')], true],
  ])('pushedNewDigest when %s: %s', async (_name, before, expected) => {
    describeImages(...before);
    const result = await prepareImage(deps(), options({ sourceImage: 'web:local' }));
    expect(result.pushedNewDigest).toBe(expected);
    expect(result.digest).toBe(NEW);
  });

  test('an unchanged push says so', async () => {
    describeImages(NEW);
    await prepareImage(deps(), options({ sourceImage: 'web:local' }));
    expect(reporter.printed).toContain('The registry already had this image under this tag.');
  });

  test('source-image is tagged, then pushed', async () => {
    await prepareImage(deps(), options({ sourceImage: 'web:local' }));
    expect(runner.calls.map((call) => call.args)).toEqual([
      ['login', '--username', 'AWS', '--password-stdin', HOST],
      ['tag', 'web:local', `${HOST}/web:1.2`],
      ['push', `${HOST}/web:1.2`],
    ]);
  });

  test('pin-digest names the pushed digest; without a digest in the push output the registry is asked', async () => {
    runner.answers['push'] = { stdout: 'Writing manifest to image destination\n' };
    describeImages(OLD, NEW);
    const result = await prepareImage(deps(), options({ sourceImage: 'web:local', pinDigest: true }));
    expect(result).toEqual({ image: `${HOST}/web@${NEW}`, digest: NEW, pushed: true, pushedNewDigest: true });
    expect(ecrMock.commandCalls(DescribeImagesCommand)).toHaveLength(2);
  });

  test('pin-digest fails when the digest cannot be learnt', async () => {
    runner.answers['push'] = { stdout: '' };
    describeImages(new Error('unreachable'));
    await expect(prepareImage(deps(), options({ sourceImage: 'web:local', pinDigest: true }))).rejects.toThrow(/could not learn its digest/);
    expect(await readdir(tempRoot)).toEqual([]);
  });

  test('client output is shown line by line, redacted', async () => {
    runner.answers['build'] = { lines: ['Step 1/2 : FROM scratch', `leaked ${ECR_PASSWORD} here`] };
    await prepareImage(deps(), options({ buildContext: context }));
    expect(reporter.printed).toContain('Step 1/2 : FROM scratch');
    expect(reporter.printed).toContain('leaked *** here');
  });
});

describe('failures', () => {
  test('a failed push is a DeployError with docker\'s words, redacted, and the private config is removed', async () => {
    runner.answers['push'] = { exitCode: 1, stderr: `denied: token ${ECR_PASSWORD} / ${ECR_TOKEN} not valid\n` };
    const error = await prepareImage(deps(), options({ buildContext: context })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeployError);
    expect((error as Error).message).toBe('docker push failed (exit 1): denied: token *** / *** not valid');
    await expectNoSecretLeft(error);
  });

  test('a failed build stops before the push', async () => {
    runner.answers['build'] = { exitCode: 2, stderr: 'COPY failed: file not found' };
    await expect(prepareImage(deps(), options({ buildContext: context }))).rejects.toThrow('docker build failed (exit 2): COPY failed: file not found');
    expect(runner.calls.map((call) => call.args[0])).toEqual(['login', 'build']);
    await expectNoSecretLeft();
  });

  test('a refused login says which registry and what to check', async () => {
    runner.answers['login'] = { exitCode: 1, stderr: `Error response from daemon: login attempt to https://x/v2/ failed with status: 401 Unauthorized (${ECR_PASSWORD})` };
    const error = await prepareImage(deps(), options({ buildContext: context })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeployError);
    expect((error as Error).message).toMatch(new RegExp(`^docker login to ${HOST} as AWS failed: .*401 Unauthorized \\(\\*\\*\\*\\); check that the AWS identity may push`));
    expect(runner.calls).toHaveLength(1);
    await expectNoSecretLeft(error);
  });

  test('no ECR token: a DeployError before any command runs', async () => {
    ecrMock.on(GetAuthorizationTokenCommand).rejects(new Error('AccessDeniedException: not authorized'));
    await expect(prepareImage(deps(), options({ buildContext: context }))).rejects.toThrow(`could not get a login for ${HOST}: AccessDeniedException: not authorized`);
    expect(runner.calls).toEqual([]);
  });

  test('a bad input fails before anything runs', async () => {
    await expect(prepareImage(deps(), options({ buildContext: join(root, 'missing') }))).rejects.toThrow(InputError);
    expect(events).toEqual([]);
  });

  test('a client that cannot be started is an InputError, and the private config is removed', async () => {
    const missing: CommandRunner = { run: () => Promise.reject(new InputError('docker-command: "docker" was not found on PATH')) };
    await expect(prepareImage(deps({ runner: missing }), options({ buildContext: context }))).rejects.toThrow(InputError);
    expect(await readdir(tempRoot)).toEqual([]);
  });
});

describe('other registries', () => {
  const image = 'registry.example.com/acme/web:3';

  test('basic: username on the command line, password on stdin, every form masked, lookups with the same login', async () => {
    fetchAnswer = () => new Response(null, { status: 200, headers: { 'Docker-Content-Digest': NEW } });
    const result = await prepareImage(deps(), options({ image, sourceImage: 'web:local', registryUsername: 'me', registryPassword: HUB_PASSWORD }));
    expect(result).toEqual({ image, digest: NEW, pushed: true, pushedNewDigest: false });
    expect(reporter.masked).toEqual(expect.arrayContaining([HUB_PASSWORD, b64(HUB_PASSWORD), b64(`me:${HUB_PASSWORD}`)]));
    expect(runner.calls[0]?.args).toEqual(['login', '--username', 'me', '--password-stdin', 'registry.example.com']);
    expect(runner.calls[0]?.stdin).toBe(HUB_PASSWORD);
    expect(fetched).toEqual([{ url: 'https://registry.example.com/v2/acme/web/manifests/3' }]);
    expect(ecrMock.calls()).toHaveLength(0);
    await expectNoSecretLeft();
  });

  test('auto on an ECR host takes the ECR token; a registry password given anyway is masked, never used', async () => {
    await prepareImage(deps(), options({ sourceImage: 'web:local', registryUsername: 'me', registryPassword: HUB_PASSWORD }));
    expect(runner.calls[0]?.args).toEqual(['login', '--username', 'AWS', '--password-stdin', HOST]);
    expect(runner.calls[0]?.stdin).toBe(ECR_PASSWORD);
    expect(reporter.masked).toEqual(expect.arrayContaining([HUB_PASSWORD, b64(`me:${HUB_PASSWORD}`)]));
    await expectNoSecretLeft();
  });

  test('Docker Hub names are made explicit for the client', async () => {
    await prepareImage(deps(), options({ image: 'acme/web', sourceImage: 'web:local', registryUsername: 'me', registryPassword: HUB_PASSWORD }));
    expect(runner.calls.map((call) => call.args)).toEqual([
      ['login', '--username', 'me', '--password-stdin', 'docker.io'],
      ['tag', 'web:local', 'docker.io/acme/web:latest'],
      ['push', 'docker.io/acme/web:latest'],
    ]);
    expect(fetched[0]?.url).toBe('https://registry-1.docker.io/v2/acme/web/manifests/latest');
  });

  test('registry-auth ecr on another host: an ECR token from the given region', async () => {
    await prepareImage(deps(), options({ image: 'localhost:5000/web:1', sourceImage: 'web:local', registryAuth: 'ecr', region: 'us-east-2' }));
    expect(regions).toEqual(['us-east-2']);
    expect(runner.calls[0]?.args).toEqual(['login', '--username', 'AWS', '--password-stdin', 'localhost:5000']);
    expect(runner.calls[0]?.stdin).toBe(ECR_PASSWORD);
    expect(fetched[0]?.url).toBe('http://localhost:5000/v2/web/manifests/1');
    await expectNoSecretLeft();
  });

  test.each(['auto', 'none'] as const)('registry-auth %s without credentials: the user\'s own docker config, no login', async (registryAuth) => {
    await prepareImage(deps(), options({ image, sourceImage: 'web:local', registryAuth }));
    expect(runner.calls.map((call) => call.args[0])).toEqual(['tag', 'push']);
    expect(runner.calls.every((call) => Object.keys(call.env).length === 0)).toBe(true);
    expect(ecrMock.calls()).toHaveLength(0);
    await expectNoSecretLeft();
  });
});

describe('verify-image when nothing is pushed', () => {
  test.each(['auto', 'true'] as const)('%s: an image that exists is reported', async (verifyImage) => {
    describeImages(OLD);
    expect(await prepareImage(deps(), options({ verifyImage }))).toEqual({ image: `${HOST}/web:1.2`, pushed: false, pushedNewDigest: false });
    expect(reporter.printed).toContain(`Image ${HOST}/web:1.2 exists (${OLD}).`);
    expect(runner.calls).toEqual([]);
    expect(events).toEqual(['ecr DescribeImages']);
  });

  test.each([
    ['a missing tag', undefined],
    ['a missing repository', new RepositoryNotFoundException({ message: 'The repository with name web does not exist', ...meta })],
  ])('%s is a PreflightError', async (_name, answer) => {
    describeImages(answer);
    const error = await prepareImage(deps(), options()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreflightError);
    expect((error as Error).message).toMatch(new RegExp(`^image: ${HOST}/web:1.2 not found in ${HOST}`));
  });

  test('auto: an unreachable ECR only warns', async () => {
    describeImages(new Error('connect ETIMEDOUT'));
    expect((await prepareImage(deps(), options())).pushed).toBe(false);
    expect(reporter.printed).toContain(`warn: Could not check that image ${HOST}/web:1.2 exists: ECR DescribeImages failed: connect ETIMEDOUT. Going on (verify-image true makes this an error).`);
  });

  test('true: an unreachable ECR is a PreflightError', async () => {
    describeImages(new Error('connect ETIMEDOUT'));
    await expect(prepareImage(deps(), options({ verifyImage: 'true' }))).rejects.toThrow(PreflightError);
  });

  test.each<[string, Partial<ImageOptions>, () => Response, 'ok' | 'warn' | 'error']>([
    ['found', {}, () => new Response(null, { status: 200, headers: { 'Docker-Content-Digest': OLD } }), 'ok'],
    ['not found', {}, () => new Response(null, { status: 404 }), 'error'],
    ['a server error, auto', {}, () => new Response(null, { status: 500 }), 'warn'],
    ['a server error, true', { verifyImage: 'true' }, () => new Response(null, { status: 500 }), 'error'],
    ['no network, auto', {}, () => { throw new TypeError('fetch failed'); }, 'warn'],
  ])('another registry, %s', async (_name, overrides, answer, outcome) => {
    fetchAnswer = answer;
    const run = prepareImage(deps(), options({ image: 'ghcr.io/acme/web:1', ...overrides }));
    if (outcome === 'error') {
      await expect(run).rejects.toThrow(PreflightError);
    } else {
      await run;
      expect(reporter.printed.some((line) => line.startsWith('warn: '))).toBe(outcome === 'warn');
    }
  });

  test('the docker client\'s own login is read from the user config and masked', async () => {
    fetchAnswer = () => new Response(null, { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="r"' } });
    await prepareImage(deps(), options({ image: 'registry.example.com/web:1' }));
    expect(fetched.map((f) => f.authorization)).toEqual([undefined, `Basic ${b64('own:own-password')}`]);
    expect(reporter.masked).toEqual(expect.arrayContaining(['own-password', b64('own:own-password')]));
    expect(await readFile(join(userConfigDir, 'config.json'), 'utf8')).toBe(USER_CONFIG);
  });

  test('registry-auth ecr on another host: the lookup uses the ECR token, and a failed token only warns', async () => {
    ecrMock.on(GetAuthorizationTokenCommand).rejects(new Error('ExpiredTokenException'));
    await prepareImage(deps(), options({ image: 'localhost:5000/web:1', registryAuth: 'ecr', region: 'us-east-2' }));
    expect(reporter.printed).toContain('warn: Could not check that image localhost:5000/web:1 exists: ExpiredTokenException. Going on (verify-image true makes this an error).');
    expect(fetched).toEqual([]);
  });

  test('verify-image false: nothing is asked', async () => {
    expect(await prepareImage(deps(), options({ verifyImage: 'false' }))).toEqual({ image: `${HOST}/web:1.2`, pushed: false, pushedNewDigest: false });
    expect(events).toEqual([]);
    expect(reporter.printed).toEqual([]);
  });

  test('no image: nothing is asked', async () => {
    expect(await prepareImage(deps(), options({ image: '' }))).toEqual({ image: '', pushed: false, pushedNewDigest: false });
    expect(events).toEqual([]);
  });
});

describe('build without a push', () => {
  test('verifies first (read only), then builds with the user\'s own config, and logs in nowhere', async () => {
    describeImages(OLD);
    const result = await prepareImage(deps(), options({ buildContext: context, push: false }));
    expect(result).toEqual({ image: `${HOST}/web:1.2`, pushed: false, pushedNewDigest: false });
    expect(events).toEqual(['ecr DescribeImages', 'client build']);
    expect(runner.calls[0]?.env).toEqual({});
  });

  test('a missing image stops it before the build', async () => {
    describeImages(undefined);
    await expect(prepareImage(deps(), options({ buildContext: context, push: false }))).rejects.toThrow(PreflightError);
    expect(runner.calls).toEqual([]);
  });

  test('verify-image false: the build alone', async () => {
    await prepareImage(deps(), options({ sourceImage: 'web:local', push: false, verifyImage: 'false' }));
    expect(events).toEqual(['client tag']);
  });
});

describe('dry run', () => {
  test('without a push: says it would build, and nothing else', async () => {
    await prepareImage(deps(), options({ buildContext: context, push: false, verifyImage: 'false', dryRun: true }));
    expect(events).toEqual([]);
    expect(reporter.printed).toEqual([`Dry run: would build ${context} as ${HOST}/web:1.2.`]);
  });


  test('builds and pushes nothing, creates nothing, and says what it would do', async () => {
    const result = await prepareImage(deps(), options({ buildContext: context, createRepository: true, pinDigest: true, dryRun: true }));
    expect(result).toEqual({ image: `${HOST}/web:1.2`, pushed: false, pushedNewDigest: false });
    expect(events).toEqual([]);
    expect(reporter.printed).toEqual([
      `Dry run: would create ECR repository web in eu-west-1 if it is missing.`,
      `Dry run: would log in to ${HOST} (ECR token from eu-west-1).`,
      `Dry run: would build ${context} as ${HOST}/web:1.2.`,
      `Dry run: would push ${HOST}/web:1.2 and name its digest in the task definition.`,
    ]);
  });

  test('still verifies an image it would not push (read only)', async () => {
    describeImages(undefined);
    await expect(prepareImage(deps(), options({ dryRun: true }))).rejects.toThrow(PreflightError);
    expect(events).toEqual(['ecr DescribeImages']);
  });
});

describe('public.ecr.aws', () => {
  const publicMock = mockClient(ECRPUBLICClient);
  const PUBLIC_PASSWORD = 'public-token-password';
  const image = 'public.ecr.aws/acme/web:4';

  test('a push logs in with an ECR Public token from us-east-1, on stdin, masked', async () => {
    publicMock.reset();
    publicMock.on(PublicGetAuthorizationTokenCommand).resolves({ authorizationData: { authorizationToken: b64(`AWS:${PUBLIC_PASSWORD}`) } });
    fetchAnswer = () => new Response(null, { status: 200, headers: { 'Docker-Content-Digest': NEW } });
    const publicClient = new ECRPUBLICClient({ region: ECR_PUBLIC_REGION, credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
    const result = await prepareImage(deps({ ecrPublicToken: () => ecrPublicToken(publicClient) }), options({ image, sourceImage: 'web:local' }));
    expect(result).toMatchObject({ image, pushed: true });
    expect(runner.calls[0]?.args).toEqual(['login', '--username', 'AWS', '--password-stdin', 'public.ecr.aws']);
    expect(runner.calls[0]?.stdin).toBe(PUBLIC_PASSWORD);
    expect(reporter.masked).toEqual(expect.arrayContaining([PUBLIC_PASSWORD, b64(PUBLIC_PASSWORD)]));
    expect(publicMock.commandCalls(PublicGetAuthorizationTokenCommand)).toHaveLength(1);
    expect(await publicClient.config.region()).toBe('us-east-1');
    expect(ecrMock.calls()).toHaveLength(0);
    const visible = [...runner.calls.flatMap((call) => call.args), ...reporter.printed].join('\n');
    expect(visible).not.toContain(PUBLIC_PASSWORD);
  });
});
