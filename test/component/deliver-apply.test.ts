// Apply: the steps in order against a real session, the result built from the plan and what was done, and a
// cancel that stops the run between any two steps.
import { DescribeTaskDefinitionCommand, DescribeTasksCommand, RegisterTaskDefinitionCommand, RunTaskCommand, StopTaskCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { beforeEach, describe, expect, test } from 'vitest';
import { outputsOf } from '../../src/deploy/outputs.js';
import { newProgress } from '../../src/deploy/result.js';
import { CancelledError, DeployError, exitCodeFor } from '../../src/errors.js';
import { arn, called, deliver, ecsMock, familyHas, harness, inputs, runningDefinition, serviceExists, updateCreatesDeployment } from './deliver-harness.js';

beforeEach(() => ecsMock.reset());

function registers(revision: number): void {
  ecsMock.on(RegisterTaskDefinitionCommand).resolves({ taskDefinition: { ...runningDefinition, taskDefinitionArn: arn(revision), revision } });
}

describe('apply', () => {
  test('registers a new image on the latest revision, updates the service and follows the new deployment', async () => {
    serviceExists();
    familyHas(runningDefinition);
    registers(2);
    updateCreatesDeployment(arn(2));
    const h = harness();

    const { result, error } = await deliver(h, inputs({ service: 'web', family: 'web', image: 'nginx:1.25' }));

    expect(error).toBeUndefined();
    const sent = ecsMock.commandCalls(RegisterTaskDefinitionCommand)[0]?.args[0].input;
    expect(sent).toMatchObject({ family: 'web', executionRoleArn: 'arn:aws:iam::123456789012:role/exec' });
    expect(sent?.containerDefinitions?.[0]).toMatchObject({ image: 'nginx:1.25', environment: [{ name: 'KEEP', value: 'yes' }] });
    expect(sent).not.toHaveProperty('revision');
    expect(ecsMock.commandCalls(UpdateServiceCommand)[0]?.args[0].input).toEqual({ cluster: 'default', service: 'web', taskDefinition: arn(2) });
    expect(h.watched[0]).toMatchObject({ deploymentId: 'ecs-svc/2', deploymentIdsBefore: ['ecs-svc/1'], previous: { taskDefinitionArn: arn(1), desiredCount: 2 } });
    expect(result).toMatchObject({ registered: true, revision: 2, deploymentStatus: 'COMPLETED', deploymentId: 'ecs-svc/2', desiredCount: 2, image: 'nginx:1.25' });
    expect(h.reporter.text).toContain('nginx:1.24 → nginx:1.25');
    expect(h.reporter.text).toContain('Registered web:2.');
    // The service already runs the family's latest revision: one description serves both.
    expect(called(DescribeTaskDefinitionCommand)).toBe(1);
  });

  test('reuses an unchanged revision and forces a deployment when the push gave the tag a new digest', async () => {
    serviceExists();
    familyHas(runningDefinition);
    updateCreatesDeployment(arn(1));
    const h = harness({ apply: { publishImage: async () => ({ image: 'nginx:1.24', digest: 'sha256:abc', pushed: true, pushedNewDigest: true }) } });

    const { result } = await deliver(h, inputs({ service: 'web', family: 'web', image: 'nginx:1.24' }));

    expect(called(RegisterTaskDefinitionCommand)).toBe(0);
    expect(ecsMock.commandCalls(UpdateServiceCommand)[0]?.args[0].input).toMatchObject({ taskDefinition: arn(1), forceNewDeployment: true });
    expect(result).toMatchObject({ registered: false, revision: 1, imageDigest: 'sha256:abc' });
    expect(h.reporter.text).toMatch(/reusing web:1/);
    expect(h.reporter.text).toMatch(/forcing a new deployment/);
  });

  test('a digest pinned by the push is rendered, compared and registered', async () => {
    serviceExists();
    familyHas(runningDefinition);
    registers(2);
    updateCreatesDeployment(arn(2));
    const pinned = 'nginx@sha256:0123';
    const h = harness({ apply: { publishImage: async () => ({ image: pinned, digest: 'sha256:0123', pushed: true, pushedNewDigest: true }) } });

    const { result } = await deliver(h, inputs({ service: 'web', family: 'web', image: 'nginx:1.24' }));

    expect(ecsMock.commandCalls(RegisterTaskDefinitionCommand)[0]?.args[0].input.containerDefinitions?.[0]?.image).toBe(pinned);
    expect(result.image).toBe(pinned);
    expect(result.diff.join('\n')).toContain(`nginx:1.24 → ${pinned}`);
  });

  test('task-definition-arn deploys that revision as it is', async () => {
    serviceExists();
    familyHas({ ...runningDefinition, taskDefinitionArn: arn(7), revision: 7 });
    updateCreatesDeployment(arn(7));
    const h = harness();
    const { result } = await deliver(h, inputs({ service: 'web', 'task-definition-arn': 'web:7' }));
    expect(called(RegisterTaskDefinitionCommand)).toBe(0);
    expect(ecsMock.commandCalls(UpdateServiceCommand)[0]?.args[0].input).toMatchObject({ taskDefinition: arn(7) });
    expect(result).toMatchObject({ registered: false, revision: 7, deploymentStatus: 'COMPLETED' });
  });

  test('wait false skips the watch and keep-revisions', async () => {
    serviceExists();
    familyHas(runningDefinition);
    registers(2);
    updateCreatesDeployment(arn(2));
    const h = harness();
    const { result } = await deliver(h, inputs({ service: 'web', family: 'web', image: 'nginx:5', wait: 'false', 'keep-revisions': '1' }));
    expect(h.watched).toHaveLength(0);
    expect(h.kept).toHaveLength(0);
    expect(result.deploymentStatus).toBe('SKIPPED');
    expect(h.reporter.text).toMatch(/keep-revisions: not run, as the rollout was not waited for/);
  });

  test('keep-revisions runs after a completed rollout, protecting the deployed revision and the rollback target', async () => {
    serviceExists();
    familyHas(runningDefinition);
    registers(2);
    updateCreatesDeployment(arn(2));
    const h = harness();
    const asked: unknown[] = [];
    h.applyDeps.keepRevisions = async (request) => (asked.push(request), ['web:1']);
    const { result } = await deliver(h, inputs({ service: 'web', family: 'web', image: 'nginx:7', 'keep-revisions': '1' }));
    expect(asked).toEqual([{ family: 'web', keep: 1, protect: [arn(2), arn(1)] }]);
    expect(result.deregistered).toEqual(['web:1']);
  });

  test.each(['FAILED', 'ROLLED_BACK', 'TIMED_OUT', 'CANCELLED'] as const)('keep-revisions does not run after a rollout that ended %s', async (status) => {
    serviceExists();
    familyHas(runningDefinition);
    registers(2);
    updateCreatesDeployment(arn(2));
    const h = harness({ apply: { watch: async () => ({ status, message: status }) } });
    const { result } = await deliver(h, inputs({ service: 'web', family: 'web', image: 'nginx:7', 'keep-revisions': '1' }));
    expect(h.kept).toHaveLength(0);
    expect(result).toMatchObject({ deploymentStatus: status, taskDefinitionArn: arn(2), registered: true });
  });

  test('a register-only run keeps revisions after registering', async () => {
    familyHas(runningDefinition);
    registers(2);
    const h = harness();
    const { result } = await deliver(h, inputs({ family: 'web', image: 'nginx:8', 'keep-revisions': '2' }));
    expect(h.kept).toEqual([{ family: 'web', keep: 2, protect: [arn(2)] }]);
    expect(result).toMatchObject({ registered: true, revision: 2, deploymentStatus: 'SKIPPED' });
    expect(result.service).toBeUndefined();
  });

  test('a failed UpdateService ends FAILED, and the outputs still name the registered revision', async () => {
    serviceExists();
    familyHas(runningDefinition);
    registers(2);
    ecsMock.on(UpdateServiceCommand).rejects(Object.assign(new Error('User is not authorized to perform ecs:UpdateService'), { name: 'AccessDeniedException' }));
    const h = harness();
    const { result, error } = await deliver(h, inputs({ service: 'web', family: 'web', image: 'nginx:8' }));
    expect(error).toBeInstanceOf(DeployError);
    expect(exitCodeFor(error)).toBe(1);
    expect(result).toMatchObject({ deploymentStatus: 'FAILED', taskDefinitionArn: arn(2), registered: true });
    expect(result.statusMessage).toMatch(/UpdateService web: access denied/);
    expect(outputsOf(result)).toMatchObject({ 'task-definition-revision': '2', registered: 'true', 'deployment-status': 'FAILED' });
    expect(h.reporter.text).toMatch(/web:2 stays registered/);
    expect(h.watched).toHaveLength(0);
  });

  test('keep-revisions that cannot read never fails a completed deploy', async () => {
    serviceExists();
    familyHas(runningDefinition);
    registers(2);
    updateCreatesDeployment(arn(2));
    const h = harness({
      apply: {
        keepRevisions: async () => {
          throw new Error('ListServices: access denied');
        },
      },
    });
    const { result, error } = await deliver(h, inputs({ service: 'web', family: 'web', image: 'nginx:9', 'keep-revisions': '2' }));
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ deploymentStatus: 'COMPLETED', deregistered: [] });
    expect(h.reporter.lines.find((line) => line.level === 'warn')?.text).toMatch(/keep-revisions: ListServices: access denied/);
  });

  test('a reused revision the service already runs says that ECS starts nothing new', async () => {
    serviceExists();
    familyHas(runningDefinition);
    ecsMock.on(UpdateServiceCommand).resolves({ service: { serviceName: 'web', deployments: [{ id: 'ecs-svc/1', status: 'PRIMARY', taskDefinition: arn(1) }] } });
    const h = harness();
    await deliver(h, inputs({ service: 'web', family: 'web', image: 'nginx:1.24' }));
    expect(h.reporter.text).toMatch(/already runs web:1: ECS starts no new tasks/);
  });
});

describe('a cancel stops apply between steps', () => {
  test('before the first step: nothing is pushed, registered or updated', async () => {
    serviceExists();
    familyHas(runningDefinition);
    let published = false;
    const h = harness({ apply: { publishImage: async () => ((published = true), { image: 'x', pushed: true, pushedNewDigest: false }) } });
    h.cancel.abort('SIGTERM');
    const { result, error } = await deliver(h, inputs({ service: 'web', family: 'web', image: 'nginx:6' }));
    expect(error).toBeInstanceOf(CancelledError);
    expect(exitCodeFor(error)).toBe(143);
    expect(published).toBe(false);
    expect(called(RegisterTaskDefinitionCommand) + called(UpdateServiceCommand)).toBe(0);
    expect(result.deploymentStatus).toBe('CANCELLED');
  });

  test('during the push: nothing is registered', async () => {
    serviceExists();
    familyHas(runningDefinition);
    const h = harness();
    h.applyDeps.publishImage = async () => (h.cancel.abort('SIGINT'), { image: 'nginx:6', pushed: true, pushedNewDigest: true });
    const { result, error } = await deliver(h, inputs({ service: 'web', family: 'web', image: 'nginx:6' }));
    expect(exitCodeFor(error)).toBe(130);
    expect(called(RegisterTaskDefinitionCommand) + called(UpdateServiceCommand)).toBe(0);
    expect(outputsOf(result)).toMatchObject({ 'deployment-status': 'CANCELLED', 'task-definition-arn': '', image: 'nginx:6' });
  });

  test('during register in a register-only run: no keep-revisions, exit 143, the outputs name the revision', async () => {
    familyHas(runningDefinition);
    const h = harness();
    ecsMock.on(RegisterTaskDefinitionCommand).callsFake(() => {
      h.cancel.abort('SIGTERM');
      return { taskDefinition: { ...runningDefinition, taskDefinitionArn: arn(2), revision: 2 } };
    });
    const { result, error } = await deliver(h, inputs({ family: 'web', image: 'nginx:8', 'keep-revisions': '1' }));
    expect(exitCodeFor(error)).toBe(143);
    expect(h.kept).toHaveLength(0);
    expect(outputsOf(result)).toMatchObject({ 'task-definition-arn': arn(2), 'task-definition-revision': '2', registered: 'true', 'deployment-status': 'CANCELLED' });
  });

  test('during register before an update: the service is not updated', async () => {
    serviceExists();
    familyHas(runningDefinition);
    const h = harness();
    ecsMock.on(RegisterTaskDefinitionCommand).callsFake(() => {
      h.cancel.abort('SIGTERM');
      return { taskDefinition: { ...runningDefinition, taskDefinitionArn: arn(2), revision: 2 } };
    });
    const { result, error } = await deliver(h, inputs({ service: 'web', family: 'web', image: 'nginx:8' }));
    expect(error).toBeInstanceOf(CancelledError);
    expect(called(UpdateServiceCommand)).toBe(0);
    expect(result).toMatchObject({ deploymentStatus: 'CANCELLED', taskDefinitionArn: arn(2) });
  });

  test('during UpdateService with wait false: not "done", exit 143, the outputs name the deployment', async () => {
    serviceExists();
    familyHas(runningDefinition);
    registers(2);
    const h = harness();
    ecsMock.on(UpdateServiceCommand).callsFake(() => {
      h.cancel.abort('SIGTERM');
      return { service: { serviceName: 'web', deployments: [{ id: 'ecs-svc/2', status: 'PRIMARY', taskDefinition: arn(2) }] } };
    });
    const { result, error } = await deliver(h, inputs({ service: 'web', family: 'web', image: 'nginx:8', wait: 'false', 'keep-revisions': '1' }));
    expect(exitCodeFor(error)).toBe(143);
    expect(h.kept).toHaveLength(0);
    expect(h.reporter.text).not.toMatch(/wait is false/);
    expect(outputsOf(result)).toMatchObject({ 'deployment-id': 'ecs-svc/2', 'task-definition-revision': '2', 'deployment-status': 'CANCELLED' });
  });

  test('during UpdateService with wait true: the watch does not start', async () => {
    serviceExists();
    familyHas(runningDefinition);
    registers(2);
    const h = harness();
    ecsMock.on(UpdateServiceCommand).callsFake(() => {
      h.cancel.abort('SIGINT');
      return { service: { serviceName: 'web', deployments: [{ id: 'ecs-svc/2', status: 'PRIMARY', taskDefinition: arn(2) }] } };
    });
    const { result, error } = await deliver(h, inputs({ service: 'web', family: 'web', image: 'nginx:8' }));
    expect(exitCodeFor(error)).toBe(130);
    expect(h.watched).toHaveLength(0);
    expect(result.deploymentId).toBe('ecs-svc/2');
  });

  test('a call the cancel aborts is reported as the cancel, with what was done', async () => {
    serviceExists();
    familyHas(runningDefinition);
    registers(2);
    const h = harness();
    ecsMock.on(UpdateServiceCommand).callsFake(() => {
      h.cancel.abort('SIGTERM');
      throw Object.assign(new Error('Request aborted'), { name: 'AbortError' });
    });
    const progress = newProgress();
    const { result, error } = await deliver(h, inputs({ service: 'web', family: 'web', image: 'nginx:8' }), progress);
    expect(error).toBeInstanceOf(CancelledError);
    expect(progress.step).toBe('update');
    expect(result).toMatchObject({ deploymentStatus: 'CANCELLED', taskDefinitionArn: arn(2), registered: true });
  });
});

describe('a one-off task before the update', () => {
  const TASK = 'arn:aws:ecs:us-east-1:123456789012:task/default/0a1b2c';
  const stopped = (exitCode: number) => ({
    taskArn: TASK,
    lastStatus: 'STOPPED',
    stopCode: 'EssentialContainerExited' as const,
    stoppedReason: 'Essential container in task exited',
    containers: [{ name: 'web', exitCode }],
  });
  /** A stream holding `lines`: read from the head they come once, then the forward token answers nothing new. */
  const logs = (lines: string[]) => ({
    getLogEvents: async (request: { nextToken?: string }) => ({ events: request.nextToken ? [] : lines.map((message) => ({ message })), nextForwardToken: 'end' }),
  });
  const logged = { ...runningDefinition, containerDefinitions: [{ ...runningDefinition.containerDefinitions![0]!, logConfiguration: { logDriver: 'awslogs' as const, options: { 'awslogs-group': '/ecs/web', 'awslogs-stream-prefix': 'ecs' } } }] };

  function runs(...answers: object[]): void {
    ecsMock.on(RunTaskCommand).resolves({ tasks: [{ taskArn: TASK, lastStatus: 'PROVISIONING' }], failures: [] });
    let call = ecsMock.on(DescribeTasksCommand);
    for (const task of answers) call = call.resolvesOnce({ tasks: [task as never] });
  }

  test('runs from the registered revision, with the command, then updates the service', async () => {
    serviceExists();
    familyHas(logged);
    registers(2);
    updateCreatesDeployment(arn(2));
    runs({ taskArn: TASK, lastStatus: 'RUNNING' }, stopped(0));
    const h = harness({ logs: logs(['migrated 3 tables']) });

    const { result, error } = await deliver(h, inputs({ service: 'web', family: 'web', image: 'nginx:1.25', 'run-task-command': 'npm run migrate' }));

    expect(error).toBeUndefined();
    const run = ecsMock.commandCalls(RunTaskCommand)[0]?.args[0].input;
    expect(run).toMatchObject({ cluster: 'default', taskDefinition: arn(2), count: 1, startedBy: 'ecs-deliver', overrides: { containerOverrides: [{ name: 'web', command: ['npm', 'run', 'migrate'] }] } });
    expect(ecsMock.calls().findIndex((c) => c.args[0] instanceof RunTaskCommand)).toBeLessThan(ecsMock.calls().findIndex((c) => c.args[0] instanceof UpdateServiceCommand));
    expect(h.reporter.text).toContain('web | migrated 3 tables');
    expect(result).toMatchObject({ deploymentStatus: 'COMPLETED', runTask: { container: 'web', status: 'SUCCEEDED', exitCode: 0, taskArn: TASK } });
    expect(outputsOf(result)).toMatchObject({ 'run-task-arn': TASK, 'run-task-exit-code': '0' });
  });

  test('a task that exits 3 ends the run with exit 1 and leaves the service as it was', async () => {
    serviceExists();
    familyHas(logged);
    registers(2);
    runs(stopped(3));
    const h = harness({ logs: logs(['step 1', 'ERROR: no such table']) });

    const { result, error } = await deliver(h, inputs({ service: 'web', family: 'web', image: 'nginx:1.25', 'run-task-command': 'migrate' }));

    expect(error).toBeInstanceOf(DeployError);
    expect(exitCodeFor(error)).toBe(1);
    expect(String((error as Error).message)).toMatch(/container web exited with exit code 3.*service web was left as it was/);
    expect(called(UpdateServiceCommand)).toBe(0);
    expect(result).toMatchObject({ deploymentStatus: 'FAILED', registered: true, runTask: { exitCode: 3, lastLogLines: ['step 1', 'ERROR: no such table'] } });
    expect(outputsOf(result)).toMatchObject({ 'run-task-arn': TASK, 'run-task-exit-code': '3' });
    // The revision whose migration failed is not one to deploy again.
    expect(h.reporter.text).toMatch(/web:2 stays registered; service web was not changed, as the one-off task did not succeed\./);
    expect(h.reporter.text).not.toMatch(/deploy it again|task-definition-arn/);
  });

  test('a cancel while the task runs stops it and ends as cancelled, the service untouched', async () => {
    serviceExists();
    familyHas(runningDefinition);
    registers(2);
    ecsMock.on(StopTaskCommand).resolves({});
    const h = harness();
    ecsMock.on(RunTaskCommand).resolves({ tasks: [{ taskArn: TASK }], failures: [] });
    ecsMock.on(DescribeTasksCommand).callsFake(() => {
      h.cancel.abort('SIGTERM');
      return { tasks: [{ taskArn: TASK, lastStatus: 'RUNNING' }] };
    });

    const { result, error } = await deliver(h, inputs({ service: 'web', family: 'web', image: 'nginx:1.25', 'run-task-command': 'migrate' }));

    expect(error).toBeInstanceOf(CancelledError);
    expect(exitCodeFor(error)).toBe(143);
    expect(ecsMock.commandCalls(StopTaskCommand)[0]?.args[0].input).toMatchObject({ cluster: 'default', task: TASK, reason: 'ecs-deliver: the job was cancelled' });
    expect(called(UpdateServiceCommand)).toBe(0);
    expect(result).toMatchObject({ deploymentStatus: 'CANCELLED', runTask: { status: 'CANCELLED', taskArn: TASK } });
  });
});
