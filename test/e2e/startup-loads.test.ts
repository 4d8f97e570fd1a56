// --help, --version and a dry run without credentials must not load the AWS SDK: the built bundle runs under a
// module loader hook that records every file it loads, and no chunk loaded may hold the SDK.
import { mkdtempSync, rmSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { describeChunks, loadCases, recordLoadedFiles, withSdk, type LoadCase } from '../../scripts/bench/loaded-chunks.js';
import { BUNDLE, cleanEnv } from '../support/run-bundle.js';
import { freePort } from '../support/servers.js';

const home = mkdtempSync(join(tmpdir(), 'ecs-deliver-home-'));
const cases = loadCases(cleanEnv(), home, `http://127.0.0.1:${await freePort()}`);
const byName = (name: string): LoadCase => {
  const found = cases.find((loadCase) => loadCase.name === name);
  if (!found) throw new Error(`no load case ${name}`);
  return found;
};

// module.register came in Node 20.6.
const hooksMissing = typeof (nodeModule as { register?: unknown }).register !== 'function';

describe.skipIf(hooksMissing)('what start-up loads', () => {
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  test.each(['--help', '--version'])('%s loads no chunk holding the AWS SDK', async (name) => {
    const { args, env } = byName(name);
    const loaded = await recordLoadedFiles(BUNDLE, args, env);
    expect(loaded.code, loaded.log).toBe(0);
    expect(loaded.bundleFiles[0]).toBe('index.js');
    expect(withSdk(describeChunks(BUNDLE, loaded.bundleFiles))).toEqual([]);
  });

  test('--version loads the entry chunk alone', async () => {
    const { args, env } = byName('--version');
    const loaded = await recordLoadedFiles(BUNDLE, args, env);
    expect(loaded.code, loaded.log).toBe(0);
    expect(loaded.bundleFiles).toEqual(['index.js']);
  });

  test('a dry run without AWS credentials loads chunks, none of them holding the AWS SDK', async () => {
    const { args, env } = byName('dry run, no AWS credentials');
    const loaded = await recordLoadedFiles(BUNDLE, args, env);
    expect(loaded.code, loaded.log).toBe(0);
    expect(loaded.log).toContain('No AWS credentials found');
    // The hook sees chunks loaded with import(), so an empty SDK list below means something.
    expect(loaded.bundleFiles[0]).toBe('index.js');
    expect(loaded.bundleFiles.length).toBeGreaterThan(1);
    expect(withSdk(describeChunks(BUNDLE, loaded.bundleFiles))).toEqual([]);
  });

  test('a dry run with credentials does load the AWS SDK, and the check sees it', async () => {
    const { args, env } = byName('dry run with credentials (control)');
    const loaded = await recordLoadedFiles(BUNDLE, args, env);
    expect(loaded.log).not.toContain('No AWS credentials found');
    const sdk = withSdk(describeChunks(BUNDLE, loaded.bundleFiles));
    expect(sdk.length, loaded.bundleFiles.join(' ')).toBeGreaterThan(0);
    expect(sdk.flatMap((chunk) => chunk.sdkMarkers)).toContain('@aws-sdk/');
  });
});
