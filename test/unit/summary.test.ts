import { describe, expect, test } from 'vitest';
import type { DeliveryResult } from '../../src/deploy/result.js';
import { code, duration, fenced, renderSummary, taskDefinitionLabel } from '../../src/hosts/summary.js';

// Golden files: test/fixtures/summary/*.md. After an intended change: npx vitest run test/unit/summary.test.ts -u
const ARN = 'arn:aws:ecs:eu-west-1:123456789012:task-definition';
const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);

const success: DeliveryResult = {
  dryRun: false,
  region: 'eu-west-1',
  cluster: 'production',
  service: 'web',
  image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:4f2a9c1',
  imageDigest: 'sha256:9b2c1f0e8d7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c',
  taskDefinitionArn: `${ARN}/web:42`,
  revision: 42,
  registered: true,
  desiredCount: 3,
  deploymentId: 'ecs-svc/1234567890123456789',
  deploymentStatus: 'COMPLETED',
  diff: [
    'container web: image 123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1d0e8b7 → 123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:4f2a9c1',
    'container web: environment changed DATABASE_URL, added FEATURE_FLAGS (values not shown)',
    'task memory 512 → 1024',
  ],
  startedAt: T0,
  finishedAt: T0 + 83_400,
  consoleUrl: 'https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/production/services/web/deployments?region=eu-west-1',
  deregistered: [`${ARN}/web:30`, `${ARN}/web:31`],
};

const failure: DeliveryResult = {
  ...success,
  deploymentStatus: 'ROLLED_BACK',
  statusMessage: 'deployment ecs-svc/1234567890123456789 failed: tasks failed to start; ECS rolled back to web:41',
  finishedAt: T0 + 191_000,
  rolledBackTo: 'web:41',
  deregistered: [],
  failure: {
    reason: 'ECS deployment circuit breaker: tasks failed to start.',
    stoppedTasks: [
      {
        taskArn: 'arn:aws:ecs:eu-west-1:123456789012:task/production/1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6',
        stoppedReason: 'Essential container in task exited',
        stopCode: 'EssentialContainerExited',
        containers: [
          { name: 'web', exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' },
          { name: 'log-router', exitCode: 0 },
        ],
      },
      {
        taskArn: 'arn:aws:ecs:eu-west-1:123456789012:task/production/9f8e7d6c5b4a43218f7e6d5c4b3a2918',
        stoppedReason: 'Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/abc)',
        containers: [{ name: 'web' }],
      },
    ],
    events: [
      '2026-11-26T09:03:05Z (service web) rolling back to deployment ecs-svc/9876543210987654321.',
      '2026-11-26T09:03:04Z (service web) (deployment ecs-svc/1234567890123456789) deployment failed: tasks failed to start.',
      '2026-11-26T09:02:10Z (service web) (task 1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6) failed container health checks.',
    ],
  },
};

const dryRun: DeliveryResult = {
  ...without(success, 'imageDigest', 'deploymentId', 'consoleUrl'),
  dryRun: true,
  taskDefinitionArn: '',
  revision: 0,
  registered: false,
  deploymentStatus: 'SKIPPED',
  finishedAt: T0 + 2_300,
  deregistered: [],
};

const registerOnly: DeliveryResult = {
  dryRun: false,
  region: 'eu-west-1',
  cluster: 'default',
  image: 'docker.io/acme/worker:2.4.0',
  taskDefinitionArn: `${ARN}/worker:7`,
  revision: 7,
  registered: true,
  deploymentStatus: 'SKIPPED',
  diff: ['container worker: image docker.io/acme/worker:2.3.1 → docker.io/acme/worker:2.4.0'],
  startedAt: T0,
  finishedAt: T0 + 4_100,
  deregistered: [],
};

function without<T extends object, K extends keyof T>(value: T, ...keys: K[]): Omit<T, K> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key as K))) as Omit<T, K>;
}

const blueGreenTrafficShifted: DeliveryResult = {
  ...success,
  deregistered: [],
  statusMessage: 'production traffic moved to web:42 in 3m 10s; the bake time was still running when the wait ended (wait-until: traffic-shifted), and ECS may still roll back until it ends',
  serviceDeploymentArn: 'arn:aws:ecs:eu-west-1:123456789012:service-deployment/production/web/r9i43YFjvgF_xlg7m2eJ1r',
  stages: ['PRE_SCALE_UP', 'SCALE_UP', 'POST_SCALE_UP', 'TEST_TRAFFIC_SHIFT', 'POST_TEST_TRAFFIC_SHIFT', 'PRODUCTION_TRAFFIC_SHIFT', 'POST_PRODUCTION_TRAFFIC_SHIFT', 'BAKE_TIME'],
  bakeTimeRunning: true,
};

describe('renderSummary golden files', () => {
  test.each([
    ['success', success],
    ['failure-with-stopped-tasks', failure],
    ['dry-run', dryRun],
    ['register-only', registerOnly],
    ['blue-green-traffic-shifted', blueGreenTrafficShifted],
  ])('%s', async (name, result) => {
    await expect(renderSummary(result)).toMatchFileSnapshot(`../fixtures/summary/${name}.md`);
  });
});

describe('renderSummary', () => {
  test.each([
    ['COMPLETED', '✅ ecs-deliver deployed web:42 to web on production'],
    ['ROLLED_BACK', '❌ ecs-deliver: the deployment to web on production failed and was rolled back'],
    ['FAILED', '❌ ecs-deliver: the deployment to web on production failed'],
    ['TIMED_OUT', '❌ ecs-deliver: the deployment to web on production did not finish in time'],
    ['SUPERSEDED', '⚠️ ecs-deliver: another deployment to web on production took over'],
    ['CANCELLED', '⚠️ ecs-deliver: cancelled while deploying to web on production'],
    ['SKIPPED', '✅ ecs-deliver updated web on production to web:42 (rollout not watched)'],
  ] as const)('a %s deployment has the headline %j', (status, headline) => {
    expect(renderSummary({ ...success, deploymentStatus: status }).split('\n')[0]).toBe(`### ${headline}`);
  });

  test('a CodeDeploy deployment paused in Ready says how to continue or roll back, and when CodeDeploy stops it', () => {
    const text = renderSummary({
      ...success,
      deploymentStatus: 'PAUSED',
      serviceDeploymentArn: '',
      codeDeployDeploymentId: 'd-ABCDEF123',
      paused: { hookId: '', stage: 'Ready', expiresAt: '2026-11-26T09:40:00.000Z' },
    });
    expect(text).toContain(
      '⏸️ CodeDeploy deployment `d-ABCDEF123` waits in `Ready` for its traffic reroute; CodeDeploy stops it by itself at 2026-11-26T09:40:00.000Z. To continue: run ecs-deliver with operation `continue` (or `rollback`) for this service, or `aws deploy continue-deployment --deployment-id d-ABCDEF123 --deployment-wait-type READY_WAIT` (or `aws deploy stop-deployment --deployment-id d-ABCDEF123 --auto-rollback-enabled` to roll back).',
    );
    expect(text).not.toContain('PAUSE hook');
  });

  test('a reused revision says so, and an empty diff says nothing changed', () => {
    const text = renderSummary({ ...success, registered: false, diff: [] });
    expect(text).toContain('| Task definition | `web:42`, reused: unchanged |');
    expect(text).toContain('No change to the task definition.');
  });

  test('a dry run that would reuse a revision names it; one that would register says so', () => {
    expect(renderSummary({ ...dryRun, taskDefinitionArn: `${ARN}/web:41`, revision: 41 })).toContain(
      '| Task definition | `web:41` (dry run: nothing registered) |',
    );
    expect(renderSummary(dryRun)).toContain('| Task definition | a new revision (not registered: dry run) |');
    expect(renderSummary(dryRun)).toContain('| Deployment | none (dry run) |');
  });

  test('table cells keep a | in a value from splitting the row', () => {
    const text = renderSummary({ ...success, image: 'odd|image:1' });
    expect(text).toContain('| Image | `odd\\|image:1` |');
  });

  test('ECS text cannot inject markup into the failure section', () => {
    const text = renderSummary({
      ...failure,
      failure: { reason: 'bad <img src=x> *bold* [link](http://x)', events: [], stoppedTasks: [] },
    });
    expect(text).toContain('> bad \\<img src=x\\> \\*bold\\* \\[link\\](http://x)');
    expect(text).not.toContain('#### Stopped tasks');
    expect(text).not.toContain('#### Last service events');
  });

  test('the diff fence outgrows backticks inside the diff', () => {
    const text = renderSummary({ ...success, diff: ['+ command: ```sh -c x```'] });
    expect(text).toContain('````text\n+ command: ```sh -c x```\n````');
  });
});

describe('helpers', () => {
  test.each([
    [0, '0.0s'],
    [850, '0.9s'],
    [59_940, '59.9s'],
    [59_960, '1m 00s'],
    [65_000, '1m 05s'],
    [3_723_000, '1h 02m 03s'],
    [-5, '0.0s'],
  ])('duration(%i) = %s', (ms, text) => {
    expect(duration(ms)).toBe(text);
  });

  test.each([
    [`${ARN}/web:42`, 'web:42'],
    ['web:42', 'web:42'],
    ['arn:aws-cn:ecs:cn-north-1:123456789012:task-definition/api-v2:3', 'api-v2:3'],
  ])('taskDefinitionLabel(%s) = %s', (arn, label) => {
    expect(taskDefinitionLabel(arn)).toBe(label);
  });

  test.each([
    ['plain', '`plain`'],
    ['a`b', '``a`b``'],
    ['`edge', '`` `edge ``'],
  ])('code(%j) = %j', (value, span) => {
    expect(code(value)).toBe(span);
  });

  test('fenced uses at least three backticks', () => {
    expect(fenced('text', ['a', 'b'])).toBe('```text\na\nb\n```');
  });
});

describe('endings before or during a change', () => {
  const notStarted: DeliveryResult = {
    dryRun: false,
    region: '',
    cluster: 'production',
    service: 'web',
    image: '',
    taskDefinitionArn: '',
    revision: 0,
    registered: false,
    deploymentStatus: 'NOT_STARTED',
    statusMessage: 'service: "web" was not found in cluster production (MISSING); check the service name, or create the service first.',
    diff: [],
    startedAt: T0,
    finishedAt: T0 + 900,
    deregistered: [],
  };

  test('NOT_STARTED says nothing was changed and why, with what is not known shown as none', () => {
    const markdown = renderSummary(notStarted);
    expect(markdown).toMatch(/^### ❌ ecs-deliver: nothing was changed on web: the run stopped before its first change$/m);
    expect(markdown).toContain('service: "web" was not found in cluster production (MISSING)');
    expect(markdown).toMatch(/\| Image \| none \|/);
    expect(markdown).toMatch(/\| Region \| none \|/);
    expect(markdown).toMatch(/\| Task definition \| none registered \|/);
    expect(markdown).toMatch(/\| Deployment \| \*\*NOT_STARTED\*\* \|/);
  });

  test('NOT_STARTED without a service (bad input) still has a headline of its own', () => {
    const { service: _service, ...withoutService } = notStarted;
    expect(renderSummary({ ...withoutService, statusMessage: 'wait-timeout: "soon" is not a duration' })).toMatch(
      /^### ❌ ecs-deliver: nothing was changed: the run stopped before its first change$/m,
    );
  });

  test('inputs that could not be read do not make the run "task definition only"', () => {
    const { service: _service, ...withoutService } = notStarted;
    const markdown = renderSummary({ ...withoutService, statusMessage: 'wait-timeout: "soon" is not a duration' });
    expect(markdown).not.toContain('task definition only');
    expect(markdown).toMatch(/\| Service \| not known: the run stopped before it read the inputs \|/);
  });

  test('a register-only run cancelled after registering names the revision', () => {
    const { service: _service, ...withoutService } = notStarted;
    const markdown = renderSummary({ ...withoutService, deploymentStatus: 'CANCELLED', taskDefinitionArn: `${ARN}/web:7`, revision: 7, registered: true, statusMessage: 'cancelled by SIGTERM' });
    expect(markdown).toMatch(/^### ⚠️ ecs-deliver: cancelled after registering web:7$/m);
    expect(markdown).toContain('`web:7`, registered by this run');
  });

  test('a failed one-off task names the container, its exit code, why it stopped and its last log lines', () => {
    const markdown = renderSummary({
      ...notStarted,
      deploymentStatus: 'FAILED',
      taskDefinitionArn: `${ARN}/web:8`,
      revision: 8,
      registered: true,
      statusMessage: 'one-off task: task abc failed: container web exited with exit code 3; service web was left as it was',
      runTask: {
        container: 'web',
        status: 'FAILED',
        taskArn: 'arn:aws:ecs:eu-west-1:123456789012:task/production/abc',
        exitCode: 3,
        line: 'task abc failed: container web exited with exit code 3; stopped reason: EssentialContainerExited: Essential container in task exited',
        lastLogLines: ['migrating 0042_add_index', 'ERROR: relation "users" does not exist'],
      },
    });
    expect(markdown).toMatch(/^### ❌ ecs-deliver: the one-off task of web:8 failed, so web on production was left as it was$/m);
    expect(markdown).toContain('#### One-off task: FAILED');
    expect(markdown).toContain('- container `web`: exit code 3');
    expect(markdown).toContain('stopped reason: EssentialContainerExited: Essential container in task exited');
    expect(markdown).toContain('Last 2 log lines:\n\n```text\nmigrating 0042_add_index\nERROR: relation "users" does not exist\n```');
  });
});
