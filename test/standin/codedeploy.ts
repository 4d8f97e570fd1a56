// CodeDeploy for ECS services, as the stand-in plays it: applications and deployment groups (seeded by tests),
// deployments of an AppSpec whose lifecycle events pass one after the other over time, a scripted failure of a
// chosen event with its diagnostics, CodeDeploy's own rollback, and StopDeployment. A group whose
// deploymentReadyOption is STOP_DEPLOYMENT holds each deployment in Ready after AfterAllowTestTraffic until
// ContinueDeployment (READY_WAIT) reroutes traffic, or stops it (Stopped) at the end of its wait. On success the ECS
// service in the stand-in world runs the AppSpec's task definition. Reached through X-Amz-Target `CodeDeploy_20141006.*`.
import { createHash, randomInt } from 'node:crypto';
import { shortName } from './arns.js';
import { EcsError } from './errors.js';
import { type Body, type Json, optionalBoolean, optionalObject, optionalString, requiredString } from './input.js';
import type { ServiceRecord } from './model.js';
import { FAILURES, type FailurePreset, type TaskFailure } from './scenarios.js';
import { launchTask, stopAsFailed } from './tasks.js';
import type { World } from './world.js';

export const CODEDEPLOY_TARGET_PREFIX = 'CodeDeploy_20141006.';

export const ECS_LIFECYCLE_EVENTS = [
  'BeforeInstall',
  'Install',
  'AfterInstall',
  'AllowTestTraffic',
  'AfterAllowTestTraffic',
  'BeforeAllowTraffic',
  'AllowTraffic',
  'AfterAllowTraffic',
] as const;
export type EcsLifecycleEvent = (typeof ECS_LIFECYCLE_EVENTS)[number];

const HOOK_EVENTS: ReadonlySet<string> = new Set(['BeforeInstall', 'AfterInstall', 'AfterAllowTestTraffic', 'BeforeAllowTraffic', 'AfterAllowTraffic']);

export const ECS_DEPLOYMENT_CONFIGS = [
  'CodeDeployDefault.ECSAllAtOnce',
  'CodeDeployDefault.ECSLinear10PercentEvery1Minutes',
  'CodeDeployDefault.ECSLinear10PercentEvery3Minutes',
  'CodeDeployDefault.ECSCanary10Percent5Minutes',
  'CodeDeployDefault.ECSCanary10Percent15Minutes',
];

/** How the next deployment behaves; durations in ms of the stand-in's clock. */
export interface CodeDeployScript {
  /** From CreateDeployment to the first lifecycle event. Default 100. */
  startMs?: number;
  /** Each lifecycle event. Default 150. */
  eventMs?: number;
  /** Traffic share of the replacement at each step of AllowTraffic. Default [100] (all at once). */
  trafficSteps?: number[];
  /** From the end of AfterAllowTraffic to Succeeded: the original task set's termination wait. Default 300. */
  terminationWaitMs?: number;
  /** This event fails, and CodeDeploy ends the deployment Failed. */
  failEvent?: EcsLifecycleEvent;
  diagnostics?: { errorCode?: string; message?: string; scriptName?: string; logTail?: string };
  /** Tasks of the new revision that ECS stopped before the failure, and why. Default none. */
  failedTasks?: number;
  taskFailure?: FailurePreset | TaskFailure;
  /** From a rollback's start to its success. Default 200. */
  rollbackMs?: number;
  /**
   * How StopDeployment answers: `Succeeded`, the deployment is Stopped (and its rollback started) at once; `Pending`,
   * the API Reference's other answer, it is Stopped only stopMs later. Default Succeeded.
   */
  stopAnswer?: 'Succeeded' | 'Pending';
  /** With stopAnswer Pending: from StopDeployment to Stopped. Default 300. */
  stopMs?: number;
}

export interface DeploymentGroupSeed {
  application: string;
  deploymentGroup: string;
  /** Default "default". */
  cluster?: string;
  service: string;
  /** Default CodeDeployDefault.ECSAllAtOnce. */
  deploymentConfigName?: string;
  /** Roll back automatically when a deployment fails. Default false. */
  autoRollback?: boolean;
  /** What the group says about the original task set's termination wait. Default 5. */
  terminationWaitMinutes?: number;
  /**
   * deploymentReadyOption STOP_DEPLOYMENT with this waitTimeInMinutes: each deployment waits in Ready for
   * ContinueDeployment, and is Stopped when the wait ends. Unset: CONTINUE_DEPLOYMENT (traffic reroutes at once).
   */
  readyWaitMinutes?: number;
  /** The ready wait in ms of the stand-in's clock, for tests that let it run out; default readyWaitMinutes. */
  readyWaitMs?: number;
  /**
   * Whether GetDeployment echoes the AppSpec's content. The API Reference says it is always null there (read it with
   * GetApplicationRevision by its sha256); default true, the looser reading.
   */
  echoesAppSpecContent?: boolean;
  /**
   * GetDeployment's previousRevision, "the application revision that was deployed to the deployment group before the
   * most recent successful deployment", read two ways: `live-at-create`, the revision the group's last successful
   * deployment had deployed when this one was created (default); `before-newest-success`, the revision deployed
   * before the group's newest successful deployment, as of the read.
   */
  previousRevisionReading?: 'live-at-create' | 'before-newest-success';
}

type DeploymentStatus = 'Created' | 'InProgress' | 'Ready' | 'Succeeded' | 'Failed' | 'Stopped';
type EventStatus = 'Pending' | 'InProgress' | 'Succeeded' | 'Failed' | 'Skipped';

interface EventRecord {
  name: string;
  status: EventStatus;
  start?: number;
  end?: number;
  diagnostics?: Body;
}

interface TaskSetRecord {
  label: 'Blue' | 'Green';
  id: string;
  desired: number;
  running: number;
  weight: number;
  /** How the replacement task set's tasks launch: what ECS's DescribeServices lists under taskSets. */
  launch?: Body;
}

interface DeploymentRecord {
  id: string;
  application: string;
  group: GroupRecord;
  status: DeploymentStatus;
  createTime: number;
  startTime?: number;
  completeTime?: number;
  content: string;
  sha256: string;
  description?: string;
  configName: string;
  taskDefinitionArn: string;
  previousTaskDefinitionArn: string;
  events: EventRecord[];
  taskSets: TaskSetRecord[];
  errorInformation?: { code: string; message: string };
  rollbackInfo?: Body;
  terminationWaitStarted: boolean;
  /** Bumped by StopDeployment: scheduled steps of an earlier generation do nothing. */
  generation: number;
  rollbackOf?: string;
  lastUpdated: number;
  script: CodeDeployScript & typeof DEFAULT_SCRIPT;
  /** The group's live revision when this deployment was created (previousRevision, reading live-at-create). */
  liveAtCreate?: Revision;
  /** When it began to wait in Ready. */
  readySince?: number;
  /** A StopDeployment answered Pending is underway. */
  stopping?: boolean;
}

interface Revision {
  content: string;
  sha256: string;
}

interface GroupRecord {
  application: string;
  name: string;
  id: string;
  cluster: string;
  service: string;
  configName: string;
  autoRollback: boolean;
  terminationWaitMinutes: number;
  readyWaitMinutes?: number;
  readyWaitMs?: number;
  echoesAppSpecContent: boolean;
  previousRevisionReading: 'live-at-create' | 'before-newest-success';
  /** The revisions its successful deployments deployed, oldest first. */
  succeeded: Revision[];
}

const DEFAULT_SCRIPT = { startMs: 100, eventMs: 150, trafficSteps: [100], terminationWaitMs: 300, rollbackMs: 200, stopMs: 300 };

const error = (type: string, message: string): EcsError => new EcsError(type, message);
const seconds = (millis: number): number => millis / 1000;

export class CodeDeployStandin {
  private readonly applications = new Set<string>();
  private readonly groups = new Map<string, GroupRecord>();
  private readonly records = new Map<string, DeploymentRecord>();
  private nextScripts: CodeDeployScript[] = [];

  constructor(private readonly world: World) {}

  /** Creates the application (when missing) and its deployment group for one ECS service. */
  seedDeploymentGroup(seed: DeploymentGroupSeed): void {
    this.applications.add(seed.application);
    this.groups.set(groupKey(seed.application, seed.deploymentGroup), {
      application: seed.application,
      name: seed.deploymentGroup,
      id: randomUuid(),
      cluster: seed.cluster ?? 'default',
      service: seed.service,
      configName: seed.deploymentConfigName ?? 'CodeDeployDefault.ECSAllAtOnce',
      autoRollback: seed.autoRollback ?? false,
      terminationWaitMinutes: seed.terminationWaitMinutes ?? 5,
      ...(seed.readyWaitMinutes !== undefined ? { readyWaitMinutes: seed.readyWaitMinutes } : {}),
      ...(seed.readyWaitMs !== undefined ? { readyWaitMs: seed.readyWaitMs } : {}),
      echoesAppSpecContent: seed.echoesAppSpecContent ?? true,
      previousRevisionReading: seed.previousRevisionReading ?? 'live-at-create',
      succeeded: [],
    });
  }

  /** How the next deployments behave, one script each, in order; later ones succeed with the defaults. */
  script(...scripts: CodeDeployScript[]): void {
    this.nextScripts.push(...scripts);
  }

  /**
   * How the replacement (Green) task set of the newest deployment launches, as ECS lists it under the service's
   * taskSets: from the AppSpec's TargetService Properties, else the defaults CodeDeploy uses.
   */
  replacementTaskSet(): Body | undefined {
    this.world.advance();
    return [...this.records.values()].at(-1)?.taskSets.find((set) => set.label === 'Green')?.launch;
  }

  /** Every deployment, oldest first, as GetDeployment answers it now. */
  deployments(): Body[] {
    this.world.advance();
    return [...this.records.values()].map((record) => this.deploymentInfo(record));
  }

  reset(): void {
    this.applications.clear();
    this.groups.clear();
    this.records.clear();
    this.nextScripts = [];
  }

  handle(operation: string, body: Body, now: number): Body {
    switch (operation) {
      case 'GetDeploymentGroup':
        return { deploymentGroupInfo: this.groupInfo(this.group(requiredString(body, 'applicationName'), requiredString(body, 'deploymentGroupName'))) };
      case 'GetDeploymentConfig':
        return { deploymentConfigInfo: deploymentConfigInfo(requiredString(body, 'deploymentConfigName')) };
      case 'CreateDeployment':
        return { deploymentId: this.create(body, now).id };
      case 'GetDeployment':
        return { deploymentInfo: this.deploymentInfo(this.record(requiredString(body, 'deploymentId'))) };
      case 'ListDeployments':
        return this.list(body);
      case 'ListDeploymentTargets': {
        const record = this.record(requiredString(body, 'deploymentId'));
        return { targetIds: record.status === 'Created' ? [] : [targetId(record)] };
      }
      case 'GetDeploymentTarget': {
        const record = this.record(requiredString(body, 'deploymentId'));
        if (requiredString(body, 'targetId') !== targetId(record) || record.status === 'Created') {
          throw error('DeploymentTargetDoesNotExistException', 'The provided target ID does not belong to the deployment.');
        }
        return { deploymentTarget: { deploymentTargetType: 'ECSTarget', ecsTarget: this.ecsTarget(record) } };
      }
      case 'StopDeployment':
        return this.stop(this.record(requiredString(body, 'deploymentId')), optionalBoolean(body, 'autoRollbackEnabled') ?? false, now);
      case 'ContinueDeployment':
        this.continueDeployment(this.record(requiredString(body, 'deploymentId')), optionalString(body, 'deploymentWaitType') ?? 'READY_WAIT', now);
        return {};
      case 'GetApplicationRevision':
        return this.applicationRevision(body);
      default:
        throw error('UnknownOperationException', `Operation ${operation} is not supported.`);
    }
  }

  private group(application: string, name: string): GroupRecord {
    if (!this.applications.has(application)) throw error('ApplicationDoesNotExistException', `No application found for name: ${application}`);
    const group = this.groups.get(groupKey(application, name));
    if (!group) throw error('DeploymentGroupDoesNotExistException', `No Deployment Group found for name: ${name}`);
    return group;
  }

  private record(id: string): DeploymentRecord {
    const record = this.records.get(id);
    if (!record) throw error('DeploymentDoesNotExistException', `The deployment ${id} could not be found.`);
    return record;
  }

  private service(group: GroupRecord): ServiceRecord {
    const service = this.world.findService(group.cluster, group.service);
    if (!service) throw error('InvalidECSServiceException', `The ECS service ${group.service} in cluster ${group.cluster} was not found.`);
    return service;
  }

  private create(body: Body, now: number): DeploymentRecord {
    const group = this.group(requiredString(body, 'applicationName'), requiredString(body, 'deploymentGroupName'));
    const revision = optionalObject(body, 'revision');
    const appSpec = revision && optionalObject(revision, 'appSpecContent');
    const content = appSpec && optionalString(appSpec, 'content');
    if (!revision || optionalString(revision, 'revisionType') !== 'AppSpecContent' || !content) {
      throw error('InvalidRevisionException', 'The revision must be AppSpecContent for an ECS deployment.');
    }
    const sha256 = createHash('sha256').update(content).digest('hex');
    const given = optionalString(appSpec, 'sha256');
    if (given !== undefined && given !== sha256) throw error('InvalidRevisionException', 'The AppSpec content does not match its SHA-256.');
    const taskDefinition = this.world.taskDefinitions.find(taskDefinitionOf(content));
    if (!taskDefinition || taskDefinition.status !== 'ACTIVE') {
      throw error('InvalidRevisionException', `The AppSpec's TaskDefinition ${taskDefinitionOf(content)} is not an ACTIVE task definition.`);
    }
    const configName = optionalString(body, 'deploymentConfigName') ?? group.configName;
    deploymentConfigInfo(configName);
    const active = [...this.records.values()].find((record) => record.group === group && !isFinal(record.status));
    if (active) {
      throw error('DeploymentLimitExceededException', `The Deployment Group '${group.name}' already has an active Deployment '${active.id}'`);
    }
    const service = this.service(group);
    if (service.controller !== 'CODE_DEPLOY') throw error('InvalidECSServiceException', `The ECS service ${service.name} does not use the CODE_DEPLOY deployment controller.`);
    const description = optionalString(body, 'description');
    const record: DeploymentRecord = {
      id: newDeploymentId(),
      application: group.application,
      group,
      status: 'Created',
      createTime: now,
      content,
      sha256,
      ...(description !== undefined ? { description } : {}),
      configName,
      taskDefinitionArn: taskDefinition.arn,
      previousTaskDefinitionArn: service.taskDefinitionArn,
      events: ECS_LIFECYCLE_EVENTS.map((name) => ({ name, status: 'Pending' })),
      taskSets: [{ label: 'Blue', id: `ecs-svc/${digits(19)}`, desired: service.desiredCount, running: service.desiredCount, weight: 100 }],
      terminationWaitStarted: false,
      generation: 0,
      lastUpdated: now,
      script: { ...DEFAULT_SCRIPT, ...this.nextScripts.shift() },
      ...liveOf(group),
    };
    this.records.set(record.id, record);
    this.play(record, service, 0, now + record.script.startMs);
    return record;
  }

  /**
   * Schedules the deployment's course from event `from` on, starting at `time`: events one after the other, the
   * traffic shift, the wait, the end. With a ready wait it stops after AfterAllowTestTraffic, in Ready.
   */
  private play(record: DeploymentRecord, service: ServiceRecord, from: number, time: number): void {
    const { script } = record;
    const generation = record.generation;
    const at = (when: number, step: (now: number) => void): void =>
      this.world.timeline.schedule(when, (now) => {
        if (record.generation !== generation) return;
        record.lastUpdated = now;
        step(now);
      });
    at(time, (when) => {
      record.status = 'InProgress';
      record.startTime ??= when;
    });
    for (const event of record.events.slice(from)) {
      const start = time;
      const end = start + script.eventMs;
      at(start, (when) => {
        event.status = 'InProgress';
        event.start = when;
        if (event.name === 'Install') {
          record.taskSets.push({
            label: 'Green',
            id: `ecs-svc/${digits(19)}`,
            desired: service.desiredCount,
            running: 0,
            weight: 0,
            launch: replacementLaunch(record.content, service),
          });
        }
      });
      if (event.name === 'AllowTraffic') {
        script.trafficSteps.forEach((share, index) => {
          at(start + ((index + 1) * script.eventMs) / (script.trafficSteps.length + 1), () => shiftTraffic(record, share));
        });
      }
      if (event.name === script.failEvent) {
        at(end, (when) => this.fail(record, service, event, script, when));
        return;
      }
      at(end, (when) => {
        event.status = 'Succeeded';
        event.end = when;
        if (event.name === 'Install') greenOf(record).running = greenOf(record).desired;
        if (event.name === 'AllowTraffic') shiftTraffic(record, 100);
        if (event.name === 'AfterAllowTraffic') {
          record.terminationWaitStarted = true;
          runs(service, record.taskDefinitionArn);
        }
      });
      time = end;
      if (event.name === 'AfterAllowTestTraffic' && record.group.readyWaitMinutes !== undefined) {
        const waitMs = record.group.readyWaitMs ?? record.group.readyWaitMinutes * 60_000;
        at(end, (when) => {
          record.status = 'Ready';
          record.readySince = when;
        });
        at(end + waitMs, (when) => this.readyWaitOver(record, when));
        return;
      }
    }
    at(time + script.terminationWaitMs, (when) => this.succeed(record, when));
  }

  private succeed(record: DeploymentRecord, when: number): void {
    record.taskSets = record.taskSets.filter((set) => set.label === 'Green');
    record.status = 'Succeeded';
    record.completeTime = when;
    record.group.succeeded.push({ content: record.content, sha256: record.sha256 });
  }

  /** Nobody started the reroute in time: CodeDeploy stops the deployment, and the original task set keeps serving. */
  private readyWaitOver(record: DeploymentRecord, when: number): void {
    record.generation++;
    skipTheRest(record);
    record.taskSets = record.taskSets.filter((set) => set.label === 'Blue');
    record.status = 'Stopped';
    record.completeTime = when;
    record.errorInformation = { code: 'TIMEOUT', message: 'The deployment was stopped because traffic rerouting was not started before the end of the wait period.' };
  }

  /** ContinueDeployment: READY_WAIT reroutes traffic of a deployment waiting in Ready; TERMINATION_WAIT ends the termination wait. */
  private continueDeployment(record: DeploymentRecord, waitType: string, now: number): void {
    if (waitType !== 'READY_WAIT' && waitType !== 'TERMINATION_WAIT') {
      throw error('InvalidDeploymentWaitTypeException', `The wait type ${waitType} is invalid; use READY_WAIT or TERMINATION_WAIT.`);
    }
    if (isFinal(record.status)) throw error('DeploymentAlreadyCompletedException', `The deployment ${record.id} has already completed.`);
    if (waitType === 'TERMINATION_WAIT') {
      if (!record.terminationWaitStarted) throw error('DeploymentIsNotInReadyStateException', `The deployment ${record.id} is not in its termination wait.`);
      record.generation++;
      this.succeed(record, now);
      return;
    }
    if (record.status !== 'Ready' || record.stopping) throw error('DeploymentIsNotInReadyStateException', `The deployment ${record.id} is not in a ready state.`);
    record.generation++;
    record.status = 'InProgress';
    record.lastUpdated = now;
    delete record.readySince;
    this.play(record, this.service(record.group), record.events.findIndex((event) => event.name === 'BeforeAllowTraffic'), now);
  }

  private fail(record: DeploymentRecord, service: ServiceRecord, event: EventRecord, script: CodeDeployScript & typeof DEFAULT_SCRIPT, at: number): void {
    event.status = 'Failed';
    event.end = at;
    event.diagnostics = {
      errorCode: script.diagnostics?.errorCode ?? 'ScriptFailed',
      message: script.diagnostics?.message ?? `The ${event.name} hook failed.`,
      ...(script.diagnostics?.scriptName !== undefined ? { scriptName: script.diagnostics.scriptName } : {}),
      ...(script.diagnostics?.logTail !== undefined ? { logTail: script.diagnostics.logTail } : {}),
    };
    skipTheRest(record);
    this.stopFailedTasks(service, record, script, at);
    record.status = 'Failed';
    record.completeTime = at;
    record.errorInformation = HOOK_EVENTS.has(event.name)
      ? { code: 'HOOK_EXECUTION_FAILURE', message: `The deployment failed because a lifecycle hook of ${event.name} failed.` }
      : { code: 'ECS_UPDATE_ERROR', message: `The ECS service could not be updated during ${event.name}.` };
    if (record.group.autoRollback) this.rollBack(record, service, script.rollbackMs, at, 'failed');
  }

  private stopFailedTasks(service: ServiceRecord, record: DeploymentRecord, script: CodeDeployScript, at: number): void {
    const taskDefinition = this.world.taskDefinitions.find(record.taskDefinitionArn);
    const deployment = service.deployments[0];
    if (!taskDefinition || !deployment) return;
    const preset = script.taskFailure ?? 'exit';
    const failure = typeof preset === 'string' ? FAILURES[preset] : preset;
    for (let i = 0; i < (script.failedTasks ?? 0); i++) {
      stopAsFailed(launchTask(this.world.account, service, deployment, taskDefinition, at - 10 * (i + 1)), at - 5 * (i + 1), failure);
    }
  }

  /** CodeDeploy's rollback: a new deployment that moves traffic back to the original task set. */
  private rollBack(record: DeploymentRecord, service: ServiceRecord, rollbackMs: number, at: number, why: 'failed' | 'stopped'): void {
    const rollback: DeploymentRecord = {
      ...record,
      id: newDeploymentId(),
      status: 'InProgress',
      createTime: at,
      startTime: at,
      taskDefinitionArn: record.previousTaskDefinitionArn,
      previousTaskDefinitionArn: record.taskDefinitionArn,
      events: ECS_LIFECYCLE_EVENTS.map((name) => ({ name, status: 'Pending' })),
      taskSets: record.taskSets.map((set) => ({ ...set })),
      terminationWaitStarted: false,
      generation: 0,
      rollbackOf: record.id,
      lastUpdated: at,
      // It deploys the revision the group ran before: the one its last successful deployment deployed.
      ...(record.group.succeeded.at(-1) ?? { content: record.content, sha256: record.sha256 }),
      rollbackInfo: { rollbackTriggeringDeploymentId: record.id },
    };
    delete rollback.errorInformation;
    delete rollback.completeTime;
    delete rollback.readySince;
    delete rollback.stopping;
    delete rollback.liveAtCreate;
    Object.assign(rollback, liveOf(record.group));
    this.records.set(rollback.id, rollback);
    record.rollbackInfo = {
      rollbackDeploymentId: rollback.id,
      rollbackMessage: `Deployment ${why}; rolled back by ${rollback.id}.`,
    };
    this.world.timeline.schedule(at + rollbackMs, (when) => {
      for (const event of rollback.events) Object.assign(event, { status: 'Succeeded', start: at, end: when });
      rollback.taskSets = rollback.taskSets.filter((set) => set.label === 'Blue').map((set) => ({ ...set, weight: 100 }));
      runs(service, record.previousTaskDefinitionArn);
      rollback.status = 'Succeeded';
      rollback.completeTime = when;
      rollback.lastUpdated = when;
      rollback.group.succeeded.push({ content: rollback.content, sha256: rollback.sha256 });
    });
  }

  private stop(record: DeploymentRecord, autoRollbackEnabled: boolean, at: number): Body {
    if (isFinal(record.status)) throw error('DeploymentAlreadyCompletedException', `The deployment ${record.id} has already completed.`);
    const statusMessage = `Deployment ${record.id} stopped${autoRollbackEnabled ? ', rolling back' : ''}.`;
    if (record.stopping) return { status: 'Pending', statusMessage };
    record.generation++;
    const stopped = (when: number): void => {
      skipTheRest(record);
      record.status = 'Stopped';
      record.completeTime = when;
      record.lastUpdated = when;
      record.errorInformation = { code: 'MANUAL_STOP', message: 'The deployment was stopped by a user.' };
      if (autoRollbackEnabled) this.rollBack(record, this.service(record.group), DEFAULT_SCRIPT.rollbackMs, when, 'stopped');
    };
    if (record.script.stopAnswer !== 'Pending') {
      stopped(at);
      return { status: 'Succeeded', statusMessage };
    }
    // The deployment halts now and reads Stopped (with its rollback named) once the stop has gone through.
    record.stopping = true;
    this.world.timeline.schedule(at + record.script.stopMs, stopped);
    return { status: 'Pending', statusMessage };
  }

  private applicationRevision(body: Body): Body {
    const application = requiredString(body, 'applicationName');
    if (!this.applications.has(application)) throw error('ApplicationDoesNotExistException', `No application found for name: ${application}`);
    const sha256 = optionalString(optionalObject(optionalObject(body, 'revision') ?? {}, 'appSpecContent') ?? {}, 'sha256');
    const used = [...this.records.values()].filter((record) => record.application === application && record.sha256 === sha256);
    const first = used[0];
    if (!first || sha256 === undefined) throw error('RevisionDoesNotExistException', `No application revision found for sha256 ${sha256 ?? '(none)'}.`);
    return {
      applicationName: application,
      revision: { revisionType: 'AppSpecContent', appSpecContent: { content: first.content, sha256 } },
      revisionInfo: {
        deploymentGroups: [...new Set(used.map((record) => record.group.name))],
        firstUsedTime: seconds(first.createTime),
        lastUsedTime: seconds(used.at(-1)?.createTime ?? first.createTime),
        registerTime: seconds(first.createTime),
      },
    };
  }

  private list(body: Body): Body {
    const application = optionalString(body, 'applicationName');
    const group = optionalString(body, 'deploymentGroupName');
    if (application !== undefined && group !== undefined) this.group(application, group);
    const range = optionalObject(body, 'createTimeRange');
    const start = range ? numberOf(range['start']) : undefined;
    const end = range ? numberOf(range['end']) : undefined;
    const statuses = body['includeOnlyStatuses'];
    const deployments = [...this.records.values()]
      .filter(
        (record) =>
          (application === undefined || record.application === application) &&
          (group === undefined || record.group.name === group) &&
          (start === undefined || seconds(record.createTime) >= start) &&
          (end === undefined || seconds(record.createTime) <= end) &&
          (!Array.isArray(statuses) || statuses.includes(record.status)),
      )
      .reverse()
      .map((record) => record.id);
    return { deployments };
  }

  private groupInfo(group: GroupRecord): Body {
    return {
      applicationName: group.application,
      deploymentGroupId: group.id,
      deploymentGroupName: group.name,
      deploymentConfigName: group.configName,
      serviceRoleArn: `arn:aws:iam::${this.world.account.accountId}:role/ecsCodeDeployRole`,
      autoRollbackConfiguration: { enabled: group.autoRollback, events: group.autoRollback ? ['DEPLOYMENT_FAILURE'] : [] },
      deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
      blueGreenDeploymentConfiguration: blueGreenOf(group),
      ecsServices: [{ serviceName: group.service, clusterName: group.cluster }],
      computePlatform: 'ECS',
    };
  }

  private deploymentInfo(record: DeploymentRecord): Body {
    const overview = { Pending: 0, InProgress: 0, Succeeded: 0, Failed: 0, Skipped: 0, Ready: 0 };
    const targetState = targetStatus(record);
    if (targetState in overview) overview[targetState as keyof typeof overview] = 1;
    return {
      applicationName: record.application,
      deploymentGroupName: record.group.name,
      deploymentConfigName: record.configName,
      deploymentId: record.id,
      revision: revisionLocation(record, record.group.echoesAppSpecContent),
      ...previousRevisionOf(record),
      status: record.status,
      ...(record.errorInformation ? { errorInformation: record.errorInformation } : {}),
      createTime: seconds(record.createTime),
      ...(record.startTime !== undefined ? { startTime: seconds(record.startTime) } : {}),
      ...(record.completeTime !== undefined ? { completeTime: seconds(record.completeTime) } : {}),
      deploymentOverview: overview,
      ...(record.description !== undefined ? { description: record.description } : {}),
      creator: record.rollbackOf ? 'codeDeployRollback' : 'user',
      ...(record.rollbackInfo ? { rollbackInfo: record.rollbackInfo } : {}),
      deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
      instanceTerminationWaitTimeStarted: record.terminationWaitStarted,
      blueGreenDeploymentConfiguration: blueGreenOf(record.group),
      computePlatform: 'ECS',
    };
  }

  private ecsTarget(record: DeploymentRecord): Body {
    const service = this.world.findService(record.group.cluster, record.group.service);
    return {
      deploymentId: record.id,
      targetId: targetId(record),
      targetArn: service?.arn ?? '',
      lastUpdatedAt: seconds(record.lastUpdated),
      lifecycleEvents: record.events.map((event) => ({
        lifecycleEventName: event.name,
        status: event.status,
        ...(event.start !== undefined ? { startTime: seconds(event.start) } : {}),
        ...(event.end !== undefined ? { endTime: seconds(event.end) } : {}),
        ...(event.diagnostics ? { diagnostics: event.diagnostics } : {}),
      })),
      status: targetStatus(record),
      taskSetsInfo: record.taskSets.map((set) => ({
        identifer: set.id,
        desiredCount: set.desired,
        pendingCount: set.desired - set.running,
        runningCount: set.running,
        status: set.label === 'Green' ? 'ACTIVE' : 'PRIMARY',
        trafficWeight: set.weight,
        targetGroup: { name: set.label === 'Blue' ? 'tg-blue' : 'tg-green' },
        taskSetLabel: set.label,
      })),
    };
  }
}

function blueGreenOf(group: GroupRecord): Body {
  return {
    terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: group.terminationWaitMinutes },
    deploymentReadyOption:
      group.readyWaitMinutes !== undefined
        ? { actionOnTimeout: 'STOP_DEPLOYMENT', waitTimeInMinutes: group.readyWaitMinutes }
        : { actionOnTimeout: 'CONTINUE_DEPLOYMENT', waitTimeInMinutes: 0 },
  };
}

function liveOf(group: GroupRecord): { liveAtCreate?: Revision } {
  const live = group.succeeded.at(-1);
  return live ? { liveAtCreate: live } : {};
}

/** A revision as GetDeployment names it: its sha256, and its content only where the group echoes it. */
function revisionLocation(revision: Revision, withContent: boolean): Body {
  return { revisionType: 'AppSpecContent', appSpecContent: { ...(withContent ? { content: revision.content } : {}), sha256: revision.sha256 } };
}

/** GetDeployment's previousRevision, in the group's reading; none before the group's first successful deployment. */
function previousRevisionOf(record: DeploymentRecord): Body {
  const { group } = record;
  const previous = group.previousRevisionReading === 'live-at-create' ? record.liveAtCreate : group.succeeded.at(-2);
  return previous ? { previousRevision: revisionLocation(previous, group.echoesAppSpecContent) } : {};
}

const worlds = new WeakMap<World, CodeDeployStandin>();

/** The CodeDeploy state of one stand-in world, made on first use. */
export function codeDeployOf(world: World): CodeDeployStandin {
  let found = worlds.get(world);
  if (!found) {
    found = new CodeDeployStandin(world);
    worlds.set(world, found);
  }
  return found;
}

/** The operation of a `CodeDeploy_20141006.*` target, as the server's handler table takes it; undefined for others. */
export function codeDeployOperation(target: string): ((body: Body, context: { world: World; now: number }) => Body) | undefined {
  if (!target.startsWith(CODEDEPLOY_TARGET_PREFIX)) return undefined;
  const operation = target.slice(CODEDEPLOY_TARGET_PREFIX.length);
  return (body, { world, now }) => codeDeployOf(world).handle(operation, body, now);
}

function deploymentConfigInfo(name: string): Body {
  if (!ECS_DEPLOYMENT_CONFIGS.includes(name)) throw error('DeploymentConfigDoesNotExistException', `No deployment configuration found for name: ${name}`);
  return { deploymentConfigName: name, deploymentConfigId: randomUuid(), computePlatform: 'ECS', trafficRoutingConfig: trafficRoutingOf(name) };
}

/** The traffic routing of the predefined ECS configurations, as GetDeploymentConfig answers it. */
function trafficRoutingOf(name: string): Body {
  const linear = /ECSLinear(\d+)PercentEvery(\d+)Minutes$/.exec(name);
  if (linear) return { type: 'TimeBasedLinear', timeBasedLinear: { linearPercentage: Number(linear[1]), linearInterval: Number(linear[2]) } };
  const canary = /ECSCanary(\d+)Percent(\d+)Minutes$/.exec(name);
  if (canary) return { type: 'TimeBasedCanary', timeBasedCanary: { canaryPercentage: Number(canary[1]), canaryInterval: Number(canary[2]) } };
  return { type: 'AllAtOnce' };
}

/**
 * The replacement task set's launch settings. The AppSpec's CapacityProviderStrategy, PlatformVersion and
 * NetworkConfiguration (AwsvpcConfiguration) apply; one left out is not read from the service: the task set launches
 * with the service's launch type (FARGATE), the LATEST platform version and no network configuration.
 */
function replacementLaunch(content: string, service: ServiceRecord): Body {
  const properties = targetPropertiesOf(content);
  const strategy = get(properties, 'CapacityProviderStrategy');
  const platformVersion = get(properties, 'PlatformVersion');
  const awsvpc = get(get(properties, 'NetworkConfiguration'), 'AwsvpcConfiguration');
  return {
    ...(Array.isArray(strategy)
      ? {
          capacityProviderStrategy: strategy.map((item) => ({
            capacityProvider: get(item, 'CapacityProvider') ?? '',
            ...(get(item, 'Base') !== undefined ? { base: Number(get(item, 'Base')) } : {}),
            ...(get(item, 'Weight') !== undefined ? { weight: Number(get(item, 'Weight')) } : {}),
          })),
        }
      : { launchType: service.launchType }),
    platformVersion: typeof platformVersion === 'string' ? platformVersion : 'LATEST',
    ...(awsvpc !== undefined
      ? {
          networkConfiguration: {
            awsvpcConfiguration: {
              subnets: get(awsvpc, 'Subnets') ?? [],
              securityGroups: get(awsvpc, 'SecurityGroups') ?? [],
              assignPublicIp: get(awsvpc, 'AssignPublicIp') ?? 'DISABLED',
            },
          },
        }
      : {}),
  };
}

const get = (value: Json | undefined, key: string): Json | undefined =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.entries(value).find(([name]) => name.toLowerCase() === key.toLowerCase())?.[1]
    : undefined;

function targetPropertiesOf(content: string): Json | undefined {
  const resources = get(JSON.parse(content) as Json, 'Resources');
  const first = Array.isArray(resources) ? resources[0] : undefined;
  return get(get(first, 'TargetService'), 'Properties');
}

/** The AppSpec's TaskDefinition, from JSON (what ecs-deliver sends) with any key case. */
function taskDefinitionOf(content: string): string {
  let data: Json;
  try {
    data = JSON.parse(content) as Json;
  } catch {
    throw error('InvalidRevisionException', 'The AppSpec content is not valid JSON.');
  }
  const resources = get(data, 'Resources');
  const first = Array.isArray(resources) ? resources[0] : undefined;
  const reference = get(get(get(first, 'TargetService'), 'Properties'), 'TaskDefinition');
  if (typeof reference !== 'string') throw error('InvalidRevisionException', 'The AppSpec names no Resources[0].TargetService.Properties.TaskDefinition.');
  return reference;
}

function shiftTraffic(record: DeploymentRecord, share: number): void {
  for (const set of record.taskSets) set.weight = set.label === 'Green' ? share : 100 - share;
}

function greenOf(record: DeploymentRecord): TaskSetRecord {
  const green = record.taskSets.find((set) => set.label === 'Green');
  if (!green) throw new Error(`deployment ${record.id} has no replacement task set`);
  return green;
}

function skipTheRest(record: DeploymentRecord): void {
  for (const event of record.events) if (event.status === 'Pending' || event.status === 'InProgress') event.status = 'Skipped';
}

/** The service (and its PRIMARY deployment) now runs this task definition. */
function runs(service: ServiceRecord, taskDefinitionArn: string): void {
  service.taskDefinitionArn = taskDefinitionArn;
  const primary = service.deployments[0];
  if (primary) primary.taskDefinitionArn = taskDefinitionArn;
}

function targetStatus(record: DeploymentRecord): string {
  if (record.status === 'Stopped') return 'Failed';
  return record.status === 'Created' ? 'Pending' : record.status;
}

function isFinal(status: DeploymentStatus): boolean {
  return status === 'Succeeded' || status === 'Failed' || status === 'Stopped';
}

function targetId(record: DeploymentRecord): string {
  return `${shortName(record.group.cluster)}:${record.group.service}`;
}

function groupKey(application: string, group: string): string {
  return `${application}\u0000${group}`;
}

function numberOf(value: Json | undefined): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function digits(count: number): string {
  let text = String(randomInt(1, 10));
  while (text.length < count) text += String(randomInt(0, 10));
  return text;
}

function newDeploymentId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  let id = 'd-';
  for (let i = 0; i < 9; i++) id += alphabet[randomInt(0, alphabet.length)];
  return id;
}

function randomUuid(): string {
  return globalThis.crypto.randomUUID();
}
