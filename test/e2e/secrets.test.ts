// The built bundle keeps what it holds secret: the private DOCKER_CONFIG with the registry login is gone however
// the run ends (two quick signals included) and lives under RUNNER_TEMP on GitHub; a session token AWS quotes back
// in an error, and a registry password a client echoes URL-encoded or JSON-escaped, reach neither the log, the
// job summary nor the dotenv report.
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { filesUnder } from '../support/files-under.js';
import { buildSuite } from '../support/moto-suite.js';
import { awsEnv, revisionsOf } from '../support/moto-ecs.js';
import { motoMissing } from '../support/moto-server.js';
import { alive } from '../support/processes.js';
import { BUNDLE_NODE, runBundle, signalWhenPrinted, whenPrinted } from '../support/run-bundle.js';

const PASSWORD = 'hunter2/"quoted" & spaced+plus';
const USER = 'deploy';
const b64 = (text: string) => Buffer.from(text).toString('base64');
/** Every form of the password the client below prints. */
const ECHOED = [
  PASSWORD,
  encodeURIComponent(PASSWORD),
  new URLSearchParams({ p: PASSWORD }).toString().slice(2),
  JSON.stringify(PASSWORD).slice(1, -1),
  b64(PASSWORD),
  b64(`${USER}:${PASSWORD}`),
];

describe('a session token AWS quotes back in an error', () => {
  const TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLEsessionTOKEN/with+slash==';
  const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
  let server: Server;
  let url = '';
  let dir = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ecs-deliver-token-'));
    // As AWS answers a request whose signature does not match: the canonical request, security token included.
    server = createServer((request, response) => {
      const token = String(request.headers['x-amz-security-token'] ?? '');
      const message = `The request signature we calculated does not match the signature you provided. The Canonical String for this request should have been 'POST\n/\n\nhost:127.0.0.1\nx-amz-security-token:${token}\n' and the String-to-Sign ${encodeURIComponent(token)} {"token":${JSON.stringify(token)}} key ${SECRET_KEY}`;
      request.resume();
      response.writeHead(403, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': 'InvalidSignatureException' });
      response.end(JSON.stringify({ __type: 'InvalidSignatureException', message }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  test.each([['shell'], ['gitlab']])('%s: the log and the dotenv report show the error without the token or the key', async (host) => {
    const cwd = mkdtempSync(join(dir, `${host}-`));
    const result = await runBundle({
      cwd,
      args: ['--service', 'web', '--family', 'web', '--image', 'nginx:1.25'],
      env: {
        ...awsEnv(url),
        AWS_SECRET_ACCESS_KEY: SECRET_KEY,
        AWS_SESSION_TOKEN: TOKEN,
        ECS_DELIVER_HOST: host,
        GITHUB_STEP_SUMMARY: join(cwd, 'summary.md'),
      },
    });
    expect(result.code, result.log).not.toBe(0);
    expect(result.log).toContain('The request signature we calculated does not match');
    const written = [result.log, ...(await filesUnder(cwd)).map((file) => readFileSync(file, 'utf8'))].join('\n');
    expect(written).toContain('***');
    for (const form of [TOKEN, encodeURIComponent(TOKEN), JSON.stringify(TOKEN).slice(1, -1), SECRET_KEY, 'EXAMPLEsession']) {
      expect(written, form).not.toContain(form);
    }
  });

  test('github: the token is masked before the first line, and the error annotation does not quote it', async () => {
    const cwd = mkdtempSync(join(dir, 'github-'));
    const result = await runBundle({
      cwd,
      env: {
        ...awsEnv(url),
        AWS_SECRET_ACCESS_KEY: SECRET_KEY,
        AWS_SESSION_TOKEN: TOKEN,
        GITHUB_ACTIONS: 'true',
        GITHUB_OUTPUT: join(cwd, 'outputs'),
        GITHUB_STEP_SUMMARY: join(cwd, 'summary.md'),
        INPUT_SERVICE: 'web',
        INPUT_FAMILY: 'web',
        INPUT_IMAGE: 'nginx:1.25',
      },
    });
    expect(result.code, result.log).not.toBe(0);
    const lines = result.log.split('\n');
    const firstMask = lines.findIndex((line) => line === `::add-mask::${TOKEN}`);
    expect(firstMask, result.log).toBeGreaterThanOrEqual(0);
    expect(lines.slice(0, firstMask).join('\n')).not.toContain(TOKEN);
    const error = lines.find((line) => line.startsWith('::error::')) ?? '';
    expect(error).toContain('The request signature we calculated does not match');
    const written = [...lines.filter((line) => !line.startsWith('::add-mask::')), ...(await filesUnder(cwd)).map((file) => readFileSync(file, 'utf8'))].join('\n');
    for (const form of [TOKEN, encodeURIComponent(TOKEN), SECRET_KEY]) expect(written, form).not.toContain(form);
  });
});

describe.skipIf(motoMissing())('the registry login', () => {
  const suite = buildSuite('ecs-deliver-secrets-');

  /**
   * A docker client: `login` stores the login as docker does (base64 user:password in DOCKER_CONFIG) and notes
   * where; `push` says so and then ignores SIGTERM, as a push mid-upload can. With `echo`, login fails quoting the
   * password the way HTTP clients do.
   */
  function client(name: string, mode: 'push-hangs' | 'login-echoes'): string {
    const path = join(suite.dir, name);
    const script = `#!${BUNDLE_NODE}
const { appendFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const args = process.argv.slice(2);
const notes = ${JSON.stringify(join(suite.dir, `${name}.notes`))};
if (args[0] === 'login') {
  const password = require('node:fs').readFileSync(0, 'utf8').replace(/\\n$/, '');
  const user = args[args.indexOf('--username') + 1] || args[args.indexOf('-u') + 1];
  appendFileSync(notes, 'DOCKER_CONFIG=' + process.env.DOCKER_CONFIG + '\\n');
  ${mode === 'login-echoes'
    ? `process.stderr.write('Error response from daemon: Get "https://registry/v2/?password=' + encodeURIComponent(password) + '": unauthorized body={"password":' + JSON.stringify(password) + '} form=' + new URLSearchParams({ p: password }).toString().slice(2) + '\\n');
  process.exit(1);`
    : `writeFileSync(join(process.env.DOCKER_CONFIG, 'config.json'), JSON.stringify({ auths: { [args[args.length - 1]]: { auth: Buffer.from(user + ':' + password).toString('base64') } } }));
  process.exit(0);`}
}
if (args[0] === 'push') {
  appendFileSync(${JSON.stringify(join(suite.dir, `${name}.pid`))}, process.pid + '\\n');
  process.on('SIGTERM', () => {});
  process.stdout.write('pushing\\n');
  setInterval(() => {}, 1000);
} else {
  process.exit(0);
}
`;
    writeFileSync(path, script);
    chmodSync(path, 0o755);
    return path;
  }

  const imageArgs = (image: string) => [
    '--family', 'web', '--memory', '128', '--build-context', suite.context, '--image', image,
    '--registry-auth', 'basic', '--registry-username', USER, '--verify-image', 'false',
  ];

  test('two quick SIGTERMs during the push leave no DOCKER_CONFIG, and no file holding the login, behind', async () => {
    const temp = mkdtempSync(join(suite.dir, 'tmp-'));
    const docker = client('docker-hangs', 'push-hangs');
    let sent = 0;
    const run = await runBundle({
      args: imageArgs('127.0.0.1:9/web:1'),
      env: { ...awsEnv(suite.moto.url), TMPDIR: temp, ECS_DELIVER_DOCKER_COMMAND: docker, ECS_DELIVER_REGISTRY_PASSWORD: PASSWORD },
      onStart: whenPrinted('pushing', (child) => {
        sent = 1;
        child.kill('SIGTERM');
        setTimeout(() => {
          sent = 2;
          child.kill('SIGTERM');
        }, 150);
      }).onStart,
      timeoutMs: 20_000,
    });
    expect(sent, run.log).toBe(2);
    expect(run.code, run.log).toBe(143);
    expect(run.log).toContain('SIGTERM received again: exiting now');
    const config = /DOCKER_CONFIG=(.*)/.exec(readFileSync(join(suite.dir, 'docker-hangs.notes'), 'utf8'))?.[1] ?? '';
    expect(config.startsWith(temp), config).toBe(true);
    expect(existsSync(config), `${config} is removed`).toBe(false);
    expect(readdirSync(temp)).toEqual([]);
    expect(await revisionsOf(suite.ecs, 'web')).toEqual([]);
  }, 30_000);

  test('a hangup during the push ends the run (exit 129) with its client, and leaves no DOCKER_CONFIG behind', async () => {
    const temp = mkdtempSync(join(suite.dir, 'tmp-hup-'));
    const docker = client('docker-hup', 'push-hangs');
    const hangup = signalWhenPrinted('pushing', 'SIGHUP');
    const run = await runBundle({
      args: imageArgs('127.0.0.1:9/web:4'),
      env: { ...awsEnv(suite.moto.url), TMPDIR: temp, ECS_DELIVER_DOCKER_COMMAND: docker, ECS_DELIVER_REGISTRY_PASSWORD: PASSWORD },
      onStart: hangup.onStart,
      timeoutMs: 20_000,
    });
    expect(hangup.sent(), run.log).toBe(true);
    expect(run.code, run.log).toBe(129);
    expect(readdirSync(temp)).toEqual([]);
    const [pid = 0] = readFileSync(join(suite.dir, 'docker-hup.pid'), 'utf8').trim().split('\n').map(Number);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(alive(pid), 'the push client is gone too').toBe(false);
  }, 30_000);

  test('on a GitHub runner the private DOCKER_CONFIG lives under RUNNER_TEMP, in a directory only this user can open', async () => {
    const runnerTemp = mkdtempSync(join(suite.dir, 'runner-temp-'));
    const systemTemp = mkdtempSync(join(suite.dir, 'system-temp-'));
    const docker = client('docker-github', 'push-hangs');
    let mode = -1;
    let config = '';
    const run = await runBundle({
      args: imageArgs('127.0.0.1:9/web:2'),
      env: {
        ...awsEnv(suite.moto.url),
        TMPDIR: systemTemp,
        RUNNER_TEMP: runnerTemp,
        ECS_DELIVER_DOCKER_COMMAND: docker,
        ECS_DELIVER_REGISTRY_PASSWORD: PASSWORD,
      },
      onStart: whenPrinted('pushing', (child) => {
        config = /DOCKER_CONFIG=(.*)/.exec(readFileSync(join(suite.dir, 'docker-github.notes'), 'utf8'))?.[1] ?? '';
        mode = existsSync(config) ? statSync(config).mode & 0o777 : 0;
        child.kill('SIGINT');
      }).onStart,
      timeoutMs: 20_000,
    });
    expect(run.code, run.log).toBe(130);
    expect(config.startsWith(runnerTemp), config).toBe(true);
    expect(mode.toString(8)).toBe('700');
    expect(readdirSync(runnerTemp)).toEqual([]);
    expect(readdirSync(systemTemp)).toEqual([]);
  }, 30_000);

  test('a password the client echoes URL-encoded, form-encoded or JSON-escaped reaches neither the log nor the job summary', async () => {
    const cwd = mkdtempSync(join(suite.dir, 'echo-'));
    const summary = join(cwd, 'summary.md');
    const outputs = join(cwd, 'outputs');
    writeFileSync(summary, '');
    writeFileSync(outputs, '');
    const run = await runBundle({
      cwd,
      args: imageArgs('127.0.0.1:9/web:3'),
      env: {
        ...awsEnv(suite.moto.url),
        TMPDIR: cwd,
        ECS_DELIVER_DOCKER_COMMAND: client('docker-echoes', 'login-echoes'),
        ECS_DELIVER_REGISTRY_PASSWORD: PASSWORD,
        GITHUB_STEP_SUMMARY: summary,
        GITHUB_OUTPUT: outputs,
      },
    });
    expect(run.code, run.log).toBe(1);
    expect(run.log).toContain('unauthorized body=');
    expect(readFileSync(summary, 'utf8')).toContain('unauthorized body=');
    const written = [run.log, ...(await filesUnder(cwd)).map((file) => readFileSync(file, 'utf8'))].join('\n');
    for (const form of ECHOED) expect(written, form).not.toContain(form);
    expect(written).not.toMatch(/hunter2/);
  }, 30_000);
});

