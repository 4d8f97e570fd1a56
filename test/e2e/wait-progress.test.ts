// The built bundle during a long, silent wait on the stand-in (a rollout that never stabilises): a CI log gets a
// progress line after each silence of the interval, with elapsed time, time left and the counts; a terminal gets
// one live status line the log's own lines replace; --json gets neither. The interval is shortened for the test.
import { spawn, spawnSync } from 'node:child_process';
import { type TestContext, describe, expect, test } from 'vitest';
import { type EcsStandin, startEcsStandin } from '../standin/index.js';
import { BUNDLE, BUNDLE_NODE, cleanEnv, runBundle } from '../support/run-bundle.js';

const EVERY_MS = 1_500;
const ARGS = ['--service', 'web', '--family', 'web', '--image', 'nginx:1.25', '--verify-image', 'false', '--poll-interval', '1s', '--wait-timeout', '7s', '--rollback', 'false'];

async function silentRollout(context: TestContext, services: readonly string[] = ['web']): Promise<EcsStandin> {
  const standin = await startEcsStandin();
  context.onTestFinished(() => standin.close());
  for (const service of services) {
    standin.seedTaskDefinition({ family: service, containerDefinitions: [{ name: service, image: 'nginx:1.24', memory: 256 }] });
    standin.seedService({ serviceName: service, taskDefinition: `${service}:1`, desiredCount: 2 });
    standin.setScenario(service, 'never-stabilises');
  }
  return standin;
}

function env(standin: EcsStandin): Record<string, string> {
  return {
    AWS_ENDPOINT_URL_ECS: standin.url,
    AWS_REGION: standin.region,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    ECS_DELIVER_PROGRESS_EVERY_MS: String(EVERY_MS),
  };
}

const progressLines = (log: string): string[] => log.split('\n').filter((line) => line.startsWith('Waiting '));

describe.concurrent('progress during long waits', () => {
  test('in a CI log: a progress line after each silence, with elapsed time, time left before wait-timeout and the counts', async (context) => {
    const standin = await silentRollout(context);

    const run = await runBundle({ args: ARGS, env: env(standin), timeoutMs: 60_000 });

    expect(run.code, run.log).toBe(1);
    const lines = progressLines(run.log);
    expect(lines.length, run.log).toBeGreaterThanOrEqual(2);
    for (const line of lines) {
      expect(line).toMatch(/^Waiting \d+s, \d+s left before the timeout: rollout of web: \d\/2 running on web:2, IN_PROGRESS/);
    }
    // No status-line control characters in a log that is not a terminal.
    expect(run.stdout).not.toContain('\u001b[2K');
    expect(run.log).toContain('did not finish within 7s');
  });

  test('under --json: no progress lines', async (context) => {
    const standin = await silentRollout(context);

    const run = await runBundle({ args: [...ARGS, '--json'], env: env(standin), timeoutMs: 60_000 });

    expect(run.code, run.log).toBe(1);
    expect(progressLines(run.stderr)).toEqual([]);
    expect(JSON.parse(run.stdout)).toMatchObject({ 'deployment-status': 'TIMED_OUT' });
  });

  test('a services-file run: one progress line for all its services', async (context) => {
    const standin = await silentRollout(context, ['web', 'api']);
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'ecs-deliver-progress-'));
    writeFileSync(
      join(dir, 'services.yml'),
      `defaults:\n  verify-image: false\n  wait-timeout: 7s\n  rollback: false\nservices:\n  - service: web\n    family: web\n    image: nginx:1.25\n  - service: api\n    family: api\n    image: nginx:1.25\n`,
    );

    const run = await runBundle({ args: ['--services-file', 'services.yml', '--poll-interval', '1s'], env: env(standin), cwd: dir, timeoutMs: 60_000 });

    expect(run.code, run.log).toBe(1);
    const lines = progressLines(run.log);
    expect(lines.length, run.log).toBeGreaterThanOrEqual(1);
    for (const line of lines) {
      expect(line).toMatch(/^Waiting \d+s on 2: /);
      expect(line).toMatch(/\[default\/web\] rollout of web \(\d+s left before the timeout\): \d\/2 running on web:2/);
      expect(line).toMatch(/\[default\/api\] rollout of api \(\d+s left before the timeout\): \d\/2 running on api:2/);
    }
  });

  test('on a terminal: a live status line with a spinner, wiped before the log lines that replace it', (context) => {
    const which = spawnSync('script', ['--version'], { encoding: 'utf8' });
    if (which.status !== 0) {
      context.skip();
      return;
    }
    return (async () => {
      const standin = await silentRollout(context);
      const command = [BUNDLE_NODE, BUNDLE, ...ARGS].map((part) => `'${part}'`).join(' ');
      // script gives the bundle a pseudo-terminal as its stdout, as an interactive shell would. The stand-in runs in
      // this process, so the child is awaited, never waited for synchronously.
      const child = spawn('script', ['-qfec', command, '/dev/null'], { env: { ...cleanEnv(), ...env(standin) }, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
      });
      const status = await new Promise<number | null>((resolve) => child.on('close', resolve));

      expect(status, out).toBe(1);
      const statusLines = out.split('\r\u001b[2K').slice(1);
      expect(statusLines.some((line) => /^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Waiting \d+s: rollout of web: \d\/2 running on web:2/.test(line)), out).toBe(true);
      // The status line is wiped, and the outcome printed on a clean line after it.
      const lastStatus = out.lastIndexOf('Waiting ');
      const outcome = out.indexOf('did not finish within 7s');
      expect(outcome, out).toBeGreaterThan(lastStatus);
      expect(out.slice(lastStatus, outcome)).toContain('\r\u001b[2K');
      // In terminal form there are no CI progress lines.
      expect(out).not.toMatch(/(^|\n)Waiting \d+s, \d+s left before the timeout/);
    })();
  });

  test('a CodeDeploy deployment in its termination wait: the line names the deployment, its status and the last event', async (context) => {
    const standin = await startEcsStandin();
    context.onTestFinished(() => standin.close());
    standin.seedTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.24', memory: 256 }] });
    standin.seedService({ serviceName: 'web', taskDefinition: 'web:1', desiredCount: 2, deploymentController: 'CODE_DEPLOY' });
    standin.codeDeploy.seedDeploymentGroup({ application: 'AppECS-default-web', deploymentGroup: 'DgpECS-default-web', service: 'web' });
    standin.codeDeploy.script({ eventMs: 100, terminationWaitMs: 5_000 });
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'ecs-deliver-progress-'));
    writeFileSync(
      join(dir, 'appspec.yaml'),
      'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: "x"\n        LoadBalancerInfo:\n          ContainerName: web\n          ContainerPort: 80\n',
    );

    const run = await runBundle({
      args: ['--service', 'web', '--family', 'web', '--image', 'nginx:1.25', '--verify-image', 'false', '--poll-interval', '1s', '--wait-timeout', '30s'],
      env: { ...env(standin), AWS_ENDPOINT_URL_CODEDEPLOY: standin.url },
      cwd: dir,
      timeoutMs: 60_000,
    });

    expect(run.code, run.log).toBe(0);
    const lines = progressLines(run.log);
    expect(lines.length, run.log).toBeGreaterThanOrEqual(1);
    expect(lines.at(-1)).toMatch(/^Waiting \d+s, \d+s left before the timeout: CodeDeploy deployment d-\w+: InProgress; AfterAllowTraffic: Succeeded/);
  });

  test('a one-off task: the line names the task and its status', async (context) => {
    const standin = await silentRollout(context);
    standin.setTaskScript({ provisioningMs: 100, pendingMs: 100, runMs: 5_000 });

    const run = await runBundle({ args: [...ARGS, '--run-task-command', 'bin/migrate', '--run-task-timeout', '60s'], env: env(standin), timeoutMs: 60_000 });

    const lines = progressLines(run.log);
    expect(lines.some((line) => /^Waiting \d+s, \d+s left before the timeout: one-off task \w+: RUNNING$/.test(line)), run.log).toBe(true);
  });
});
