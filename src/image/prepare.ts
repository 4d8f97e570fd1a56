// Builds or tags the image, logs in and pushes it, or checks that it exists: everything the deploy flow needs
// before it renders the task definition. Order: preflight (no side effects), create-repository, login,
// build or tag, push. Registry passwords go to stdin only and live in a private DOCKER_CONFIG removed at the end.
import type { EcrApi, EcrAuthorization } from '../aws/ecr.js';
import { DeployError, PreflightError, errorMessage } from '../errors.js';
import type { Reporter } from '../report.js';
import { buildArgs, loginArgs, pushArgs, pushedDigestFromOutput, tagArgs } from './docker-args.js';
import {
  createPrivateDockerConfig,
  privateConfigRoot,
  credentialsFromConfig,
  readDockerConfig,
  userDockerConfigDir,
  type BasicCredentials,
  type PrivateDockerConfig,
} from './docker-config.js';
import { parseEcrHost, type PrivateEcrHost } from './ecr-host.js';
import { checkImageOptions, imageWorkLines, type ImageOptions, type ImagePlan, type LoginPlan } from './options.js';
import { checkManifest } from './registry-check.js';
import { pushReference, tagOrDigest, withDigest, type ImageReference } from './reference.js';
import { spawnRunner, type CommandResult, type CommandRunner } from './runner.js';
import { SecretRegistry } from './secrets.js';

export type { ImageOptions } from './options.js';
export { checkImageOptions } from './options.js';

export interface PreparedImage {
  /** The reference to put in the task definition: image as given, or pinned to the pushed digest. */
  image: string;
  /** Digest of what this run pushed. */
  digest?: string;
  pushed: boolean;
  /** The push changed what the tag names: a service already on this reference must still be redeployed. */
  pushedNewDigest: boolean;
}

export interface PrepareDeps {
  ecr: (region: string) => EcrApi;
  /** A login token for public.ecr.aws (ECR Public, us-east-1). */
  ecrPublicToken?: () => Promise<EcrAuthorization>;
  reporter: Reporter;
  runner?: CommandRunner;
  /** Where PATH and the user's DOCKER_CONFIG (or HOME) are read from. */
  env?: NodeJS.ProcessEnv;
  /** Parent of the private DOCKER_CONFIG directory (default: RUNNER_TEMP on a GitHub runner, else the system temp dir). */
  tempRoot?: string;
  signal?: AbortSignal;
  fetch?: typeof fetch;
  registryTimeoutMs?: number;
}

type DigestLookup =
  | { status: 'found'; digest?: string }
  | { status: 'not-found'; detail: string }
  | { status: 'unreachable'; detail: string };

interface Context {
  deps: PrepareDeps;
  o: ImageOptions;
  plan: ImagePlan;
  ref: ImageReference;
  ecrHost: PrivateEcrHost | undefined;
  secrets: SecretRegistry;
  env: NodeJS.ProcessEnv;
}

/** Everything at once, as one call: verify, then (outside a dry run) build or tag, log in and push. */
export async function prepareImage(deps: PrepareDeps, o: ImageOptions, plan: ImagePlan = checkImageOptions(o, deps.env ?? process.env)): Promise<PreparedImage> {
  await verifyImageExists(deps, o, plan);
  if (o.dryRun) {
    for (const line of imageWorkLines(o, plan)) deps.reporter.info(`Dry run: would ${line}.`);
    return { image: o.image, pushed: false, pushedNewDigest: false };
  }
  return publishImage(deps, o, plan);
}

/** Read only: checks that an image the run does not push exists. Runs in the plan, dry run or not. */
export async function verifyImageExists(deps: PrepareDeps, o: ImageOptions, plan: ImagePlan): Promise<void> {
  const ctx = contextFor(deps, o, plan);
  if (ctx && plan.verify) await verifyImage(ctx);
}

/** Builds or tags, logs in and pushes, as `plan` says. Changes the registry; never runs in a dry run. */
export async function publishImage(deps: PrepareDeps, o: ImageOptions, plan: ImagePlan): Promise<PreparedImage> {
  const unchanged: PreparedImage = { image: o.image, pushed: false, pushedNewDigest: false };
  const ctx = contextFor(deps, o, plan);
  if (!ctx) return unchanged;
  if (!plan.push) {
    await buildOrTag(ctx, {});
    return unchanged;
  }
  return publish(ctx);
}

function contextFor(deps: PrepareDeps, o: ImageOptions, plan: ImagePlan): Context | undefined {
  if (plan.ref === undefined || !(plan.push || plan.verify || plan.build || plan.tag)) return undefined;
  const env = deps.env ?? process.env;
  const secrets = new SecretRegistry(deps.reporter);
  // Masked whether or not this run uses it (an ECR host takes a token instead under registry-auth auto).
  if (o.registryPassword !== undefined) secrets.add(o.registryPassword, o.registryUsername);
  const host = parseEcrHost(plan.ref.registry);
  return { deps, o, plan, ref: plan.ref, ecrHost: host?.public === false ? host : undefined, secrets, env };
}

async function verifyImage(ctx: Context): Promise<void> {
  const { o, ref } = ctx;
  const credentials = await verifyCredentials(ctx);
  const lookup = credentials.status === 'unreachable' ? credentials : await lookupDigest(ctx, credentials.value);
  if (lookup.status === 'found') {
    ctx.deps.reporter.info(`Image ${o.image} exists${lookup.digest !== undefined ? ` (${lookup.digest})` : ''}.`);
    return;
  }
  if (lookup.status === 'not-found') {
    throw new PreflightError(`image: ${o.image} not found in ${ref.registry} (${lookup.detail}); push it first, or set build-context or source-image`);
  }
  if (o.verifyImage === 'true') {
    throw new PreflightError(`image: could not check that ${o.image} exists: ${lookup.detail}; fix access to the registry, or set verify-image auto or false`);
  }
  ctx.deps.reporter.warn(`Could not check that image ${o.image} exists: ${lookup.detail}. Going on (verify-image true makes this an error).`);
}

async function verifyCredentials(ctx: Context): Promise<{ status: 'ok'; value: BasicCredentials | undefined } | { status: 'unreachable'; detail: string }> {
  // ECR registries are asked through the ECR API: no registry login needed.
  if (ctx.ecrHost) return { status: 'ok', value: undefined };
  if (ctx.plan.login.kind === 'client') {
    const own = credentialsFromConfig(await readDockerConfig(userDockerConfigDir(ctx.env)), ctx.ref.registry);
    if (own) ctx.secrets.add(own.password, own.username);
    return { status: 'ok', value: own };
  }
  try {
    return { status: 'ok', value: await loginCredentials(ctx, ctx.plan.login) };
  } catch (error) {
    return { status: 'unreachable', detail: ctx.secrets.redact(errorMessage(error)) };
  }
}

async function publish(ctx: Context): Promise<PreparedImage> {
  const { deps, o, plan, ref, ecrHost } = ctx;
  const target = pushReference(ref);

  if (o.createRepository && ecrHost) {
    const created = await deps.ecr(ecrHost.region).createRepositoryIfMissing(ref.repository, ecrHost.accountId);
    deps.reporter.info(created ? `Created ECR repository ${ref.repository} (scan on push).` : `ECR repository ${ref.repository} exists.`);
  }

  let credentials: BasicCredentials | undefined;
  try {
    credentials = await loginCredentials(ctx, plan.login);
  } catch (error) {
    throw new DeployError(`could not get a login for ${ref.registry}: ${ctx.secrets.redact(errorMessage(error))}`);
  }

  let privateConfig: PrivateDockerConfig | undefined;
  try {
    if (credentials) {
      privateConfig = await createPrivateDockerConfig({
        userConfigDir: userDockerConfigDir(ctx.env),
        registry: ref.registry,
        tempRoot: deps.tempRoot ?? privateConfigRoot(ctx.env),
      });
      await login(ctx, credentials, privateConfig.env);
    }
    const clientEnv = privateConfig?.env ?? {};
    await buildOrTag(ctx, clientEnv);

    // Asked just before the push, so a digest that changes tells that this push moved the tag.
    const before = await lookupDigest(ctx, credentials);
    const pushed = await runClient(ctx, `Push ${target}`, pushArgs(target), clientEnv);
    const digest = pushedDigestFromOutput(pushed.stdout) ?? pushedDigestFromOutput(pushed.stderr) ?? (await digestAfterPush(ctx, credentials));
    const pushedNewDigest = before.status !== 'found' || before.digest === undefined || digest === undefined || before.digest !== digest;
    reportPush(ctx, target, before, digest, pushedNewDigest);

    if (o.pinDigest && digest === undefined) {
      throw new DeployError(`pushed ${target} but could not learn its digest from the push or the registry; set pin-digest false to deploy by tag`);
    }
    const image = o.pinDigest && digest !== undefined ? withDigest(ref, digest) : o.image;
    return { image, pushed: true, pushedNewDigest, ...(digest !== undefined ? { digest } : {}) };
  } finally {
    await privateConfig?.remove();
  }
}

async function buildOrTag(ctx: Context, env: Record<string, string>): Promise<void> {
  const { o, plan } = ctx;
  const target = pushReference(ctx.ref);
  if (plan.build) {
    await runClient(ctx, `Build ${target}`, buildArgs({
      context: o.buildContext ?? '.',
      buildArgs: o.buildArgs,
      tag: target,
      ...definedOnly({ dockerfile: o.dockerfile, target: o.target, platform: o.platform }),
    }), env);
  }
  if (plan.tag) await runClient(ctx, `Tag ${o.sourceImage ?? ''} as ${target}`, tagArgs(o.sourceImage ?? '', target), env);
}

function reportPush(ctx: Context, target: string, before: DigestLookup, digest: string | undefined, pushedNewDigest: boolean): void {
  const { reporter } = ctx.deps;
  reporter.info(`Pushed ${target}${digest !== undefined ? ` (${digest})` : ''}.`);
  if (before.status === 'found' && before.digest !== undefined) {
    reporter.info(pushedNewDigest
      ? `The tag named ${before.digest} before this push: services on this reference get a new deployment.`
      : 'The registry already had this image under this tag.');
  } else if (before.status === 'unreachable') {
    reporter.info(`Could not tell what the tag named before the push (${before.detail}); treating the image as new.`);
  }
}

function publicToken(ctx: Context): Promise<EcrAuthorization> {
  if (!ctx.deps.ecrPublicToken) throw new Error('no ECR Public client to log in to public.ecr.aws');
  return ctx.deps.ecrPublicToken();
}

/** The username and password for the registry, registered as secrets before anything uses them. */
async function loginCredentials(ctx: Context, login: LoginPlan): Promise<BasicCredentials | undefined> {
  switch (login.kind) {
    case 'basic':
      return { username: login.username, password: login.password };
    case 'ecr':
    case 'ecr-public': {
      const auth = login.kind === 'ecr' ? await ctx.deps.ecr(login.region).getAuthorizationToken() : await publicToken(ctx);
      ctx.secrets.add(auth.password, auth.username);
      return { username: auth.username, password: auth.password };
    }
    case 'client':
    case 'none':
      return undefined;
  }
}

async function login(ctx: Context, credentials: BasicCredentials, env: Record<string, string>): Promise<void> {
  const { ref, plan } = ctx;
  const result = await runClient(ctx, `Log in to ${ref.registry}`, loginArgs(ref.registry, credentials.username), env, {
    stdin: credentials.password,
    check: false,
  });
  if (result.exitCode !== 0) {
    const hint = plan.login.kind === 'ecr' || plan.login.kind === 'ecr-public'
      ? 'check that the AWS identity may push to this registry'
      : 'check registry-username and registry-password';
    throw new DeployError(`${ctx.o.dockerCommand} login to ${ref.registry} as ${credentials.username} failed: ${lastLines(ctx.secrets.redact(result.stderr || result.stdout))}; ${hint}`);
  }
  ctx.deps.reporter.info(`Logged in to ${ref.registry} as ${credentials.username}; the login lives in a private DOCKER_CONFIG removed when this run ends.`);
}

async function lookupDigest(ctx: Context, credentials: BasicCredentials | undefined): Promise<DigestLookup> {
  const { ref, ecrHost, deps } = ctx;
  if (ecrHost) {
    try {
      const found = await deps.ecr(ecrHost.region).describeImage(ref.repository, tagOrDigest(ref), ecrHost.accountId);
      return found.found ? { status: 'found', digest: found.digest } : { status: 'not-found', detail: found.message };
    } catch (error) {
      return { status: 'unreachable', detail: `ECR DescribeImages failed: ${ctx.secrets.redact(errorMessage(error))}` };
    }
  }
  const result = await checkManifest(ref, {
    ...(credentials ? { credentials } : {}),
    ...definedOnly({ signal: deps.signal, fetch: deps.fetch, timeoutMs: deps.registryTimeoutMs }),
  });
  return result.status === 'found' ? result : { ...result, detail: ctx.secrets.redact(result.detail) };
}

async function digestAfterPush(ctx: Context, credentials: BasicCredentials | undefined): Promise<string | undefined> {
  const after = await lookupDigest(ctx, credentials);
  return after.status === 'found' ? after.digest : undefined;
}

async function runClient(
  ctx: Context,
  title: string,
  args: string[],
  env: Record<string, string>,
  options: { stdin?: string; check?: boolean } = {},
): Promise<CommandResult> {
  const { deps, o, secrets } = ctx;
  const runner = deps.runner ?? spawnRunner(ctx.env);
  const result = await deps.reporter.group(title, () =>
    runner.run(o.dockerCommand, args, {
      env,
      onLine: (line) => deps.reporter.info(secrets.redact(line)),
      ...definedOnly({ stdin: options.stdin, signal: deps.signal }),
    }),
  );
  if (result.exitCode !== 0 && options.check !== false) {
    throw new DeployError(`${o.dockerCommand} ${args[0] ?? ''} failed (exit ${result.exitCode}): ${lastLines(secrets.redact(result.stderr || result.stdout))}`);
  }
  return result;
}

function lastLines(text: string, count = 5): string {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  return lines.slice(-count).join(' | ') || 'no output';
}

/** Drops undefined values, for optional properties under exactOptionalPropertyTypes. */
function definedOnly<T extends Record<string, unknown>>(values: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== '')) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
