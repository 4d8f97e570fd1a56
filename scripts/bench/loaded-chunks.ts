// Which files of the bundle a run loads, recorded by a module loader hook (module.register, Node >= 20.6): the
// hook sees the entry and every chunk the entry imports, since ncc's chunks are ES modules loaded with import().
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HOOKS = `import { appendFileSync } from 'node:fs';
let out = '';
export function initialize(data) { out = data.out; }
export async function load(url, context, nextLoad) {
  if (url.startsWith('file:')) appendFileSync(out, url + '\\n');
  return nextLoad(url, context);
}
`;

/** What marks a chunk as holding the AWS SDK: package names, or the clients' class names the SDK defines. */
export const SDK_MARKERS = ['@aws-sdk/', '@smithy/', 'ECSClient', 'ECRClient', 'STSClient'] as const;

export interface LoadedFiles {
  code: number | null;
  log: string;
  /** Files of the bundle's directory that were loaded, in load order (file names, such as 815.index.js). */
  bundleFiles: string[];
}

export interface ChunkInfo {
  file: string;
  /** SDK_MARKERS found in the file; empty when none. */
  sdkMarkers: string[];
}

export function recordLoadedFiles(bundle: string, args: readonly string[], env: Record<string, string>, timeoutMs = 30_000): Promise<LoadedFiles> {
  const dir = mkdtempSync(join(tmpdir(), 'ecs-deliver-loads-'));
  const out = join(dir, 'loaded.txt');
  writeFileSync(out, '');
  writeFileSync(join(dir, 'hooks.mjs'), HOOKS);
  writeFileSync(
    join(dir, 'register.mjs'),
    `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)}, { data: { out: ${JSON.stringify(out)} } });\n`,
  );
  return new Promise((resolve, reject) => {
    // CI runs the end-to-end suites a second time with the bundle on Node 24 (see test/support/run-bundle.ts).
    const node = process.env['ECS_DELIVER_TEST_NODE'] || process.execPath;
    const child = spawn(node, ['--import', pathToFileURL(join(dir, 'register.mjs')).href, bundle, ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const urls = readFileSync(out, 'utf8').split('\n').filter(Boolean);
      rmSync(dir, { recursive: true, force: true });
      const bundleDir = dirname(bundle);
      const bundleFiles = urls.map((url) => fileURLToPath(url)).filter((path) => dirname(path) === bundleDir).map((path) => basename(path));
      resolve({ code, log, bundleFiles: [...new Set(bundleFiles)] });
    });
  });
}

const markerCache = new Map<string, string[]>();

export function sdkMarkersIn(path: string): string[] {
  const known = markerCache.get(path);
  if (known) return known;
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const found = SDK_MARKERS.filter((marker) => text.includes(marker));
  markerCache.set(path, found);
  return found;
}

/** The loaded files with the SDK markers each holds. */
export function describeChunks(bundle: string, files: readonly string[]): ChunkInfo[] {
  return files.map((file) => ({ file, sdkMarkers: sdkMarkersIn(join(dirname(bundle), file)) }));
}

export const withSdk = (chunks: readonly ChunkInfo[]): ChunkInfo[] => chunks.filter((chunk) => chunk.sdkMarkers.length > 0);

/**
 * The runs the start-up goal is about, and one that must load the SDK: a dry run with credentials, whose endpoint
 * is a closed port. It shows that the hook and the markers do see the SDK when it is loaded.
 */
export interface LoadCase {
  name: string;
  args: string[];
  env: Record<string, string>;
  expectSdk: boolean;
}

export function loadCases(baseEnv: Record<string, string>, emptyHome: string, closedPortUrl: string): LoadCase[] {
  const dryRun = ['--family', 'web', '--container-name', 'web', '--image', 'nginx:1.25', '--memory', '256', '--verify-image', 'false', '--dry-run'];
  const noCredentials = { ...baseEnv, HOME: emptyHome, AWS_REGION: 'us-east-1' };
  return [
    { name: '--help', args: ['--help'], env: baseEnv, expectSdk: false },
    { name: '--version', args: ['--version'], env: baseEnv, expectSdk: false },
    { name: 'dry run, no AWS credentials', args: dryRun, env: noCredentials, expectSdk: false },
    {
      name: 'dry run with credentials (control)',
      args: dryRun,
      env: {
        ...noCredentials,
        AWS_ACCESS_KEY_ID: 'testing',
        AWS_SECRET_ACCESS_KEY: 'testing',
        AWS_ENDPOINT_URL: closedPortUrl,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
      expectSdk: true,
    },
  ];
}
