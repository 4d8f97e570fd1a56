import {
  DeregisterTaskDefinitionCommand,
  DescribeServicesCommand,
  ECSClient,
  ECSServiceException,
  ListServicesCommand,
  ListTaskDefinitionsCommand,
  type DescribeServicesCommandInput,
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

/** 12 services, in two pages of service ARNs; three of them still use old revisions of web. */
function listServices(): void {
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

const deps = (reporter = new RecordingReporter(), clock = new FakeClock()) => ({ ecs: ecsApi(client), clock, reporter });

const deregisteredArns = () => ecsMock.commandCalls(DeregisterTaskDefinitionCommand).map((call) => call.args[0].input.taskDefinition ?? '');

describe('keepRevisions', () => {
  test('keeps the newest N, every revision a service runs or moves between, and the protected ones', async () => {
    listRevisions();
    listServices();
    const reporter = new RecordingReporter();

    const deregistered = await keepRevisions(
      deps(reporter),
      { cluster: 'prod', family: 'web', keep: 2, protect: [td(5), 'web:7'] },
    );

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
    ecsMock.on(ListServicesCommand).resolves({ serviceArns: ['arn:aws:ecs:eu-west-1:1:service/prod/web'] });
    ecsMock.on(DescribeServicesCommand).resolves({ services: [{ serviceName: 'web', taskDefinition: td(4), deployments: [{ taskDefinition: td(3) }, { taskDefinition: td(2) }] }] });

    const deregistered = await keepRevisions(
      deps(),
      { cluster: 'prod', family: 'web', keep, protect: ['web:1'] },
    );

    expect(deregistered).toEqual(expected);
    expect(deregisteredArns().every((arn) => arn.includes('task-definition/web:'))).toBe(true);
  });

  test('with nothing older than the newest N, the services are not even listed', async () => {
    listRevisions();

    expect(await keepRevisions(deps(), { cluster: 'prod', family: 'web', keep: 10, protect: [] })).toEqual([]);
    expect(ecsMock.commandCalls(ListServicesCommand)).toHaveLength(0);
  });

  test('when the services cannot be read, nothing is deregistered', async () => {
    listRevisions();
    ecsMock.on(ListServicesCommand).rejects(new ECSServiceException({ name: 'AccessDeniedException', $fault: 'client', $metadata: {}, message: 'denied' }));

    await expect(
      keepRevisions(deps(), { cluster: 'prod', family: 'web', keep: 2, protect: [] }),
    ).rejects.toThrow('denied');
    expect(deregisteredArns()).toEqual([]);
  });

  test('a revision that fails to deregister is reported and skipped; throttling pauses once, then stops the run', async () => {
    listRevisions();
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

    const deregistered = await keepRevisions(deps(reporter, clock), { cluster: 'prod', family: 'web', keep: 3, protect: [] });

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
      keepRevisions(deps(), { cluster: 'prod', family: 'web', keep, protect: [] }),
    ).rejects.toThrow(InputError);
    expect(ecsMock.commandCalls(ListTaskDefinitionsCommand)).toHaveLength(0);
  });
});
