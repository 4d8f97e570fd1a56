// moto for every test of a suite (a describe): started before the suite and stopped after it, with an ECS client
// on it. Call these inside the describe; read the fields in hooks and tests, once the suite has started.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ECSClient } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createCluster, ecsClient } from './moto-ecs.js';
import { type MotoServer, startMoto } from './moto-server.js';

export interface MotoSuite {
  moto: MotoServer;
  ecs: ECSClient;
}

/**
 * moto started with `env` (MOTO_ECS_SERVICE_RUNNING: '1' reports a service's tasks running), reset before each
 * test; a `beforeEach` of the suite's own, declared after this call, seeds it again.
 */
export function motoSuite(env: Record<string, string> = {}): MotoSuite {
  const suite = {} as MotoSuite;
  let moto: MotoServer | undefined;
  beforeAll(async () => {
    moto = await startMoto(env);
    suite.moto = moto;
    suite.ecs = ecsClient(moto.url);
  });
  afterAll(async () => moto?.stop());
  beforeEach(async () => moto?.reset());
  return suite;
}

export interface BuildSuite extends MotoSuite {
  /** A temporary directory for the suite's files, removed after the suite. */
  dir: string;
  /** `dir`/context, a build context holding a Dockerfile. */
  context: string;
}

/** moto with the cluster default, kept from test to test, and a build context (a Dockerfile FROM scratch). */
export function buildSuite(prefix: string): BuildSuite {
  const suite = { dir: '', context: '' } as BuildSuite;
  let moto: MotoServer | undefined;
  beforeAll(async () => {
    moto = await startMoto();
    suite.moto = moto;
    suite.ecs = ecsClient(moto.url);
    await createCluster(suite.ecs, 'default');
    suite.dir = mkdtempSync(join(tmpdir(), prefix));
    suite.context = join(suite.dir, 'context');
    mkdirSync(suite.context);
    writeFileSync(join(suite.context, 'Dockerfile'), 'FROM scratch\n');
  });
  afterAll(async () => {
    await moto?.stop();
    if (suite.dir !== '') rmSync(suite.dir, { recursive: true, force: true });
  });
  return suite;
}
