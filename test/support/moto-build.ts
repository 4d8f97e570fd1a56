// What the suites that build an image before deploying to moto share: moto with the cluster default, and a build
// context (a Dockerfile FROM scratch) in a directory of the suite's own, both there for every test of the suite.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ECSClient } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll } from 'vitest';
import { createCluster, ecsClient } from './moto-ecs.js';
import { type MotoServer, startMoto } from './moto-server.js';

export interface BuildSuite {
  moto: MotoServer;
  ecs: ECSClient;
  /** A temporary directory for the suite's files, removed after the suite. */
  dir: string;
  /** `dir`/context, holding a Dockerfile. */
  context: string;
}

/** Call inside a describe: its beforeAll fills in the suite, its afterAll stops moto and removes the directory. */
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
