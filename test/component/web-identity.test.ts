import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ExpiredTokenException,
  GetCallerIdentityCommand,
  IDPCommunicationErrorException,
  IDPRejectedClaimException,
  InvalidIdentityTokenException,
  STSClient,
} from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RecordingReporter } from '../support/recording-reporter.js';
import { assumeRoleWithWebIdentity, sessionNameFor } from '../../src/aws/web-identity.js';
import { AwsUnavailableError, InputError, PreflightError, exitCodeFor } from '../../src/errors.js';
import { motoMissing, startMoto, type MotoServer } from '../support/moto-server.js';

const ROLE = 'arn:aws:iam::123456789012:role/gitlab-deploy';
const REGION = 'eu-west-1';


const skip = motoMissing();

describe.skipIf(skip)('assumeRoleWithWebIdentity against moto STS', () => {
  const saved = { ...process.env };
  const startedAt = Date.now() - 2_000;
  let moto: MotoServer;
  let scratch: string;

  beforeAll(async () => {
    moto = await startMoto();
    scratch = mkdtempSync(join(tmpdir(), 'ecs-deliver-web-identity-'));
    // The token reaches ecs-deliver the way GitLab's id_tokens hands it over: as an environment variable.
    process.env['ECS_DELIVER_WEB_IDENTITY_TOKEN'] = `eyJ${randomBytes(32).toString('base64url')}`;
    process.env['AWS_ENDPOINT_URL_STS'] = moto.url;
    // No keys anywhere: the token alone must be enough; anything the SDK might cache lands in scratch.
    for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE']) delete process.env[name];
    process.env['HOME'] = scratch;
    process.env['AWS_CONFIG_FILE'] = join(scratch, 'config');
    process.env['AWS_SHARED_CREDENTIALS_FILE'] = join(scratch, 'credentials');
  });

  afterAll(async () => {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
    await moto?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  test('trades the token for working credentials, kept in memory and masked, never printed or written', async () => {
    const token = process.env['ECS_DELIVER_WEB_IDENTITY_TOKEN'] ?? '';
    const reporter = new RecordingReporter();
    const sessionName = sessionNameFor({ CI_PROJECT_PATH_SLUG: 'acme-web', CI_PIPELINE_ID: '987654' });

    const credentials = await assumeRoleWithWebIdentity({ roleArn: ROLE, token, region: REGION, sessionName, reporter });

    expect(credentials.accessKeyId).toMatch(/^ASIA/);
    expect(credentials.secretAccessKey).not.toBe('');
    expect(credentials.sessionToken).not.toBe('');
    expect(credentials.expiration?.getTime()).toBeGreaterThan(Date.now());

    const identity = await new STSClient({ region: REGION, credentials }).send(new GetCallerIdentityCommand({}));
    expect(identity.Arn).toBe('arn:aws:sts::123456789012:assumed-role/gitlab-deploy/ecs-deliver-acme-web-987654');

    expect(reporter.masked).toEqual([token, credentials.secretAccessKey, credentials.sessionToken]);
    expect(reporter.text.split('\n')).toEqual([expect.stringContaining(`Assumed ${ROLE}`)]);
    const secrets = [token, credentials.secretAccessKey, credentials.sessionToken ?? ''];
    for (const secret of secrets) expect(reporter.text).not.toContain(secret);

    const written = [
      ...filesUnder(scratch, 0),
      ...filesUnder(tmpdir(), startedAt, 3),
      ...filesUnder(process.cwd(), startedAt, 6, ['node_modules', '.git']),
    ];
    for (const file of written) {
      const text = readIfSmall(file);
      for (const secret of secrets) expect(text.includes(secret), `${file} holds a secret`).toBe(false);
    }
  });
});

describe('assumeRoleWithWebIdentity errors', () => {
  const token = `eyJ${randomBytes(24).toString('base64url')}`;
  const base = { roleArn: ROLE, token, region: REGION, sessionName: 'ecs-deliver-acme-web-1' };

  function failingWith(error: Error): STSClient {
    const client = new STSClient({ region: REGION });
    mockClient(client).onAnyCommand().rejects(error);
    return client;
  }

  const named = (name: string, message: string): Error => Object.assign(new Error(message), { name });
  const metadata = { $metadata: {} };

  test.each([
    [
      'AccessDenied',
      named('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity'),
      /^role-arn arn:aws:iam::123456789012:role\/gitlab-deploy refused the web-identity-token \(AccessDenied: .*\); fix the role's trust policy/,
    ],
    [
      'InvalidIdentityToken',
      new InvalidIdentityTokenException({ message: 'No OpenIDConnect provider found in your account for https://gitlab.example.com', ...metadata }),
      /^web-identity-token was rejected \(InvalidIdentityToken: No OpenIDConnect provider.*\); add the token issuer as an IAM OIDC identity provider/,
    ],
    [
      'ExpiredToken',
      new ExpiredTokenException({ message: 'Token expired: current date/time 1795680000 must be before 1795676400', ...metadata }),
      /^web-identity-token has expired \(Token expired.*\); mint it in the job that deploys/,
    ],
    [
      'IDPRejectedClaim',
      new IDPRejectedClaimException({ message: 'Incorrect token audience', ...metadata }),
      /^role-arn .*: the identity provider rejected the web-identity-token's claims \(Incorrect token audience\); check the token's aud and sub/,
    ],
    ['anything else', named('PackedPolicyTooLarge', 'Packed policy too large'), /^role-arn .*: AssumeRoleWithWebIdentity failed: PackedPolicyTooLarge: Packed policy too large$/],
  ])('%s becomes a one-line PreflightError naming the input and the fix', async (_name, error, message) => {
    const failure = await assumeRoleWithWebIdentity({ ...base, stsClient: failingWith(error) }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(PreflightError);
    expect((failure as Error).message).toMatch(message);
    expect((failure as Error).message).not.toContain('\n');
  });

  test.each([
    ['throttled', Object.assign(named('Throttling', 'Rate exceeded'), { $fault: 'client', $metadata: { httpStatusCode: 400 } })],
    ['a 503', Object.assign(named('ServiceUnavailable', 'unavailable'), { $fault: 'server', $metadata: { httpStatusCode: 503 } })],
    ['a reset connection', Object.assign(named('Error', 'socket hang up'), { code: 'ECONNRESET' })],
  ])('STS %s is "AWS is not answering" (exit 1), not a fault of the inputs', async (_what, error) => {
    const failure = await assumeRoleWithWebIdentity({ ...base, stsClient: failingWith(error) }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AwsUnavailableError);
    expect(exitCodeFor(failure)).toBe(1);
    expect((failure as Error).message).toMatch(/^AWS is not answering: STS AssumeRoleWithWebIdentity for arn:aws:iam::123456789012:role\/gitlab-deploy: /);
  });

  test('IDPCommunicationError (STS could not reach the issuer) is exit 1 with the fix', async () => {
    const error = new IDPCommunicationErrorException({ message: 'Could not reach the issuer', ...metadata });
    const failure = await assumeRoleWithWebIdentity({ ...base, stsClient: failingWith(error) }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AwsUnavailableError);
    expect((failure as Error).message).toMatch(/^web-identity-token could not be verified: .*; run the job again$/);
  });

  test('the run cancel aborts an STS call in flight', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const saved = process.env['AWS_ENDPOINT_URL_STS'];
    process.env['AWS_ENDPOINT_URL_STS'] = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    try {
      const cancel = new AbortController();
      silent.on('connection', () => setTimeout(() => cancel.abort('SIGTERM'), 20));
      const failure = await assumeRoleWithWebIdentity({ ...base, signal: cancel.signal }).catch((e: unknown) => e);
      // The response timeout is 10 s; this test's own timeout (5 s) fails a call that waits for it.
      expect((failure as Error).message).toContain('AbortError');
    } finally {
      if (saved === undefined) delete process.env['AWS_ENDPOINT_URL_STS'];
      else process.env['AWS_ENDPOINT_URL_STS'] = saved;
      silent.closeAllConnections();
      silent.close();
    }
  }, 5_000);

  test('an error that echoes the token never repeats it', async () => {
    const echo = named('InvalidIdentityToken', `Token ${token} could not be parsed`);
    const failure = (await assumeRoleWithWebIdentity({ ...base, stsClient: failingWith(echo) }).catch((e: unknown) => e)) as Error;
    expect(failure.message).toContain('Token *** could not be parsed');
    expect(failure.message).not.toContain(token);
  });

  test.each([
    ['a role ARN that is not one', { roleArn: 'gitlab-deploy' }, 'role-arn "gitlab-deploy" is not an IAM role ARN'],
    ['a user ARN', { roleArn: 'arn:aws:iam::123456789012:user/me' }, 'is not an IAM role ARN'],
    ['an empty token', { token: '  ' }, 'role-arn is set but web-identity-token is empty'],
    ['no region', { region: '' }, 'region is not set'],
    ['a session name STS refuses', { sessionName: 'has space' }, 'session name "has space" must be'],
  ])('%s is an InputError before any call', async (_what, change, message) => {
    const client = new STSClient({ region: REGION });
    const mock = mockClient(client);
    const failure = await assumeRoleWithWebIdentity({ ...base, ...change, stsClient: client }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(InputError);
    expect((failure as Error).message).toContain(message);
    expect(mock.calls()).toHaveLength(0);
  });

  test('an answer without credentials is a PreflightError', async () => {
    const client = new STSClient({ region: REGION });
    mockClient(client).onAnyCommand().resolves({});
    await expect(assumeRoleWithWebIdentity({ ...base, stsClient: client })).rejects.toThrow(
      'STS answered AssumeRoleWithWebIdentity without credentials',
    );
  });
});

describe('sessionNameFor', () => {
  test.each([
    ['GitLab', { CI_PROJECT_PATH_SLUG: 'acme-web', CI_PIPELINE_ID: '1234567' }, 'ecs-deliver-acme-web-1234567'],
    ['GitHub', { GITHUB_REPOSITORY: 'acme/web', GITHUB_RUN_ID: '9876543210' }, 'ecs-deliver-acme-web-9876543210'],
    ['GitLab wins over GitHub', { CI_PROJECT_PATH_SLUG: 'a', CI_PIPELINE_ID: '1', GITHUB_REPOSITORY: 'b/c', GITHUB_RUN_ID: '2' }, 'ecs-deliver-a-1'],
    ['Jenkins', { JOB_NAME: 'deploy/web main', BUILD_NUMBER: '42' }, 'ecs-deliver-deploy-web-main-42'],
    ['no CI', {}, 'ecs-deliver'],
    ['characters STS refuses', { GITHUB_REPOSITORY: 'ac!me/wé b', GITHUB_RUN_ID: '7' }, 'ecs-deliver-ac-me-w--b-7'],
    ['allowed punctuation kept', { CI_PROJECT_PATH_SLUG: 'a+b=c,d.e@f_g', CI_PIPELINE_ID: '3' }, 'ecs-deliver-a+b=c,d.e@f_g-3'],
  ])('%s', (_host, env, name) => {
    expect(sessionNameFor(env)).toBe(name);
  });

  test('a long project is shortened to 64 characters, keeping the pipeline id', () => {
    const name = sessionNameFor({ CI_PROJECT_PATH_SLUG: 'x'.repeat(100), CI_PIPELINE_ID: '1234567890' });
    expect(name).toHaveLength(64);
    expect(name).toMatch(/^ecs-deliver-x+-1234567890$/);
  });
});

/** Files under dir modified at or after `since` (0: all), at most `depth` levels down, skipping `skip` names. */
function filesUnder(dir: string, since: number, depth = 8, skip: readonly string[] = []): string[] {
  const found: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (skip.includes(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory() && depth > 0) found.push(...filesUnder(path, since, depth - 1, skip));
    else if (entry.isFile()) {
      try {
        if (statSync(path).mtimeMs >= since) found.push(path);
      } catch {
        // gone meanwhile: another suite's temp file
      }
    }
  }
  return found;
}

function readIfSmall(path: string): string {
  try {
    return statSync(path).size > 5_000_000 ? '' : readFileSync(path, 'latin1');
  } catch {
    return '';
  }
}
