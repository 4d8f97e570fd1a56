export const id = 128;
export const ids = [128];
export const modules = {

/***/ 9747:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publishImage: () => (/* binding */ publishImage),
  verifyImageExists: () => (/* binding */ verifyImageExists)
});

// UNUSED EXPORTS: checkImageOptions, prepareImage

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/image/docker-args.ts
// Argument arrays for the container client (docker and podman take the same ones), and what its output tells.
function buildArgs(spec) {
    return [
        'build',
        ...(spec.dockerfile !== undefined ? ['--file', spec.dockerfile] : []),
        ...spec.buildArgs.flatMap(([key, value]) => ['--build-arg', `${key}=${value}`]),
        ...(spec.target !== undefined ? ['--target', spec.target] : []),
        ...(spec.platform !== undefined ? ['--platform', spec.platform] : []),
        '--tag',
        spec.tag,
        spec.context,
    ];
}
function tagArgs(source, target) {
    return ['tag', source, target];
}
function pushArgs(reference) {
    return ['push', reference];
}
/** The password goes to stdin: it is never an argument. */
function loginArgs(registry, username) {
    return ['login', '--username', username, '--password-stdin', registry];
}
/** The digest `docker push` prints last ("1.2: digest: sha256:... size: 528"); podman prints none. */
function pushedDigestFromOutput(output) {
    const matches = [...output.matchAll(/digest: (sha256:[0-9a-f]{64})/g)];
    return matches.at(-1)?.[1];
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/exit-cleanup.ts
// Paths the run must not leave behind, such as the private DOCKER_CONFIG that holds a registry login. They are
// removed however the process ends: by itself, after an error, at once on a repeated signal, whose process.exit
// skips every pending `finally`, or on a hangup.

/** The code a shell gives a process ended by a hangup. */
const HANGUP_EXIT = 129;
const paths = new Set();
let exitHookInstalled = false;
// A hangup would end the process without 'exit', leaving the paths and the container client's process group
// behind: while there are paths, it ends through 'exit' instead.
const onHangup = () => process.exit(HANGUP_EXIT);
/** Removes `path` when the process exits, unless the answered function is called first (it was removed already). */
function removeOnExit(path) {
    if (!exitHookInstalled) {
        exitHookInstalled = true;
        process.on('exit', removeAllNow);
    }
    if (paths.size === 0)
        process.on('SIGHUP', onHangup);
    paths.add(path);
    return () => {
        if (paths.delete(path) && paths.size === 0)
            process.off('SIGHUP', onHangup);
    };
}
/** Synchronous, so it also runs in an 'exit' listener. */
function removeAllNow() {
    for (const path of paths) {
        try {
            (0,external_node_fs_.rmSync)(path, { recursive: true, force: true });
        }
        catch {
            // Nothing more can be done while exiting; the next path is still tried.
        }
    }
    paths.clear();
}

// EXTERNAL MODULE: ./src/image/reference.ts
var reference = __webpack_require__(3564);
;// CONCATENATED MODULE: ./src/image/docker-config.ts
// A private DOCKER_CONFIG for one run: `docker login` writes the registry password there, never into the
// user's own config, and the directory is removed when the run ends, on failure too.





// Client state the build may need (plugins such as buildx, contexts, builders); linked, never copied or changed.
const LINKED_ENTRIES = ['cli-plugins', 'contexts', 'buildx'];
const DOCKER_HUB_KEYS = new Set([reference/* DOCKER_HUB */.Xb, 'index.docker.io', 'registry-1.docker.io']);
/**
 * Where the private DOCKER_CONFIG goes: on a GitHub runner its own temporary directory, emptied after every job
 * (so a runner killed mid-push leaves nothing for the next job), elsewhere the system's. Either way in a 0700
 * directory of its own.
 */
function privateConfigRoot(env = process.env) {
    const runnerTemp = env['RUNNER_TEMP'];
    return runnerTemp !== undefined && runnerTemp !== '' ? runnerTemp : (0,external_node_os_.tmpdir)();
}
function userDockerConfigDir(env = process.env) {
    const fromEnv = env['DOCKER_CONFIG'];
    if (fromEnv !== undefined && fromEnv !== '')
        return fromEnv;
    return (0,external_node_path_.join)(env['HOME'] || (0,external_node_os_.homedir)(), '.docker');
}
async function readDockerConfig(dir) {
    try {
        return JSON.parse(await (0,promises_.readFile)((0,external_node_path_.join)(dir, 'config.json'), 'utf8'));
    }
    catch {
        return {};
    }
}
/** The registry host a config key names: keys may carry a scheme and a path ("https://index.docker.io/v1/"). */
function configKeyRegistry(key) {
    const host = key.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '').toLowerCase();
    return DOCKER_HUB_KEYS.has(host) ? reference/* DOCKER_HUB */.Xb : host;
}
/**
 * The user's config minus every way it has of storing credentials for `registry`, so `docker login` writes into
 * the private copy only. Logins to other registries stay usable (a build may pull its base image from one):
 * a credsStore is turned into per-registry credHelpers, since a credsStore would also receive the new login.
 */
function privateConfigFrom(user, registry) {
    const config = isObject(user) ? { ...user } : {};
    const target = configKeyRegistry(registry);
    const others = (entries) => entries.filter(([key]) => configKeyRegistry(key) !== target);
    const auths = others(Object.entries(isObject(config['auths']) ? config['auths'] : {}));
    const helpers = others(Object.entries(isObject(config['credHelpers']) ? config['credHelpers'] : {}));
    const store = typeof config['credsStore'] === 'string' && config['credsStore'] !== '' ? config['credsStore'] : undefined;
    const credHelpers = Object.fromEntries(helpers);
    if (store !== undefined) {
        for (const [key, value] of auths) {
            if (!hasInlineAuth(value) && !Object.hasOwn(credHelpers, key))
                credHelpers[key] = store;
        }
    }
    delete config['credsStore'];
    delete config['credHelpers'];
    config['auths'] = Object.fromEntries(auths);
    if (Object.keys(credHelpers).length > 0)
        config['credHelpers'] = credHelpers;
    return config;
}
/** The login the docker client itself holds for `registry` in its config file, when it is stored there. */
function credentialsFromConfig(config, registry) {
    if (!isObject(config) || !isObject(config['auths']))
        return undefined;
    const target = configKeyRegistry(registry);
    for (const [key, value] of Object.entries(config['auths'])) {
        if (configKeyRegistry(key) !== target || !isObject(value))
            continue;
        const auth = value['auth'];
        if (typeof auth !== 'string' || auth === '')
            continue;
        const decoded = Buffer.from(auth, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon > 0)
            return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
    return undefined;
}
async function createPrivateDockerConfig(options) {
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(options.tempRoot ?? (0,external_node_os_.tmpdir)(), 'ecs-deliver-docker-'));
    const forget = removeOnExit(dir);
    const remove = async () => {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
        forget();
    };
    try {
        await (0,promises_.chmod)(dir, 0o700);
        const config = privateConfigFrom(await readDockerConfig(options.userConfigDir), options.registry);
        await (0,promises_.writeFile)((0,external_node_path_.join)(dir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
        for (const entry of LINKED_ENTRIES) {
            const source = (0,external_node_path_.join)(options.userConfigDir, entry);
            if (await exists(source))
                await (0,promises_.symlink)(source, (0,external_node_path_.join)(dir, entry));
        }
    }
    catch (error) {
        await remove();
        throw error;
    }
    return { dir, env: { DOCKER_CONFIG: dir, REGISTRY_AUTH_FILE: (0,external_node_path_.join)(dir, 'config.json') }, remove };
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function hasInlineAuth(value) {
    return isObject(value) && typeof value['auth'] === 'string' && value['auth'] !== '';
}
async function exists(path) {
    try {
        await (0,promises_.lstat)(path);
        return true;
    }
    catch {
        return false;
    }
}

// EXTERNAL MODULE: ./src/image/ecr-host.ts
var ecr_host = __webpack_require__(326);
// EXTERNAL MODULE: ./src/image/options.ts
var options = __webpack_require__(3231);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/image/registry-check.ts
// Does an image exist in a registry? One manifest request over the registry HTTP API (OCI distribution),
// with the login challenge answered the way docker answers it: basic auth, or a bearer token from the realm.



const MANIFEST_ACCEPT = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');
function parseAuthChallenge(header) {
    const match = header ? /^\s*([A-Za-z]+)\s*(.*)$/.exec(header) : null;
    if (!match)
        return undefined;
    const params = {};
    for (const [, key = '', quoted, bare] of (match[2] ?? '').matchAll(/([A-Za-z_]+)\s*=\s*(?:"([^"]*)"|([^,\s]*))/g)) {
        params[key.toLowerCase()] = quoted ?? bare ?? '';
    }
    return { scheme: (match[1] ?? '').toLowerCase(), params };
}
function manifestUrl(ref) {
    return `${(0,reference/* registryApiBase */.vO)(ref.registry)}/v2/${ref.repository}/manifests/${(0,reference/* tagOrDigest */.AA)(ref)}`;
}
async function checkManifest(ref, options = {}) {
    const doFetch = options.fetch ?? fetch;
    const url = manifestUrl(ref);
    const request = (method, authorization) => doFetch(url, {
        method,
        headers: { Accept: MANIFEST_ACCEPT, ...(authorization !== undefined ? { Authorization: authorization } : {}) },
        signal: timeoutSignal(options),
    });
    try {
        let authorization;
        let response = await request('HEAD');
        if (response.status === 401) {
            authorization = await answerChallenge(parseAuthChallenge(response.headers.get('www-authenticate')), ref, options, doFetch);
            if (authorization !== undefined)
                response = await request('HEAD', authorization);
        }
        if (response.ok) {
            const digest = response.headers.get('docker-content-digest') ?? (await digestOfBody(await request('GET', authorization)));
            return digest !== undefined ? { status: 'found', digest } : { status: 'found' };
        }
        if (response.status === 404)
            return { status: 'not-found', detail: `${ref.registry} answered 404 for ${ref.repository}:${(0,reference/* tagOrDigest */.AA)(ref)}` };
        if (response.status === 401 || response.status === 403) {
            const how = options.credentials ? 'with the credentials given' : 'without credentials';
            return { status: 'unreachable', detail: `${ref.registry} refused access ${how} (HTTP ${response.status})` };
        }
        return { status: 'unreachable', detail: `${ref.registry} answered HTTP ${response.status}` };
    }
    catch (error) {
        return { status: 'unreachable', detail: `${ref.registry} could not be reached: ${describeFetchError(error)}` };
    }
}
/** The Authorization header that answers the registry's challenge, or undefined when there is nothing to send. */
async function answerChallenge(challenge, ref, options, doFetch) {
    const basic = options.credentials ? basicAuthorization(options.credentials) : undefined;
    if (challenge?.scheme === 'basic')
        return basic;
    if (challenge?.scheme !== 'bearer')
        return undefined;
    const realm = challenge.params['realm'];
    if (realm === undefined || realm === '')
        return undefined;
    const tokenUrl = new URL(realm);
    if (challenge.params['service'])
        tokenUrl.searchParams.set('service', challenge.params['service']);
    tokenUrl.searchParams.set('scope', challenge.params['scope'] || `repository:${ref.repository}:pull`);
    // Credentials go to a token service only over https, or to one on this machine.
    const mayAuthenticate = tokenUrl.protocol === 'https:' || (0,reference/* isLoopbackRegistry */.jW)(tokenUrl.host);
    const response = await doFetch(tokenUrl, {
        headers: basic !== undefined && mayAuthenticate ? { Authorization: basic } : {},
        signal: timeoutSignal(options),
    });
    if (!response.ok)
        return undefined;
    const body = (await response.json());
    const token = typeof body.token === 'string' ? body.token : typeof body.access_token === 'string' ? body.access_token : undefined;
    return token !== undefined && token !== '' ? `Bearer ${token}` : undefined;
}
function basicAuthorization(credentials) {
    return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}`;
}
async function digestOfBody(response) {
    if (!response.ok)
        return undefined;
    const body = Buffer.from(await response.arrayBuffer());
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(body).digest('hex')}`;
}
function timeoutSignal(options) {
    const timeout = AbortSignal.timeout(options.timeoutMs ?? 15_000);
    return options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
}
function describeFetchError(error) {
    const cause = error instanceof Error ? error.cause : undefined;
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
        return 'no answer in time';
    if (typeof cause?.code === 'string')
        return cause.code;
    if (typeof cause?.message === 'string')
        return cause.message;
    return (0,errors/* errorMessage */.gJ)(error);
}

// EXTERNAL MODULE: ./src/image/runner.ts
var image_runner = __webpack_require__(8107);
;// CONCATENATED MODULE: ./src/image/secrets.ts
const REDACTED = '***';
const base64 = (text) => Buffer.from(text, 'utf8').toString('base64');
/** The forms a secret travels in: as is, base64, and base64 of `user:secret` (HTTP basic auth, docker config files). */
function secretForms(secret, username) {
    if (secret === '')
        return [];
    const forms = [secret, base64(secret)];
    if (username !== undefined)
        forms.push(base64(`${username}:${secret}`));
    return forms;
}
function redact(text, secrets) {
    let out = text;
    // Longest first, so a secret that contains another is replaced whole.
    for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
        if (secret !== '')
            out = out.split(secret).join(REDACTED);
    }
    return out;
}
class SecretRegistry {
    reporter;
    values = new Set();
    constructor(reporter) {
        this.reporter = reporter;
    }
    add(secret, username) {
        for (const form of secretForms(secret, username)) {
            if (this.values.has(form))
                continue;
            this.values.add(form);
            this.reporter.mask(form);
        }
    }
    redact(text) {
        return redact(text, [...this.values]);
    }
    all() {
        return [...this.values];
    }
}

;// CONCATENATED MODULE: ./src/image/prepare.ts










/** Everything at once, as one call: verify, then (outside a dry run) build or tag, log in and push. */
async function prepareImage(deps, o, plan = checkImageOptions(o, deps.env ?? process.env)) {
    await verifyImageExists(deps, o, plan);
    if (o.dryRun) {
        for (const line of imageWorkLines(o, plan))
            deps.reporter.info(`Dry run: would ${line}.`);
        return { image: o.image, pushed: false, pushedNewDigest: false };
    }
    return publishImage(deps, o, plan);
}
/** Read only: checks that an image the run does not push exists. Runs in the plan, dry run or not. */
async function verifyImageExists(deps, o, plan) {
    const ctx = contextFor(deps, o, plan);
    if (ctx && plan.verify)
        await verifyImage(ctx);
}
/** Builds or tags, logs in and pushes, as `plan` says. Changes the registry; never runs in a dry run. */
async function publishImage(deps, o, plan) {
    const unchanged = { image: o.image, pushed: false, pushedNewDigest: false };
    const ctx = contextFor(deps, o, plan);
    if (!ctx)
        return unchanged;
    if (!plan.push) {
        await buildOrTag(ctx, {});
        return unchanged;
    }
    return publish(ctx);
}
function contextFor(deps, o, plan) {
    if (plan.ref === undefined || !(plan.push || plan.verify || plan.build || plan.tag))
        return undefined;
    const env = deps.env ?? process.env;
    const secrets = new SecretRegistry(deps.reporter);
    // Masked whether or not this run uses it (an ECR host takes a token instead under registry-auth auto).
    if (o.registryPassword !== undefined)
        secrets.add(o.registryPassword, o.registryUsername);
    const host = (0,ecr_host/* parseEcrHost */.wl)(plan.ref.registry);
    return { deps, o, plan, ref: plan.ref, ecrHost: host?.public === false ? host : undefined, secrets, env };
}
async function verifyImage(ctx) {
    const { o, ref } = ctx;
    const credentials = await verifyCredentials(ctx);
    const lookup = credentials.status === 'unreachable' ? credentials : await lookupDigest(ctx, credentials.value);
    if (lookup.status === 'found') {
        ctx.deps.reporter.info(`Image ${o.image} exists${lookup.digest !== undefined ? ` (${lookup.digest})` : ''}.`);
        return;
    }
    if (lookup.status === 'not-found') {
        throw new errors/* PreflightError */.wG(`image: ${o.image} not found in ${ref.registry} (${lookup.detail}); push it first, or set build-context or source-image`);
    }
    if (o.verifyImage === 'true') {
        throw new errors/* PreflightError */.wG(`image: could not check that ${o.image} exists: ${lookup.detail}; fix access to the registry, or set verify-image auto or false`);
    }
    ctx.deps.reporter.warn(`Could not check that image ${o.image} exists: ${lookup.detail}. Going on (verify-image true makes this an error).`);
}
async function verifyCredentials(ctx) {
    // ECR registries are asked through the ECR API: no registry login needed.
    if (ctx.ecrHost)
        return { status: 'ok', value: undefined };
    if (ctx.plan.login.kind === 'client') {
        const own = credentialsFromConfig(await readDockerConfig(userDockerConfigDir(ctx.env)), ctx.ref.registry);
        if (own)
            ctx.secrets.add(own.password, own.username);
        return { status: 'ok', value: own };
    }
    try {
        return { status: 'ok', value: await loginCredentials(ctx, ctx.plan.login) };
    }
    catch (error) {
        return { status: 'unreachable', detail: ctx.secrets.redact((0,errors/* errorMessage */.gJ)(error)) };
    }
}
async function publish(ctx) {
    const { deps, o, plan, ref, ecrHost } = ctx;
    const target = (0,reference/* pushReference */.Sx)(ref);
    if (o.createRepository && ecrHost) {
        const created = await deps.ecr(ecrHost.region).createRepositoryIfMissing(ref.repository, ecrHost.accountId);
        deps.reporter.info(created ? `Created ECR repository ${ref.repository} (scan on push).` : `ECR repository ${ref.repository} exists.`);
    }
    let credentials;
    try {
        credentials = await loginCredentials(ctx, plan.login);
    }
    catch (error) {
        throw new errors/* DeployError */.sH(`could not get a login for ${ref.registry}: ${ctx.secrets.redact((0,errors/* errorMessage */.gJ)(error))}`);
    }
    let privateConfig;
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
            throw new errors/* DeployError */.sH(`pushed ${target} but could not learn its digest from the push or the registry; set pin-digest false to deploy by tag`);
        }
        const image = o.pinDigest && digest !== undefined ? (0,reference/* withDigest */.hQ)(ref, digest) : o.image;
        return { image, pushed: true, pushedNewDigest, ...(digest !== undefined ? { digest } : {}) };
    }
    finally {
        await privateConfig?.remove();
    }
}
async function buildOrTag(ctx, env) {
    const { o, plan } = ctx;
    const target = (0,reference/* pushReference */.Sx)(ctx.ref);
    if (plan.build) {
        await runClient(ctx, `Build ${target}`, buildArgs({
            context: o.buildContext ?? '.',
            buildArgs: o.buildArgs,
            tag: target,
            ...definedOnly({ dockerfile: o.dockerfile, target: o.target, platform: o.platform }),
        }), env);
    }
    if (plan.tag)
        await runClient(ctx, `Tag ${o.sourceImage ?? ''} as ${target}`, tagArgs(o.sourceImage ?? '', target), env);
}
function reportPush(ctx, target, before, digest, pushedNewDigest) {
    const { reporter } = ctx.deps;
    reporter.info(`Pushed ${target}${digest !== undefined ? ` (${digest})` : ''}.`);
    if (before.status === 'found' && before.digest !== undefined) {
        reporter.info(pushedNewDigest
            ? `The tag named ${before.digest} before this push: services on this reference get a new deployment.`
            : 'The registry already had this image under this tag.');
    }
    else if (before.status === 'unreachable') {
        reporter.info(`Could not tell what the tag named before the push (${before.detail}); treating the image as new.`);
    }
}
function publicToken(ctx) {
    if (!ctx.deps.ecrPublicToken)
        throw new Error('no ECR Public client to log in to public.ecr.aws');
    return ctx.deps.ecrPublicToken();
}
/** The username and password for the registry, registered as secrets before anything uses them. */
async function loginCredentials(ctx, login) {
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
async function login(ctx, credentials, env) {
    const { ref, plan } = ctx;
    const result = await runClient(ctx, `Log in to ${ref.registry}`, loginArgs(ref.registry, credentials.username), env, {
        stdin: credentials.password,
        check: false,
    });
    if (result.exitCode !== 0) {
        const hint = plan.login.kind === 'ecr' || plan.login.kind === 'ecr-public'
            ? 'check that the AWS identity may push to this registry'
            : 'check registry-username and registry-password';
        throw new errors/* DeployError */.sH(`${ctx.o.dockerCommand} login to ${ref.registry} as ${credentials.username} failed: ${lastLines(ctx.secrets.redact(result.stderr || result.stdout))}; ${hint}`);
    }
    ctx.deps.reporter.info(`Logged in to ${ref.registry} as ${credentials.username}; the login lives in a private DOCKER_CONFIG removed when this run ends.`);
}
async function lookupDigest(ctx, credentials) {
    const { ref, ecrHost, deps } = ctx;
    if (ecrHost) {
        try {
            const found = await deps.ecr(ecrHost.region).describeImage(ref.repository, (0,reference/* tagOrDigest */.AA)(ref), ecrHost.accountId);
            return found.found ? { status: 'found', digest: found.digest } : { status: 'not-found', detail: found.message };
        }
        catch (error) {
            return { status: 'unreachable', detail: `ECR DescribeImages failed: ${ctx.secrets.redact((0,errors/* errorMessage */.gJ)(error))}` };
        }
    }
    const result = await checkManifest(ref, {
        ...(credentials ? { credentials } : {}),
        ...definedOnly({ signal: deps.signal, fetch: deps.fetch, timeoutMs: deps.registryTimeoutMs }),
    });
    return result.status === 'found' ? result : { ...result, detail: ctx.secrets.redact(result.detail) };
}
async function digestAfterPush(ctx, credentials) {
    const after = await lookupDigest(ctx, credentials);
    return after.status === 'found' ? after.digest : undefined;
}
async function runClient(ctx, title, args, env, options = {}) {
    const { deps, o, secrets } = ctx;
    const runner = deps.runner ?? (0,image_runner/* spawnRunner */.S)(ctx.env);
    const result = await deps.reporter.group(title, () => runner.run(o.dockerCommand, args, {
        env,
        onLine: (line) => deps.reporter.info(secrets.redact(line)),
        ...definedOnly({ stdin: options.stdin, signal: deps.signal }),
    }));
    if (result.exitCode !== 0 && options.check !== false) {
        throw new errors/* DeployError */.sH(`${o.dockerCommand} ${args[0] ?? ''} failed (exit ${result.exitCode}): ${lastLines(secrets.redact(result.stderr || result.stdout))}`);
    }
    return result;
}
function lastLines(text, count = 5) {
    const lines = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
    return lines.slice(-count).join(' | ') || 'no output';
}
/** Drops undefined values, for optional properties under exactOptionalPropertyTypes. */
function definedOnly(values) {
    return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== ''));
}


/***/ })

};
