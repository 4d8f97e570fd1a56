// The plan: reads only, one shape for every path, printed the same way by a dry run.
import { DescribeClustersCommand, DescribeServicesCommand, DescribeTaskDefinitionCommand, RegisterTaskDefinitionCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { beforeEach, describe, expect, test } from 'vitest';
import { planDeploy } from '../../src/deploy/plan.js';
import { planLines, reportDryRun } from '../../src/deploy/plan-report.js';
import { InputError, PreflightError } from '../../src/errors.js';
import { arn, called, ecsMock, familyHas, harness, inputs, runningDefinition, serviceExists } from './deliver-harness.js';

beforeEach(() => ecsMock.reset());

const reads = (h: ReturnType<typeof harness>) => ({ ecs: h.session.ecs, region: h.session.region });
const noWrites = (): number => called(RegisterTaskDefinitionCommand) + called(UpdateServiceCommand);

describe('plan', () => {
  test.each([
    ['a missing service', () => {
      ecsMock.on(DescribeClustersCommand).resolves({ clusters: [{ clusterName: 'default', status: 'ACTIVE' }] });
      ecsMock.on(DescribeServicesCommand).resolves({ services: [], failures: [{ reason: 'MISSING' }] });
    }, /service: "web" was not found/],
    ['a missing cluster', () => {
      ecsMock.on(DescribeClustersCommand).resolves({ clusters: [], failures: [{ reason: 'MISSING' }] });
    }, /cluster: "default" does not exist/],
    ['an INACTIVE service', () => serviceExists({ status: 'INACTIVE' }), /is INACTIVE/],
    ['an EXTERNAL controller', () => serviceExists({ deploymentController: { type: 'EXTERNAL' } }), /EXTERNAL deployment controller/],
  ])('%s fails the preflight before the image is looked at, writing nothing', async (_name, arrange, message) => {
    arrange();
    familyHas(runningDefinition);
    let verified = false;
    const h = harness({ plan: { verifyImages: async () => void (verified = true) } });
    const planning = planDeploy(h.planDeps, inputs({ service: 'web', family: 'web', image: 'nginx:2' }), reads(h));
    await expect(planning).rejects.toThrow(PreflightError);
    await expect(planning).rejects.toThrow(message);
    expect(noWrites()).toBe(0);
    expect(verified).toBe(false);
  });

  test('a container name that does not exist fails before the image inputs are checked', async () => {
    serviceExists();
    familyHas(runningDefinition);
    let verified = false;
    const h = harness({ plan: { verifyImages: async () => void (verified = true) } });
    await expect(planDeploy(h.planDeps, inputs({ service: 'web', family: 'web', image: 'nginx:2', 'container-name': 'api' }), reads(h))).rejects.toThrow(InputError);
    expect(verified).toBe(false);
  });

  test('the plan names the base, the changes, reuse or register and the service update', async () => {
    serviceExists();
    familyHas(runningDefinition);
    const h = harness();
    const plan = await planDeploy(h.planDeps, inputs({ service: 'web', family: 'web', image: 'nginx:3', 'desired-count': '3', 'keep-revisions': '2' }), reads(h));
    expect(plan.compared).toBe(true);
    expect(plan.taskDefinition).toMatchObject({ kind: 'render', family: 'web', latest: { revision: 1 } });
    expect(plan.taskDefinition.kind === 'render' && plan.taskDefinition.reuse).toBeFalsy();
    expect(plan.changes.join('\n')).toContain('nginx:1.24 → nginx:3');
    expect(plan.update).toMatchObject({ cluster: 'default', service: 'web', desiredCount: 3, forceNewDeployment: false, before: { taskDefinition: arn(1) } });
    expect(plan.keepRevisions).toEqual({ family: 'web', keep: 2 });
    expect(noWrites()).toBe(0);
  });

  test('an unchanged render plans to reuse the latest revision', async () => {
    serviceExists();
    familyHas(runningDefinition);
    const h = harness();
    const plan = await planDeploy(h.planDeps, inputs({ service: 'web', family: 'web', image: 'nginx:1.24' }), reads(h));
    expect(plan.taskDefinition).toMatchObject({ kind: 'render', reuse: { revision: 1 } });
    expect(planLines(plan)).toContain('Would reuse web:1 (unchanged); would register nothing.');
  });

  test('a task-definition-arn that does not exist fails the preflight', async () => {
    serviceExists();
    ecsMock.on(DescribeTaskDefinitionCommand, { taskDefinition: 'web:9' }).rejects(Object.assign(new Error('Unable to describe task definition.'), { name: 'ClientException' }));
    ecsMock.on(DescribeTaskDefinitionCommand, { taskDefinition: arn(1) }).resolves({ taskDefinition: runningDefinition });
    const h = harness();
    await expect(planDeploy(h.planDeps, inputs({ service: 'web', 'task-definition-arn': 'web:9' }), reads(h))).rejects.toThrow(/task-definition-arn: "web:9" does not exist/);
  });

  test('fields the bundled SDK cannot send are named in a warning', async () => {
    ecsMock.on(DescribeTaskDefinitionCommand).rejects(Object.assign(new Error('Unable to describe task definition.'), { name: 'ClientException' }));
    const file = JSON.stringify({ family: 'next', futureField: true, containerDefinitions: [{ name: 'app', image: 'a:1', futureKnob: 1 }] });
    const h = harness({ plan: { readTextFile: () => file } });
    await planDeploy(h.planDeps, inputs({ 'task-definition': 'td.json' }), reads(h));
    const warning = h.reporter.lines.find((line) => line.level === 'warn')?.text ?? '';
    expect(warning).toContain('futureField');
    expect(warning).toContain('containerDefinitions[0].futureKnob');
    expect(warning).toMatch(/will not be sent/);
  });
});

describe('the rollout kind is chosen once, in the plan', () => {
  test.each([
    [{}, 'rolling'],
    [{ deploymentConfiguration: { strategy: 'ROLLING' } }, 'rolling'],
    [{ deploymentConfiguration: { strategy: 'BLUE_GREEN' } }, 'blue/green, linear or canary'],
    [{ deploymentConfiguration: { strategy: 'LINEAR' } }, 'blue/green, linear or canary'],
    [{ deploymentConfiguration: { strategy: 'CANARY' } }, 'blue/green, linear or canary'],
  ] as const)('a service with %j is deployed as %s', async (fields, kind) => {
    serviceExists(fields);
    familyHas(runningDefinition);
    const h = harness();
    const plan = await planDeploy(h.planDeps, inputs({ service: 'web', 'task-definition-arn': 'web:1' }), reads(h));
    expect(plan.update?.kind.name).toBe(kind);
  });

  test('a strategy no kind knows is refused in the preflight, with what to do; nothing is registered or updated', async () => {
    serviceExists({ deploymentConfiguration: { strategy: 'SHADOW' as never } });
    familyHas(runningDefinition);
    const h = harness();
    const planned = planDeploy(h.planDeps, inputs({ service: 'web', family: 'web', image: 'nginx:1.25' }), reads(h));
    await expect(planned).rejects.toThrow(PreflightError);
    await expect(planned).rejects.toThrow(/uses the SHADOW deployment strategy, which ecs-deliver cannot watch or roll back .*strategy=ROLLING/);
    expect(called(RegisterTaskDefinitionCommand)).toBe(0);
    expect(called(UpdateServiceCommand)).toBe(0);
  });

  test('a deployment controller no kind knows is refused in the preflight', async () => {
    serviceExists({ deploymentController: { type: 'FUTURE' as never } });
    const h = harness();
    await expect(planDeploy(h.planDeps, inputs({ service: 'web', family: 'web', image: 'nginx:1.25' }), reads(h))).rejects.toThrow(
      'service: "web" uses the FUTURE deployment controller, which ecs-deliver does not know; register only (leave service unset).',
    );
  });
});

describe('a dry run prints the plan the same way for every path', () => {
  test.each([
    ['BLUE_GREEN', {}, 'the blue/green service deployment, stage by stage'],
    ['CANARY', { 'wait-until': 'traffic-shifted' }, 'the canary service deployment, stage by stage until production traffic has moved'],
    ['ROLLING', {}, 'the rollout'],
  ] as const)('a %s service: the plan says what the wait follows', async (strategy, extra, waited) => {
    serviceExists({ deploymentConfiguration: { strategy } });
    familyHas(runningDefinition);
    const h = harness();
    const plan = await planDeploy(h.planDeps, inputs({ service: 'web', 'task-definition-arn': 'web:1', 'dry-run': 'true', ...extra }), reads(h));
    expect(planLines(plan)).toContain(`Would update service web in default to web:1 and wait for ${waited}.`);
  });

  const file = JSON.stringify({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.24', memory: 256, environment: [{ name: 'TOKEN', value: 'hunter2' }] }] });
  const paths: [string, Record<string, string>][] = [
    ['rendered from inputs', { service: 'web', family: 'web', image: 'nginx:4', environment: 'TOKEN=hunter2' }],
    ['rendered from a file', { service: 'web', 'task-definition': 'td.json', image: 'nginx:4' }],
    ['task-definition-arn', { service: 'web', 'task-definition-arn': 'web:1' }],
  ];

  test.each(paths)('%s: changes, the task definition, one line per step, nothing changed', async (_name, values) => {
    serviceExists();
    familyHas(runningDefinition);
    const h = harness({ plan: { readTextFile: () => file } });
    const plan = await planDeploy(h.planDeps, inputs({ ...values, 'dry-run': 'true', 'keep-revisions': '3' }), reads(h));
    await reportDryRun(h.reporter, plan);

    expect(noWrites()).toBe(0);
    expect(h.reporter.groups).toHaveLength(1);
    expect(h.reporter.groups[0]).toMatch(/against web:1 \(what web runs now\)/);
    const info = h.reporter.lines.filter((line) => line.level === 'info').map((line) => line.text);
    const shape = info.filter((line) => /^(Would|Dry run|keep-revisions)|\(environment values redacted\):$/.test(line)).map((line) => line.replace(/ .*/, ''));
    expect(shape).toEqual(['Rendered', 'Would', 'Would', 'Would', 'Dry'].map((word, i) => (i === 0 && values['task-definition-arn'] ? 'Task' : word)));
    expect(info).toContain('Dry run: nothing was changed.');
    expect(info.some((line) => line.startsWith('Would update service web in default to '))).toBe(true);
    expect(h.reporter.text).not.toContain('hunter2');
  });

  test('without AWS credentials the plan says it was not compared with ECS, and still renders', async () => {
    const h = harness();
    const plan = await planDeploy(h.planDeps, inputs({ family: 'seed', image: 'app:1', memory: '300', 'container-port': '8080', 'dry-run': 'true' }), undefined);
    await reportDryRun(h.reporter, plan);
    expect(ecsMock.calls()).toHaveLength(0);
    expect(plan.compared).toBe(false);
    expect(h.reporter.text).toContain('"containerPort": 8080');
    expect(h.reporter.text).toMatch(/not compared with ECS/);
    expect(h.reporter.text).toMatch(/Would register a new revision of seed\./);
  });

  test('without AWS credentials what was not read is not presented as fact', async () => {
    const h = harness();
    const plan = await planDeploy(h.planDeps, inputs({ family: 'web', image: 'app:1', memory: '300', 'dry-run': 'true' }), undefined);
    await reportDryRun(h.reporter, plan);
    expect(h.reporter.text).not.toMatch(/new family|no earlier revision|has no revision yet/);
    expect(h.reporter.text).toContain('Rendering the task definition from inputs alone (the family\'s revisions were not read: no AWS credentials).');
    expect(h.reporter.groups).toEqual(['Task definition (not compared with ECS)']);
    expect(h.reporter.text).toContain('not compared: the revisions of family web were not read (no AWS credentials)');

    const refused = await planDeploy(harness().planDeps, inputs({ family: 'web', memory: '300', 'dry-run': 'true' }), undefined).then(
      () => undefined,
      (error: unknown) => String(error),
    );
    expect(refused).toMatch(/image: without AWS credentials the dry run cannot read the revisions of family "web"/);
    expect(refused).not.toMatch(/has no revision yet/);
  });

  test('without AWS credentials wait-until traffic-shifted is said, not dropped', async () => {
    const h = harness();
    const plan = await planDeploy(h.planDeps, inputs({ service: 'web', 'task-definition-arn': 'web:7', 'dry-run': 'true', 'wait-until': 'traffic-shifted' }), undefined);
    expect(planLines(plan)).toContain(
      'Would update service web in default to web:7 and wait for the rollout until production traffic has moved (blue/green, linear, canary; a rolling update: until it completes).',
    );
  });

  test('task-definition-arn without AWS credentials prints the same plan lines', async () => {
    const h = harness();
    const plan = await planDeploy(h.planDeps, inputs({ service: 'web', 'task-definition-arn': 'web:7', 'dry-run': 'true' }), undefined);
    await reportDryRun(h.reporter, plan);
    expect(planLines(plan)).toEqual([
      'No AWS credentials found: not compared with ECS (set credentials to see the diff against what runs).',
      'Would deploy web:7 as it is; would register nothing.',
      'Would update service web in default to web:7 and wait for the rollout.',
      'Dry run: nothing was changed.',
    ]);
    expect(h.reporter.groups).toEqual(['Deploying web:7 as it is']);
  });

  test('with wait false the plan says keep-revisions would not run', async () => {
    serviceExists();
    familyHas(runningDefinition);
    const h = harness();
    const plan = await planDeploy(h.planDeps, inputs({ service: 'web', family: 'web', image: 'nginx:5', wait: 'false', 'keep-revisions': '2' }), reads(h));
    expect(planLines(plan)).toContain('keep-revisions 2: would not run, as the rollout is not waited for.');
  });
});

describe('a one-off task in the plan', () => {
  const fargate = {
    launchType: 'FARGATE',
    platformVersion: '1.4.0',
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a'], securityGroups: ['sg-1'], assignPublicIp: 'DISABLED' } },
  };
  const awsvpcDefinition = { ...runningDefinition, networkMode: 'awsvpc' as const };

  test('runs where the service runs, in the container that gets image, and a dry run prints it before the update', async () => {
    serviceExists(fargate);
    familyHas(awsvpcDefinition);
    const h = harness();
    const plan = await planDeploy(h.planDeps, inputs({ service: 'web', family: 'web', image: 'nginx:6', 'run-task-command': 'npm run migrate', 'dry-run': 'true' }), reads(h));
    expect(plan.runTask).toMatchObject({
      cluster: 'default',
      container: 'web',
      placement: {
        launchType: 'FARGATE',
        platformVersion: '1.4.0',
        networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a'], securityGroups: ['sg-1'], assignPublicIp: 'DISABLED' } },
      },
    });
    const lines = planLines(plan);
    const runAt = lines.findIndex((line) => line.startsWith('Would run one task of the new revision of web'));
    const updateAt = lines.findIndex((line) => line.startsWith('Would update service web'));
    expect(runAt).toBeGreaterThan(0);
    expect(updateAt).toBeGreaterThan(runAt);
    expect(lines).toContain('  command: container web runs npm run migrate');
    expect(lines.join('\n')).toContain('launch type FARGATE; platform 1.4.0; subnets subnet-a; security groups sg-1; public IP off');
    expect(noWrites()).toBe(0);
  });

  test('without a service, awsvpc needs run-task-subnets: refused before anything changes', async () => {
    familyHas(awsvpcDefinition);
    const h = harness();
    const planning = planDeploy(h.planDeps, inputs({ family: 'web', image: 'nginx:6', 'run-task': 'true' }), reads(h));
    await expect(planning).rejects.toThrow(InputError);
    await expect(planning).rejects.toThrow(/^run-task-subnets: /);
    expect(noWrites()).toBe(0);
  });

  test('a run-task input without a task asked for is refused', async () => {
    serviceExists();
    familyHas(runningDefinition);
    const h = harness();
    await expect(planDeploy(h.planDeps, inputs({ service: 'web', family: 'web', image: 'nginx:6', 'run-task-subnets': 'subnet-a' }), reads(h))).rejects.toThrow(
      /^run-task-subnets: only used when a one-off task runs/,
    );
  });

  test('a dry run without AWS credentials says where the task runs is not known', async () => {
    const h = harness();
    const plan = await planDeploy(h.planDeps, inputs({ service: 'web', 'task-definition-arn': 'web:7', 'run-task-command': 'migrate', 'dry-run': 'true' }), undefined);
    expect(plan.runTask).toBeUndefined();
    expect(planLines(plan)).toContain('Would run a one-off task from web:7; its placement is not read from ECS (where web runs is unknown without AWS credentials).');
  });
});
