// A blue/green, linear or canary service deployment as it moves through its lifecycle stages: what to print as each
// poll shows it, and when the wait is over. Pure but for the clock reading it is handed.
import type { Deployment, DeploymentLifecycleHookDetail, ServiceDeployment } from '@aws-sdk/client-ecs';
import { formatDuration } from '../aws/names.js';
import type { Snapshot } from './snapshot.js';
import { primaryOf } from './snapshot.js';

const STAGE_MEANING: Readonly<Record<string, string>> = {
  RECONCILE_SERVICE: 'reconciling the service, which runs more than one revision',
  PRE_SCALE_UP: 'the new revision has not started; the old one takes all production traffic',
  SCALE_UP: 'starting the tasks of the new revision',
  POST_SCALE_UP: 'the new revision runs; the old one still takes all production traffic',
  TEST_TRAFFIC_SHIFT: 'moving test traffic to the new revision',
  POST_TEST_TRAFFIC_SHIFT: 'test traffic is on the new revision',
  PRE_PRODUCTION_TRAFFIC_SHIFT: 'about to move production traffic',
  PRODUCTION_TRAFFIC_SHIFT: 'moving production traffic to the new revision',
  POST_PRODUCTION_TRAFFIC_SHIFT: 'production traffic is on the new revision',
  BAKE_TIME: 'both revisions run while the new one bakes; a failure still rolls back',
  CLEAN_UP: 'stopping the tasks of the old revision',
};

/** Stages after which production traffic has fully moved to the new revision. */
const TRAFFIC_SHIFTED = new Set(['BAKE_TIME', 'CLEAN_UP']);

/** How often the bake time left is printed while it runs. */
export const BAKE_REPORT_EVERY_MS = 60_000;

export type StageVerdict =
  | { kind: 'waiting' }
  | { kind: 'completed' }
  /** wait-until traffic-shifted: production traffic moved; the bake time still runs. */
  | { kind: 'traffic-shifted' }
  | { kind: 'rolled-back-by-ecs'; reason: string }
  | { kind: 'failed'; reason: string }
  /** A newer service deployment stopped ours. */
  | { kind: 'superseded'; by?: Deployment }
  /** Someone stopped ours (StopServiceDeployment, or the console), and started nothing newer. */
  | { kind: 'stopped'; reason: string }
  /** wait-until paused: a PAUSE hook awaits action. */
  | { kind: 'paused'; hookId: string; stage: string; expiresAt?: string }
  /** A PAUSE hook waited longer than pause-timeout. */
  | { kind: 'pause-timed-out'; hookId: string; stage: string }
  /** The endpoint does not answer DescribeServiceDeployments: only the deployments list can be followed. */
  | { kind: 'no-service-deployments' };

export interface StageSettings {
  region: string;
  /** `family:revision` this run deploys. */
  revision: string;
  waitUntil: 'completed' | 'traffic-shifted' | 'paused';
  /** The watch continues each pause itself and says so: a pause ends the follow (as with waitUntil paused), unprinted. */
  continuesPauses?: boolean;
  pauseTimeoutMs?: number;
  /** Whether the waiting at a PAUSE hook counts toward wait-timeout (it does unless pause-timeout is set). */
  waitTimeoutMs: number;
}

/** What one watch has seen of a service deployment, and the lines and verdict each new answer gives. */
export class StageProgress {
  /** Each stage as it began, in order; a linear deployment's repeated steps appear once each time. */
  readonly stagesSeen: string[] = [];
  private status: string | undefined;
  private stage: string | undefined;
  private productionShare: number | undefined;
  private testShare: number | undefined;
  private readonly hookStatus = new Map<string, string>();
  /** The stage each hook was first seen at: where it ran, even when its end shows only in a later stage. */
  private readonly hookStage = new Map<string, string>();
  private bakeEndsAt: number | undefined;
  private bakeReportedAt = 0;
  private pausedSince: number | undefined;
  private pausedHook: { hookId: string; stage: string; expiresAt?: string } | undefined;
  private pausedBeforeMs = 0;
  private failedHook: string | undefined;
  private tasksLine: string | undefined;

  constructor(
    private readonly arn: string,
    private readonly settings: StageSettings,
  ) {}

  /**
   * Time at PAUSE hooks that does not count toward wait-timeout: each pause counts for at most pause-timeout, so a
   * pause during which ECS stops answering still ends the wait.
   */
  pausedMs(now: number): number {
    const current = this.pausedSince === undefined ? 0 : this.capped(now - this.pausedSince);
    return this.pausedBeforeMs + current;
  }

  /** The PAUSE hook the deployment waits at in the latest answer, if any. */
  get pausedHookId(): string | undefined {
    return this.pausedHook?.hookId;
  }

  /** Ends the pause being tracked: a rollback this run asked for is not waiting at a hook any more. */
  endPause(now: number): void {
    this.trackPause(undefined, now);
  }

  private capped(ms: number): number {
    return Math.min(ms, this.settings.pauseTimeoutMs ?? Number.POSITIVE_INFINITY);
  }

  /** The stages passed, each once, in the order they began: for the summary. */
  get stages(): string[] {
    return [...new Set(this.stagesSeen)];
  }

  /** Lines for what changed in this answer. `now` dates the bake time and pauses. */
  changed(snapshot: Snapshot, now: number): string[] {
    const sd = snapshot.serviceDeployment;
    if (!sd) return [];
    const lines: string[] = [];
    // A status that starts the run comes before the stage it shows; one that ends it (or rolls back) after.
    let statusLine: string | undefined;
    if (sd.status !== this.status) {
      this.status = sd.status;
      statusLine = `Service deployment ${sd.status ?? '?'}${sd.statusReason ? ` (${sd.statusReason})` : ''}`;
      if (sd.status === 'PENDING' || sd.status === 'IN_PROGRESS') lines.push(statusLine);
    }
    if (sd.lifecycleStage !== undefined && sd.lifecycleStage !== this.stage) {
      this.stage = sd.lifecycleStage;
      this.stagesSeen.push(sd.lifecycleStage);
      lines.push(`Stage ${sd.lifecycleStage}: ${STAGE_MEANING[sd.lifecycleStage] ?? 'a stage this version does not know'}`);
      if (sd.lifecycleStage === 'BAKE_TIME') lines.push(...this.bakeBegins(sd, now));
    } else if (this.stage === 'BAKE_TIME' && this.bakeEndsAt !== undefined && now - this.bakeReportedAt >= BAKE_REPORT_EVERY_MS) {
      this.bakeReportedAt = now;
      lines.push(`Bake time left: ${formatDuration(Math.max(0, this.bakeEndsAt - now))}`);
    }
    lines.push(...this.taskLines(sd));
    lines.push(...this.trafficLines(sd));
    lines.push(...this.hookLines(sd, now));
    if (statusLine !== undefined && !lines.includes(statusLine)) lines.push(statusLine);
    return lines;
  }

  decide(snapshot: Snapshot, supportsServiceDeployments: boolean, now: number): StageVerdict {
    const sd = snapshot.serviceDeployment;
    if (!sd) return supportsServiceDeployments ? { kind: 'waiting' } : { kind: 'no-service-deployments' };
    switch (sd.status) {
      case 'SUCCESSFUL':
        return { kind: 'completed' };
      case 'ROLLBACK_SUCCESSFUL':
        return { kind: 'rolled-back-by-ecs', reason: this.reasonOf(sd) };
      case 'ROLLBACK_FAILED':
        return { kind: 'failed', reason: `ECS could not roll back: ${this.reasonOf(sd)}` };
      case 'STOPPED': {
        // The circuit breaker or an alarm without rollback stops a deployment too: that is a failure.
        if (sd.deploymentCircuitBreaker?.status === 'TRIGGERED' || (sd.alarms?.triggeredAlarmNames ?? []).length > 0) {
          return { kind: 'failed', reason: this.reasonOf(sd) };
        }
        const current = snapshot.service.currentServiceDeployment;
        if (current !== undefined && current !== this.arn) {
          const by = primaryOf(snapshot.service);
          return by ? { kind: 'superseded', by } : { kind: 'superseded' };
        }
        return { kind: 'stopped', reason: this.reasonOf(sd) };
      }
    }
    if (sd.status === 'IN_PROGRESS' && this.settings.waitUntil === 'traffic-shifted' && TRAFFIC_SHIFTED.has(sd.lifecycleStage ?? '')) {
      return { kind: 'traffic-shifted' };
    }
    const stopsAtPauses = this.settings.waitUntil === 'paused' || this.settings.continuesPauses === true;
    if (sd.status === 'IN_PROGRESS' && stopsAtPauses && this.pausedHook) return { kind: 'paused', ...this.pausedHook };
    const { pauseTimeoutMs } = this.settings;
    // A hook can still show AWAITING_ACTION once the deployment rolls back: only a deployment in progress is paused.
    if (
      sd.status === 'IN_PROGRESS' &&
      pauseTimeoutMs !== undefined &&
      this.pausedSince !== undefined &&
      this.pausedHook &&
      now - this.pausedSince >= pauseTimeoutMs
    ) {
      return { kind: 'pause-timed-out', hookId: this.pausedHook.hookId, stage: this.pausedHook.stage };
    }
    return { kind: 'waiting' };
  }

  private bakeBegins(sd: ServiceDeployment, now: number): string[] {
    const minutes = sd.deploymentConfiguration?.bakeTimeInMinutes;
    if (minutes === undefined) return [];
    const bakeMs = minutes * 60_000;
    this.bakeEndsAt = now + bakeMs;
    this.bakeReportedAt = now;
    const ends = new Date(this.bakeEndsAt).toISOString().slice(11, 19);
    const early = this.settings.waitUntil === 'traffic-shifted' ? '; wait-until traffic-shifted: not waiting for it' : '';
    return [`Bake time ${formatDuration(bakeMs)}, until about ${ends}Z${early}`];
  }

  /** The tasks of the new revision and of the old ones, when the counts changed. */
  private taskLines(sd: ServiceDeployment): string[] {
    const target = sd.targetServiceRevision;
    if (target?.requestedTaskCount === undefined && target?.runningTaskCount === undefined) return [];
    const pending = target.pendingTaskCount ? `, ${target.pendingTaskCount} pending` : '';
    const oldRunning = (sd.sourceServiceRevisions ?? []).reduce((sum, source) => sum + (source.runningTaskCount ?? 0), 0);
    const line = `Tasks: ${this.settings.revision} ${target.runningTaskCount ?? 0}/${target.requestedTaskCount ?? 0} running${pending}; old revision ${oldRunning} running`;
    if (line === this.tasksLine) return [];
    this.tasksLine = line;
    return [line];
  }

  private trafficLines(sd: ServiceDeployment): string[] {
    const lines: string[] = [];
    const target = sd.targetServiceRevision;
    const test = target?.requestedTestTrafficWeight;
    if (test !== undefined && test !== this.testShare) {
      if (this.testShare !== undefined || test > 0) lines.push(`Test traffic on the new revision: ${share(test)}`);
      this.testShare = test;
    }
    const production = target?.requestedProductionTrafficWeight;
    if (production !== undefined && production !== this.productionShare) {
      if (this.productionShare !== undefined || production > 0) {
        lines.push(
          `Production traffic on the new revision (${this.settings.revision}): ${share(production)}, old: ${share(100 - production)}${this.nextStep(sd, production)}`,
        );
      }
      this.productionShare = production;
    }
    return lines;
  }

  /** For a linear or canary step short of 100%: when the next one comes. */
  private nextStep(sd: ServiceDeployment, production: number): string {
    if (production <= 0 || production >= 100) return '';
    const config = sd.deploymentConfiguration;
    const minutes =
      config?.strategy === 'LINEAR'
        ? config.linearConfiguration?.stepBakeTimeInMinutes
        : config?.strategy === 'CANARY'
          ? config.canaryConfiguration?.canaryBakeTimeInMinutes
          : undefined;
    return minutes === undefined ? '' : `; next step after ${formatDuration(minutes * 60_000)}`;
  }

  private hookLines(sd: ServiceDeployment, now: number): string[] {
    const lines: string[] = [];
    let awaiting: DeploymentLifecycleHookDetail | undefined;
    for (const hook of sd.lifecycleHookDetails ?? []) {
      const id = hook.hookId ?? hook.targetArn ?? '?';
      if (hook.status === 'AWAITING_ACTION') awaiting = hook;
      if (!this.hookStage.has(id) && this.stage !== undefined) this.hookStage.set(id, this.stage);
      if (this.hookStatus.get(id) === hook.status) continue;
      this.hookStatus.set(id, hook.status ?? '?');
      const name = hookName(hook);
      const stage = this.hookStage.get(id);
      const at = stage ? ` at ${stage}` : '';
      switch (hook.status) {
        case 'IN_PROGRESS':
          lines.push(`Hook ${name}${at}: running`);
          break;
        case 'SUCCEEDED':
          lines.push(`Hook ${name}${at}: passed`);
          break;
        case 'FAILED':
          this.failedHook = `hook ${name} failed${at}`;
          lines.push(`Hook ${name}${at}: FAILED`);
          break;
        case 'TIMED_OUT':
          this.failedHook = hook.timeoutAction === 'CONTINUE' ? this.failedHook : `hook ${name} timed out${at}`;
          lines.push(`Hook ${name}${at}: timed out; ECS ${hook.timeoutAction === 'CONTINUE' ? 'goes on' : 'rolls back'}`);
          break;
        case 'AWAITING_ACTION':
          lines.push(...this.pauseLines(hook));
          break;
      }
    }
    this.trackPause(sd.status === 'IN_PROGRESS' ? awaiting : undefined, now);
    return lines;
  }

  private pauseLines(hook: DeploymentLifecycleHookDetail): string[] {
    // Nobody is asked to act: the watch's own continue says which hook, where and why.
    if (this.settings.continuesPauses) return [];
    const id = hook.hookId ?? '?';
    const expires = hook.expiresAt ? `; it expires at ${hook.expiresAt.toISOString().slice(0, 19)}Z, then ECS ${hook.timeoutAction === 'CONTINUE' ? 'goes on' : 'rolls back'}` : '';
    const { pauseTimeoutMs, waitTimeoutMs } = this.settings;
    const counts =
      pauseTimeoutMs === undefined
        ? `This wait counts toward wait-timeout (${formatDuration(waitTimeoutMs)}); set pause-timeout to give pauses their own limit.`
        : `pause-timeout ${formatDuration(pauseTimeoutMs)} applies; the wait-timeout clock stops meanwhile.`;
    return [
      `Paused at ${this.hookStage.get(id) ?? this.stage ?? '?'}: PAUSE hook ${id} awaits action${expires}.`,
      'ContinueServiceDeployment resumes it (or rolls it back with --action ROLLBACK):',
      `  aws ecs continue-service-deployment --region ${this.settings.region} --service-deployment-arn ${this.arn} --hook-id ${id} --action CONTINUE`,
      counts,
    ];
  }

  private trackPause(awaiting: DeploymentLifecycleHookDetail | undefined, now: number): void {
    if (awaiting && this.pausedSince === undefined) {
      this.pausedSince = now;
      this.pausedHook = {
        hookId: awaiting.hookId ?? '?',
        stage: this.stage ?? '?',
        ...(awaiting.expiresAt ? { expiresAt: awaiting.expiresAt.toISOString() } : {}),
      };
    } else if (!awaiting && this.pausedSince !== undefined) {
      this.pausedBeforeMs += this.capped(now - this.pausedSince);
      this.pausedSince = undefined;
      this.pausedHook = undefined;
    }
  }

  /** Why it failed, in ECS's words where it gave some: the hook, the alarm, the circuit breaker. */
  private reasonOf(sd: ServiceDeployment): string {
    const alarms = sd.alarms?.triggeredAlarmNames ?? [];
    const breaker = sd.deploymentCircuitBreaker;
    const reason =
      sd.statusReason ??
      sd.rollback?.reason ??
      this.failedHook ??
      (alarms.length > 0 ? `alarm ${alarms.join(', ')} went off` : undefined) ??
      (breaker?.status === 'TRIGGERED' ? `the circuit breaker tripped (${breaker.failureCount ?? '?'}/${breaker.threshold ?? '?'} failed tasks)` : undefined) ??
      `service deployment ${sd.status ?? '?'}`;
    return reason.replace(/\.+$/, '');
  }
}

function share(weight: number): string {
  return `${Math.round(weight * 10) / 10}%`;
}

export function hookName(hook: DeploymentLifecycleHookDetail): string {
  if (hook.targetType === 'PAUSE') return `PAUSE ${hook.hookId ?? '?'}`;
  return hook.targetArn ?? hook.hookId ?? '?';
}
