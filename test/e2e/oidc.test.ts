// OIDC through the bundle: no AWS keys anywhere, only role-arn and the CI's identity token. moto answers
// AssumeRoleWithWebIdentity (AWS_ENDPOINT_URL covers STS as well as ECS) and ECS; the deploy that waits for its
// rollout talks ECS to the project's stand-in instead (AWS_ENDPOINT_URL_ECS), as moto's UpdateService starts no
// deployment on the new revision. The token must appear in nothing the runs print or leave behind.
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ECSClient } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEcsStandin } from '../standin/index.js';
import { createCluster, ecsClient, REGION, revisionsOf } from '../support/moto-ecs.js';
import { motoMissing, startMoto, type MotoServer } from '../support/moto-server.js';
import { runBundle, type BundleRun } from '../support/run-bundle.js';

const ROLE = 'arn:aws:iam::123456789012:role/deployer';
// Shaped like a GitLab id_token; moto does not check the signature.
const TOKEN = 'eyJhbGciOiJSUzI1NiIsImtpZCI6Im9pZGMtZTJlIn0.eyJzdWIiOiJwcm9qZWN0X3BhdGg6Z3JvdXAvd2ViIn0.c2lnbmF0dXJlLW9pZGMtZTJl';
const SECRETS = [TOKEN, Buffer.from(TOKEN).toString('base64')];

const skip = motoMissing();

interface Run extends BundleRun {
  outputs: Record<string, string>;
  cwd: string;
}

describe.skipIf(skip)('role-arn with a web identity token against moto', () => {
  let moto: MotoServer;
  let ecs: ECSClient;
  let root = '';
  /** Every directory a run could write to: its HOME, TMPDIR and working directory. */
  const places: string[] = [];
  const printed: string[] = [];

  beforeAll(async () => {
    moto = await startMoto({ MOTO_ECS_SERVICE_RUNNING: '1' });
    ecs = ecsClient(moto.url);
    await createCluster(ecs, 'default');
    root = await mkdtemp(join(tmpdir(), 'oidc-e2e-'));
  });

  afterAll(async () => {
    await moto?.stop();
    if (root !== '') await rm(root, { recursive: true, force: true });
  });

  /** The bundle with moto's endpoint and region but no AWS keys, no profile and no ~/.aws. */
  async function deliver(args: string[], options: { env?: Record<string, string>; stdin?: string } = {}): Promise<Run> {
    const [home = '', tmp = '', cwd = ''] = await Promise.all(['home-', 'tmp-', 'cwd-'].map((prefix) => mkdtemp(join(root, prefix))));
    places.push(home, tmp, cwd);
    const result = await runBundle({
      args: [...args, '--json', '--poll-interval', '1s', '--wait-timeout', '20s'],
      cwd,
      env: {
        AWS_ENDPOINT_URL: moto.url,
        AWS_REGION: REGION,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        HOME: home,
        TMPDIR: tmp,
        ...options.env,
      },
      ...(options.stdin !== undefined ? { stdin: options.stdin } : {}),
    });
    printed.push(result.stdout, result.stderr);
    const last = result.stdout.trim().split('\n').pop() ?? '';
    return { ...result, cwd, outputs: last.startsWith('{') ? (JSON.parse(last) as Record<string, string>) : {} };
  }

  const withToken = { ECS_DELIVER_WEB_IDENTITY_TOKEN: TOKEN };
  const register = (family: string): string[] => ['--family', family, '--image', 'nginx:1.27', '--memory', '128', '--verify-image', 'false'];

  test('registers a task definition with the assumed role', async () => {
    const run = await deliver(['--role-arn', ROLE, ...register('oidc-register')], { env: withToken });
    expect(run.code, run.log).toBe(0);
    expect(run.log).toMatch(new RegExp(`^Assumed ${ROLE} with the web identity token as session ecs-deliver, valid until \\d{4}-`, 'm'));
    expect(run.outputs).toMatchObject({ registered: 'true', 'task-definition-revision': '1', 'deployment-status': 'SKIPPED' });
    expect(await revisionsOf(ecs, 'oidc-register')).toEqual([run.outputs['task-definition-arn']]);
  });

  test('ECS is called with the assumed credentials: a role in another account registers there', async () => {
    // moto files a call under the account of the role whose credentials signed it.
    const run = await deliver(['--role-arn', 'arn:aws:iam::210987654321:role/deployer', ...register('oidc-elsewhere')], { env: withToken });
    expect(run.code, run.log).toBe(0);
    expect(run.outputs['task-definition-arn']).toBe(`arn:aws:ecs:${REGION}:210987654321:task-definition/oidc-elsewhere:1`);
    expect(await revisionsOf(ecs, 'oidc-elsewhere')).toEqual([]);
  });

  test('GitLab job: deploys to a service and waits, the session named after the pipeline', async (context) => {
    const standin = await startEcsStandin({ region: REGION, timing: { rolloutMs: 1500, taskLifetimeMs: 300 } });
    context.onTestFinished(() => standin.close());
    standin.seedTaskDefinition({ family: 'oidc-web', containerDefinitions: [{ name: 'web', image: 'nginx:1.25', memory: 128 }] });
    standin.seedService({ serviceName: 'oidc-web', taskDefinition: 'oidc-web:1', desiredCount: 1 });
    const run = await deliver(['--role-arn', ROLE, '--service', 'oidc-web', '--image', 'nginx:1.26', '--verify-image', 'false'], {
      env: { ...withToken, AWS_ENDPOINT_URL_ECS: standin.url, GITLAB_CI: 'true', CI_PROJECT_PATH_SLUG: 'group-web', CI_PIPELINE_ID: '4242' },
    });
    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain(`Assumed ${ROLE} with the web identity token as session ecs-deliver-group-web-4242`);
    expect(run.outputs).toMatchObject({ registered: 'true', 'task-definition-revision': '2', 'deployment-status': 'COMPLETED' });
    const service = standin.service('oidc-web');
    expect(service['taskDefinition']).toBe(run.outputs['task-definition-arn']);
    expect(service['deployments']).toEqual([expect.objectContaining({ rolloutState: 'COMPLETED', taskDefinition: run.outputs['task-definition-arn'] })]);
    expect(await readFile(join(run.cwd, 'ecs-deliver.env'), 'utf8')).toMatch(/^ECS_DELIVERED_DEPLOYMENT_STATUS=COMPLETED$/m);
  });

  test('the token can come on standard input', async () => {
    const run = await deliver(['--role-arn', ROLE, '--web-identity-token-stdin', ...register('oidc-stdin')], { stdin: `${TOKEN}\n` });
    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain(`Assumed ${ROLE} with the web identity token`);
    expect(run.outputs['registered']).toBe('true');
  });

  test('role-arn without a token fails with exit 2, registering nothing', async () => {
    const run = await deliver(['--role-arn', ROLE, ...register('oidc-no-token')]);
    expect(run.code, run.log).toBe(2);
    expect(run.log).toContain('error: role-arn needs web-identity-token; set ECS_DELIVER_WEB_IDENTITY_TOKEN');
    expect(await revisionsOf(ecs, 'oidc-no-token')).toEqual([]);
  });

  test('an STS refusal that quotes the token is explained, with the token masked (exit 2)', async () => {
    const requests: { body: string; signed: boolean }[] = [];
    const sts = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        requests.push({ body, signed: request.headers.authorization !== undefined });
        response.writeHead(400, { 'content-type': 'text/xml' });
        response.end(
          '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>' +
            `<Code>InvalidIdentityToken</Code><Message>No OpenIDConnect provider found for ${TOKEN}</Message></Error>` +
            '<RequestId>e2e</RequestId></ErrorResponse>',
        );
      });
    });
    await new Promise<void>((resolve) => sts.listen(0, '127.0.0.1', resolve));
    const address = sts.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const run = await deliver(['--role-arn', ROLE, ...register('oidc-refused')], {
        env: { ...withToken, AWS_ENDPOINT_URL_STS: `http://127.0.0.1:${port}` },
      });
      expect(run.code, run.log).toBe(2);
      expect(run.log).toContain('error: web-identity-token was rejected (InvalidIdentityToken: No OpenIDConnect provider found for ***)');
      expect(requests.length).toBeGreaterThan(0);
      expect(new URLSearchParams(requests[0]?.body).get('WebIdentityToken')).toBe(TOKEN);
      expect(requests[0]?.signed).toBe(false);
      expect(await revisionsOf(ecs, 'oidc-refused')).toEqual([]);
    } finally {
      await new Promise((resolve) => sts.close(resolve));
    }
  });

  test('the token is in nothing printed, nor in any file left in HOME, TMPDIR or the working directory', async () => {
    expect(printed.length, 'run the whole file').toBeGreaterThanOrEqual(10);
    const text = printed.join('\n');
    for (const secret of SECRETS) expect(text.includes(secret), 'token printed').toBe(false);
    let files = 0;
    for (const place of places) {
      for (const file of await filesUnder(place)) {
        files++;
        const content = await readFile(file, 'latin1');
        for (const secret of SECRETS) expect(content.includes(secret), `token in ${file}`).toBe(false);
      }
    }
    // At least the GitLab dotenv report was searched.
    expect(files).toBeGreaterThanOrEqual(1);
  });
});

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else if (entry.isFile() && (await stat(path)).size < 10 * 1024 * 1024) out.push(path);
  }
  return out;
}
