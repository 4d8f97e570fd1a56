import {
  DeregisterTaskDefinitionCommand,
  DescribeServicesCommand,
  ECSClient,
  DescribeTaskDefinitionCommand,
  ECSServiceException,
  ListClustersCommand,
  ListServicesCommand,
  ListTaskDefinitionsCommand,
  type DescribeServicesCommandInput,
  type ListServicesCommandInput,
  type Service,
} from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, test } from 'vitest';
import { ecsApi } from '../../src/aws/ecs.js';
import { keepRevisions } from '../../src/deploy/keep-revisions.js';
import { InputError } from '../../src/errors.js';
import { FakeClock, RecordingReporter, td } from './watch-fakes.js';

const ecsMock = mockClient(ECSClient);
const client = new ECSClient({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example' } });

/** web:1..10 and web-worker:1..7 are ACTIVE, listed newest first across pages of 4, as ECS pages them. */
function listRevisions(): void {
  const arns = [
    ...Array.from({ length: 10 }, (_, i) => td(10 - i)),
    ...Array.from({ length: 7 }, (_, i) => td(7 - i, 'web-worker')),
  ].sort((a, b) => b.localeCompare(a));
  const pages = [arns.slice(0, 4), arns.slice(4, 8), arns.slice(8, 12), arns.slice(12)];
  ecsMock.on(ListTaskDefinitionsCommand).callsFake((input: { nextToken?: string }) => {
    const index = input.nextToken ? Number(input.nextToken) : 0;
    return { taskDefinitionArns: pages[index], ...(index + 1 < pages.length ? { nextToken: String(index + 1) } : {}) };
  });
}

const clusterArn = (name: string) => `arn:aws:ecs:eu-west-1:123456789012:cluster/${name}`;

/** One cluster, prod, unless the test lists others. */
function listClusters(...names: string[]): void {
  ecsMock.on(ListClustersCommand).resolves({ clusterArns: (names.length > 0 ? names : ['prod']).map(clusterArn) });
}

/** 12 services, in two pages of service ARNs; three of them still use old revisions of web. */
function listServices(): void {
  listClusters();
  const names = Array.from({ length: 12 }, (_, i) => `svc${i}`);
  const arn = (name: string) => `arn:aws:ecs:eu-west-1:123456789012:service/prod/${name}`;
  ecsMock
    .on(ListServicesCommand)
    .resolvesOnce({ serviceArns: names.slice(0, 7).map(arn), nextToken: 'more' })
    .resolves({ serviceArns: names.slice(7).map(arn) });
  const inUse: Record<string, Partial<Service>> = {
    svc1: { taskDefinition: td(3) },
    svc8: { taskDefinition: td(10), deployments: [{ taskDefinition: td(10) }, { taskDefinition: td(2) }] },
    // Blue/green (CODE_DEPLOY) services run their revisions in task sets.
    svc11: { taskDefinition: 'web:9', taskSets: [{ taskDefinition: td(4) }] },
  };
  ecsMock.on(DescribeServicesCommand).callsFake((input: DescribeServicesCommandInput) => ({
    services: (input.services ?? []).map((serviceArn) => {
      const name = serviceArn.split('/').pop()!;
      return { serviceName: name, serviceArn, taskDefinition: td(1, 'other'), ...inUse[name] };
    }),
  }));
}

beforeEach(() => {
  ecsMock.reset();
  ecsMock.on(DeregisterTaskDefinitionCommand).callsFake((input: { taskDefinition: string }) => ({
    taskDefinition: { taskDefinitionArn: input.taskDefinition, status: 'INACTIVE' },
  }));
});

const denied = (action: string) =>
  new ECSServiceException({ name: 'AccessDeniedException', $fault: 'client', $metadata: { httpStatusCode: 400 }, message: `User is not authorized to perform ecs:${action}` });

const deps = (reporter = new RecordingReporter(), clock = new FakeClock()) => ({ ecs: ecsApi(client), clock, reporter });

const deregisteredArns = () => ecsMock.commandCalls(DeregisterTaskDefinitionCommand).map((call) => call.args[0].input.taskDefinition ?? '');

describe('keepRevisions', () => {
  test('keeps the newest N, every revision a service runs or moves between, and the protected ones', async () => {
    listRevisions();
    listServices();
    const reporter = new RecordingReporter();

    const deregistered = await keepRevisions(deps(reporter), { family: 'web', keep: 2, protect: [td(5), 'web:7'] });

    expect(deregistered).toEqual(['web:8', 'web:6', 'web:1']);
    expect(deregisteredArns()).toEqual([td(8), td(6), td(1)]);
    expect(ecsMock.commandCalls(ListTaskDefinitionsCommand).map((call) => call.args[0].input)).toEqual([
      { familyPrefix: 'web', status: 'ACTIVE', sort: 'DESC' },
      { familyPrefix: 'web', status: 'ACTIVE', sort: 'DESC', nextToken: '1' },
      { familyPrefix: 'web', status: 'ACTIVE', sort: 'DESC', nextToken: '2' },
      { familyPrefix: 'web', status: 'ACTIVE', sort: 'DESC', nextToken: '3' },
    ]);
    expect(ecsMock.commandCalls(DescribeServicesCommand).map((call) => call.args[0].input.services?.length)).toEqual([10, 2]);
  });

  test.each([
    { keep: 10, expected: [] },
    { keep: 12, expected: [] },
    { keep: 9, expected: [] }, // web:1 is in use by nobody but protected below
    { keep: 1, expected: ['web:9', 'web:8', 'web:7', 'web:6', 'web:5'] },
  ])('keep $keep', async ({ keep, expected }) => {
    listRevisions();
    listClusters();
    ecsMock.on(ListServicesCommand).resolves({ serviceArns: ['arn:aws:ecs:eu-west-1:1:service/prod/web'] });
    ecsMock.on(DescribeServicesCommand).resolves({ services: [{ serviceName: 'web', taskDefinition: td(4), deployments: [{ taskDefinition: td(3) }, { taskDefinition: td(2) }] }] });

    const deregistered = await keepRevisions(deps(), { family: 'web', keep, protect: ['web:1'] });

    expect(deregistered).toEqual(expected);
    expect(deregisteredArns().every((arn) => arn.includes('task-definition/web:'))).toBe(true);
  });

  test('with nothing older than the newest N, the services are not even listed', async () => {
    listRevisions();

    expect(await keepRevisions(deps(), { family: 'web', keep: 10, protect: [] })).toEqual([]);
    expect(ecsMock.commandCalls(ListClustersCommand)).toHaveLength(0);
    expect(ecsMock.commandCalls(ListServicesCommand)).toHaveLength(0);
  });

  test.each([
    ['ListClusters is denied', () => ecsMock.on(ListClustersCommand).rejects(denied('ListClusters'))],
    ['ListServices is denied in one cluster', () => {
      listClusters('prod', 'staging');
      ecsMock.on(ListServicesCommand, { cluster: clusterArn('prod') }).resolves({ serviceArns: [] });
      ecsMock.on(ListServicesCommand, { cluster: clusterArn('staging') }).rejects(denied('ListServices'));
    }],
    ['DescribeServices stays throttled after the retries', () => {
      listClusters();
      ecsMock.on(ListServicesCommand).resolves({ serviceArns: ['arn:aws:ecs:eu-west-1:1:service/prod/web'] });
      ecsMock.on(DescribeServicesCommand).rejects(
        new ECSServiceException({ name: 'ThrottlingException', $fault: 'client', $metadata: { httpStatusCode: 400 }, message: 'Rate exceeded' }),
      );
    }],
    ['the revisions cannot be listed', () => ecsMock.on(ListTaskDefinitionsCommand).rejects(denied('ListTaskDefinitions'))],
  ])('when %s, nothing is deregistered and one warning says why', async (_case, failure) => {
    listRevisions();
    failure();
    const reporter = new RecordingReporter();

    expect(await keepRevisions(deps(reporter), { family: 'web', keep: 2, protect: [] })).toEqual([]);

    expect(deregisteredArns()).toEqual([]);
    expect(reporter.lines).toHaveLength(1);
    expect(reporter.lines[0]).toMatchObject({ level: 'warn', text: expect.stringMatching(/^keep-revisions: deregistering nothing, because the revisions in use could not all be listed \(.*(denied|Rate exceeded)/) });
    expect(reporter.lines[0]?.text).toContain('ecs:ListClusters');
  });

  describe('prod/web runs web:1, staging/web runs web:2', () => {
    beforeEach(() => {
      ecsMock.on(ListTaskDefinitionsCommand).resolves({ taskDefinitionArns: [td(3), td(2), td(1)] });
      ecsMock
        .on(ListClustersCommand)
        .resolvesOnce({ clusterArns: [clusterArn('prod')], nextToken: 'page-2' })
        .resolves({ clusterArns: [clusterArn('staging')] });
      ecsMock.on(ListServicesCommand).callsFake((input: ListServicesCommandInput) => ({
        serviceArns: [`arn:aws:ecs:eu-west-1:123456789012:service/${(input.cluster ?? '').split('/').pop()}/web`],
      }));
      ecsMock.on(DescribeServicesCommand).callsFake((input: DescribeServicesCommandInput) => ({
        services: [{ serviceName: 'web', taskDefinition: input.cluster === clusterArn('prod') ? td(1) : td(2) }],
      }));
    });

    test('a deploy of web:3 to staging with keep-revisions 1 deregisters neither', async () => {
      // What the deploy protects: the revision it deployed and the one staging would roll back to.
      expect(await keepRevisions(deps(), { family: 'web', keep: 1, protect: [td(3), td(2)] })).toEqual([]);
      expect(deregisteredArns()).toEqual([]);
      expect(ecsMock.commandCalls(ListClustersCommand).map((call) => call.args[0].input)).toEqual([{}, { nextToken: 'page-2' }]);
      expect(ecsMock.commandCalls(DescribeServicesCommand).map((call) => call.args[0].input.cluster)).toEqual([clusterArn('prod'), clusterArn('staging')]);
    });

    test('a register-only run with keep-revisions 1 keeps both', async () => {
      expect(await keepRevisions(deps(), { family: 'web', keep: 1, protect: [td(3)] })).toEqual([]);
      expect(deregisteredArns()).toEqual([]);
    });

    test('a revision no cluster uses still goes', async () => {
      ecsMock.on(ListTaskDefinitionsCommand).resolves({ taskDefinitionArns: [td(4), td(3), td(2), td(1)] });
      expect(await keepRevisions(deps(), { family: 'web', keep: 1, protect: [td(4)] })).toEqual(['web:3']);
    });
  });

  test('a deregistration whose answer was lost is read back: INACTIVE means done, nothing is sent twice', async () => {
    listRevisions();
    listClusters();
    ecsMock.on(ListServicesCommand).resolves({ serviceArns: [] });
    ecsMock
      .on(DeregisterTaskDefinitionCommand)
      .rejectsOnce(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
      .resolves({});
    ecsMock.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: { taskDefinitionArn: td(1), family: 'web', revision: 1, status: 'INACTIVE' } });
    const reporter = new RecordingReporter();

    expect(await keepRevisions(deps(reporter), { family: 'web', keep: 9, protect: [] })).toEqual(['web:1']);
    expect(deregisteredArns()).toEqual([td(1)]);
    expect(ecsMock.commandCalls(DescribeTaskDefinitionCommand).map((call) => call.args[0].input.taskDefinition)).toEqual([td(1)]);
    expect(reporter.lines).toEqual([]);
  });

  test('a lost deregistration answer that cannot be read back says what to check', async () => {
    listRevisions();
    listClusters();
    ecsMock.on(ListServicesCommand).resolves({ serviceArns: [] });
    ecsMock.on(DeregisterTaskDefinitionCommand).rejects(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    ecsMock.on(DescribeTaskDefinitionCommand).rejects(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    const reporter = new RecordingReporter();

    expect(await keepRevisions(deps(reporter), { family: 'web', keep: 9, protect: [] })).toEqual([]);
    expect(deregisteredArns()).toEqual([td(1)]);
    expect(reporter.lines.map((line) => line.text)).toEqual([
      'Could not deregister web:1: socket hang up; it may have been deregistered: check aws ecs describe-task-definition --task-definition web:1',
    ]);
  });

  test('a revision that fails to deregister is reported and skipped; throttling pauses once, then stops the run', async () => {
    listRevisions();
    listClusters();
    ecsMock.on(ListServicesCommand).resolves({ serviceArns: [] });
    const throttled = () =>
      new ECSServiceException({ name: 'ThrottlingException', $fault: 'client', $metadata: { httpStatusCode: 400 }, message: 'Rate exceeded' });
    ecsMock
      .on(DeregisterTaskDefinitionCommand)
      .resolvesOnce({})
      .rejectsOnce(new ECSServiceException({ name: 'ClientException', $fault: 'client', $metadata: {}, message: 'in a weird state' }))
      .rejectsOnce(throttled())
      .resolvesOnce({})
      .rejects(throttled());
    const reporter = new RecordingReporter();
    const clock = new FakeClock();

    const deregistered = await keepRevisions(deps(reporter, clock), { family: 'web', keep: 3, protect: [] });

    expect(deregistered).toEqual(['web:7', 'web:5']);
    expect(deregisteredArns()).toEqual([td(7), td(6), td(5), td(5), td(4), td(4)]);
    expect(clock.sleeps).toEqual([1_000, 1_000]);
    expect(reporter.lines.map((line) => line.text)).toEqual([
      'Could not deregister web:6: ClientException: in a weird state',
      'Could not deregister web:4: ThrottlingException: Rate exceeded',
    ]);
  });

  test.each([0, -1, 1.5, Number.NaN])('keep %s is an input error', async (keep) => {
    await expect(
      keepRevisions(deps(), { family: 'web', keep, protect: [] }),
    ).rejects.toThrow(InputError);
    expect(ecsMock.commandCalls(ListTaskDefinitionsCommand)).toHaveLength(0);
  });
});
