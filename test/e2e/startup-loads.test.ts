// --help, --version and a dry run without credentials must not load the AWS SDK: the built bundle runs under a
// module loader hook that records every file it loads, and no chunk loaded may hold the SDK.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { describeChunks, loadCases, recordLoadedFiles, withSdk, type LoadCase } from '../../scripts/bench/loaded-chunks.js';
import { startEcsStandin } from '../standin/index.js';
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

  test('a rolling deploy does not load the CodeDeploy SDK; a deploy to a CODE_DEPLOY service does', async (context) => {
    const standin = await startEcsStandin({ timing: { rolloutMs: 600 } });
    context.onTestFinished(() => standin.close());
    standin.seedTaskDefinition({ family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:1.24', memory: 256 }] });
    standin.seedService({ serviceName: 'web', taskDefinition: 'web:1' });
    standin.seedService({ serviceName: 'bg', taskDefinition: 'web:1', deploymentController: 'CODE_DEPLOY' });
    standin.codeDeploy.seedDeploymentGroup({ application: 'AppECS-default-bg', deploymentGroup: 'DgpECS-default-bg', service: 'bg' });
    const env = {
      ...cleanEnv(),
      HOME: home,
      AWS_REGION: standin.region,
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      AWS_ENDPOINT_URL_ECS: standin.url,
      AWS_ENDPOINT_URL_CODEDEPLOY: standin.url,
    };
    // The class name the CodeDeploy SDK defines, and the protocol target only it sends.
    const codeDeployChunks = (files: readonly string[]): string[] =>
      files.filter((file) => /CodeDeployClient|CodeDeploy_20141006/.test(readFileSync(join(dirname(BUNDLE), file), 'utf8')));
    const appSpec = join(home, 'appspec.json');
    writeFileSync(appSpec, JSON.stringify({ version: 0, Resources: [{ TargetService: { Type: 'AWS::ECS::Service', Properties: { TaskDefinition: 'x' } } }] }));
    const deployTo = (service: string) =>
      recordLoadedFiles(
        BUNDLE,
        ['--service', service, '--task-definition-arn', 'web:1', '--codedeploy-appspec', appSpec, '--poll-interval', '1s', '--wait-timeout', '20s'],
        env,
      );

    const rolling = await deployTo('web');
    expect(rolling.code, rolling.log).toBe(0);
    expect(codeDeployChunks(rolling.bundleFiles)).toEqual([]);

    const blueGreen = await deployTo('bg');
    expect(blueGreen.code, blueGreen.log).toBe(0);
    expect(blueGreen.log).toContain('succeeded');
    expect(codeDeployChunks(blueGreen.bundleFiles).length).toBeGreaterThan(0);
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
