export const id = 939;
export const ids = [939,231];
export const modules = {

/***/ 326:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   wl: () => (/* binding */ parseEcrHost)
/* harmony export */ });
/* unused harmony exports isEcrHost, isPrivateEcrHost */
// Which registry hosts are Amazon ECR, and what their names tell: account, region, partition, endpoint kind.
const REGION = '([a-z]{2}(?:-[a-z]+)+-\\d+)';
// <account>.dkr.ecr[-fips].<region>.<domain> and the dual-stack <account>.dkr-ecr[-fips].<region>.<domain>
const IPV4_ONLY = new RegExp(`^(\\d{12})\\.dkr\\.ecr(-fips)?\\.${REGION}\\.(amazonaws\\.com|amazonaws\\.com\\.cn|c2s\\.ic\\.gov|sc2s\\.sgov\\.gov)$`);
const DUAL_STACK = new RegExp(`^(\\d{12})\\.dkr-ecr(-fips)?\\.${REGION}\\.(on\\.aws|on\\.amazonwebservices\\.com\\.cn)$`);
const PARTITION_BY_DOMAIN = {
    'amazonaws.com.cn': 'aws-cn',
    'on.amazonwebservices.com.cn': 'aws-cn',
    'c2s.ic.gov': 'aws-iso',
    'sc2s.sgov.gov': 'aws-iso-b',
};
function parseEcrHost(host) {
    const name = host.toLowerCase();
    if (name === 'public.ecr.aws')
        return { public: true, region: 'us-east-1' };
    const match = IPV4_ONLY.exec(name) ?? DUAL_STACK.exec(name);
    if (!match)
        return undefined;
    const [, accountId = '', fips, region = '', domain = ''] = match;
    const china = domain.endsWith('.cn');
    if (china !== region.startsWith('cn-'))
        return undefined;
    const partition = PARTITION_BY_DOMAIN[domain] ?? (region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws');
    return { public: false, accountId, region, fips: fips !== undefined, dualStack: match.input.includes('.dkr-ecr'), partition };
}
function isEcrHost(host) {
    return parseEcrHost(host) !== undefined;
}
function isPrivateEcrHost(host) {
    return parseEcrHost(host)?.public === false;
}


/***/ }),

/***/ 3231:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkImageOptions: () => (/* binding */ checkImageOptions)
/* harmony export */ });
/* unused harmony export planImage */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _ecr_host_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(326);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3564);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8107);
// The image inputs, checked before anything runs, and the plan they make: build or tag, push, verify, log in how.






const BUILD_ONLY = ['dockerfile', 'target', 'platform'];
const BUILD_ARG_KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
/** The decisions the inputs make, without looking at the machine. */
function planImage(o) {
    const build = o.buildContext !== undefined && o.buildContext !== '';
    const tag = o.sourceImage !== undefined && o.sourceImage !== '';
    if (build && tag)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('build-context and source-image: give one of them, not both');
    for (const name of BUILD_ONLY) {
        if (!build && optionValue(o, name) !== undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${name}: only used with build-context; set build-context or remove ${name}`);
    }
    if (!build && o.buildArgs.length > 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('build-args: only used with build-context; set build-context or remove build-args');
    for (const [key] of o.buildArgs) {
        if (!BUILD_ARG_KEY.test(key))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`build-args: "${key}" is not a build argument name; write lines of KEY=VALUE`);
    }
    const push = o.push ?? (build || tag);
    if (o.image === '') {
        if (build || tag || push)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('image: required to build, tag or push; give the reference to push, such as 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.2.3');
        if (o.pinDigest)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('pin-digest: needs an image to push; set image, or set pin-digest to false');
        return { build: false, tag: false, push: false, verify: false, login: { kind: 'none' } };
    }
    const ref = (0,_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .parseImageReference */ .o_)(o.image, 'image');
    if (tag)
        (0,_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .parseImageReference */ .o_)(o.sourceImage ?? '', 'source-image');
    if (push && ref.digest !== undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`image: "${o.image}" names a digest, and a push needs a tag; write repository:tag (pin-digest names the pushed digest)`);
    }
    if (o.pinDigest && !push)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('pin-digest: only with a push (build-context, source-image or push: true); set pin-digest to false');
    checkCredentialInputs(o);
    const verify = !push && o.verifyImage !== 'false';
    const login = push || verify ? chooseLogin(o, ref, push) : { kind: 'none' };
    if (push && o.createRepository && (0,_ecr_host_js__WEBPACK_IMPORTED_MODULE_3__/* .parseEcrHost */ .wl)(ref.registry)?.public !== false) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`create-repository: only for ECR registries (<account>.dkr.ecr.<region>.amazonaws.com); ${ref.registry} is not one`);
    }
    return { ref, build, tag, push, verify, login };
}
function checkCredentialInputs(o) {
    const username = nonEmpty(o.registryUsername);
    const password = nonEmpty(o.registryPassword);
    if (o.registryAuth === 'basic' && (!username || !password)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('registry-auth basic: needs registry-username and registry-password (ECS_DELIVER_REGISTRY_PASSWORD or --registry-password-stdin)');
    }
    if (password && !username)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('registry-username: required with registry-password; set the user the password belongs to');
    if (username && !password) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('registry-password: required with registry-username; set ECS_DELIVER_REGISTRY_PASSWORD or pass --registry-password-stdin');
    }
    if ((o.registryAuth === 'ecr' || o.registryAuth === 'none') && (username || password)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`registry-username: not used with registry-auth ${o.registryAuth}; remove it, or set registry-auth basic`);
    }
}
function chooseLogin(o, ref, push) {
    const ecrHost = (0,_ecr_host_js__WEBPACK_IMPORTED_MODULE_3__/* .parseEcrHost */ .wl)(ref.registry);
    switch (o.registryAuth) {
        case 'none':
            return { kind: 'none' };
        case 'basic':
            return { kind: 'basic', username: o.registryUsername ?? '', password: o.registryPassword ?? '' };
        case 'ecr':
            if (ecrHost?.public)
                return { kind: 'ecr-public' };
            if (ecrHost)
                return { kind: 'ecr', region: ecrHost.region };
            if (!nonEmpty(o.region)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`registry-auth ecr: ${ref.registry} names no region; set region (or AWS_REGION) to the region of the ECR registry it stands for`);
            }
            return { kind: 'ecr', region: o.region ?? '' };
        case 'auto':
            // Pulls from public.ecr.aws need no login; pushes need an ECR Public token.
            if (ecrHost?.public)
                return push ? { kind: 'ecr-public' } : { kind: 'none' };
            if (ecrHost)
                return { kind: 'ecr', region: ecrHost.region };
            if (nonEmpty(o.registryUsername))
                return { kind: 'basic', username: o.registryUsername ?? '', password: o.registryPassword ?? '' };
            return { kind: 'client' };
    }
}
/**
 * The preflight: everything planImage checks, plus what the machine must have (the build context, the
 * Dockerfile, the container client). Reads only; changes nothing.
 */
function checkImageOptions(o, env = process.env) {
    const plan = planImage(o);
    if (plan.build)
        checkBuildFiles(o);
    if (plan.build || plan.tag || plan.push)
        checkDockerCommand(o.dockerCommand, env);
    return plan;
}
function checkBuildFiles(o) {
    const context = o.buildContext ?? '';
    if (!isDirectory(context))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`build-context: directory "${context}" not found; give the directory to build in`);
    if (o.dockerfile !== undefined && o.dockerfile !== '') {
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(o.dockerfile))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`dockerfile: "${o.dockerfile}" not found; give its path from the working directory`);
    }
    else if (!['Dockerfile', 'Containerfile'].some((name) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(context, name)))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`dockerfile: no Dockerfile in build-context "${context}"; add one or set dockerfile`);
    }
}
function checkDockerCommand(command, env) {
    if (command.trim() === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('docker-command: empty; set it to docker or podman');
    if (/\s/.test(command)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`docker-command: "${command}" is a command line; give one executable such as docker or podman (no sudo, no arguments)`);
    }
    if ((0,_runner_js__WEBPACK_IMPORTED_MODULE_5__/* .findExecutable */ .o)(command, env) === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`docker-command: "${command}" was not found on PATH; install it or set docker-command to the client to run`);
    }
}
function optionValue(o, name) {
    const value = { dockerfile: o.dockerfile, target: o.target, platform: o.platform }[name];
    return value === undefined || value === '' ? undefined : value;
}
function nonEmpty(value) {
    return value !== undefined && value !== '';
}
function isDirectory(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path).isDirectory();
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 2939:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  prepareImage: () => (/* binding */ prepareImage)
});

// UNUSED EXPORTS: checkImageOptions

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
// EXTERNAL MODULE: ./src/image/reference.ts
var reference = __webpack_require__(3564);
;// CONCATENATED MODULE: ./src/image/docker-config.ts
// A private DOCKER_CONFIG for one run: `docker login` writes the registry password there, never into the
// user's own config, and the directory is removed when the run ends, on failure too.




// Client state the build may need (plugins such as buildx, contexts, builders); linked, never copied or changed.
const LINKED_ENTRIES = ['cli-plugins', 'contexts', 'buildx'];
const DOCKER_HUB_KEYS = new Set([reference/* DOCKER_HUB */.Xb, 'index.docker.io', 'registry-1.docker.io']);
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
            if (!hasInlineAuth(value) && !(key in credHelpers))
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
    const remove = () => (0,promises_.rm)(dir, { recursive: true, force: true });
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










async function prepareImage(deps, o) {
    const env = deps.env ?? process.env;
    const secrets = new SecretRegistry(deps.reporter);
    // Masked whether or not this run uses it (an ECR host takes a token instead under registry-auth auto).
    if (o.registryPassword !== undefined)
        secrets.add(o.registryPassword, o.registryUsername);
    const plan = (0,options.checkImageOptions)(o, env);
    const unchanged = { image: o.image, pushed: false, pushedNewDigest: false };
    if (plan.ref === undefined || !(plan.push || plan.verify || plan.build || plan.tag))
        return unchanged;
    const host = (0,ecr_host/* parseEcrHost */.wl)(plan.ref.registry);
    const ctx = { deps, o, plan, ref: plan.ref, ecrHost: host?.public === false ? host : undefined, secrets, env };
    // Read only, so it runs in a dry run too, and before anything local changes.
    if (plan.verify)
        await verifyImage(ctx);
    if (o.dryRun) {
        reportDryRun(ctx);
        return unchanged;
    }
    if (!plan.push) {
        await buildOrTag(ctx, {});
        return unchanged;
    }
    return publish(ctx);
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
function reportDryRun(ctx) {
    const { o, plan, ref, ecrHost } = ctx;
    const say = (line) => ctx.deps.reporter.info(`Dry run: would ${line}.`);
    const target = (0,reference/* pushReference */.Sx)(ref);
    if (plan.push && o.createRepository && ecrHost)
        say(`create ECR repository ${ref.repository} in ${ecrHost.region} if it is missing`);
    if (plan.push && (plan.login.kind === 'ecr' || plan.login.kind === 'ecr-public' || plan.login.kind === 'basic'))
        say(`log in to ${ref.registry} (${describeLogin(plan.login)})`);
    if (plan.build)
        say(`build ${o.buildContext ?? ''} as ${target}`);
    if (plan.tag)
        say(`tag ${o.sourceImage ?? ''} as ${target}`);
    if (plan.push)
        say(`push ${target}${o.pinDigest ? ' and name its digest in the task definition' : ''}`);
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
                ...(deps.tempRoot !== undefined ? { tempRoot: deps.tempRoot } : {}),
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
function describeLogin(login) {
    if (login.kind === 'ecr-public')
        return 'ECR Public token from us-east-1';
    return login.kind === 'ecr' ? `ECR token from ${login.region}` : login.kind === 'basic' ? `as ${login.username}` : login.kind;
}
function lastLines(text, count = 5) {
    const lines = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
    return lines.slice(-count).join(' | ') || 'no output';
}
/** Drops undefined values, for optional properties under exactOptionalPropertyTypes. */
function definedOnly(values) {
    return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== ''));
}


/***/ }),

/***/ 3564:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AA: () => (/* binding */ tagOrDigest),
/* harmony export */   Sx: () => (/* binding */ pushReference),
/* harmony export */   Xb: () => (/* binding */ DOCKER_HUB),
/* harmony export */   hQ: () => (/* binding */ withDigest),
/* harmony export */   jW: () => (/* binding */ isLoopbackRegistry),
/* harmony export */   o_: () => (/* binding */ parseImageReference),
/* harmony export */   vO: () => (/* binding */ registryApiBase)
/* harmony export */ });
/* unused harmony exports canonicalName, formatReference, pushTag */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
// Image references as docker reads them: [registry/]repository[:tag][@algorithm:hex].

const DOCKER_HUB = 'docker.io';
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z][a-z0-9]*(?:[-_+.][a-z][a-z0-9]*)*:[0-9a-f]{32,}$/;
const SHA256 = /^sha256:[0-9a-f]{64}$/;
const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::\d{1,5})?$/;
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
function parseImageReference(reference, input = 'image') {
    const invalid = (why) => new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${input}: "${reference}" is not an image reference (${why}); write [registry/]repository[:tag][@sha256:...]`);
    const text = reference.trim();
    if (text === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`${input}: empty; give an image reference such as registry/repository:tag`);
    const at = text.indexOf('@');
    const beforeDigest = at === -1 ? text : text.slice(0, at);
    const digest = at === -1 ? undefined : text.slice(at + 1);
    if (digest !== undefined && !(DIGEST.test(digest) && (!digest.startsWith('sha256:') || SHA256.test(digest)))) {
        throw invalid('the digest must be sha256: and 64 lowercase hex digits');
    }
    const lastSlash = beforeDigest.lastIndexOf('/');
    const lastColon = beforeDigest.lastIndexOf(':');
    const hasTag = lastColon > lastSlash;
    const name = hasTag ? beforeDigest.slice(0, lastColon) : beforeDigest;
    const tag = hasTag ? beforeDigest.slice(lastColon + 1) : undefined;
    if (tag !== undefined && !TAG.test(tag))
        throw invalid(`tag "${tag}" has characters a tag cannot have`);
    const parts = name.split('/');
    const first = parts[0] ?? '';
    const namesRegistry = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase());
    let registry = namesRegistry ? first : DOCKER_HUB;
    let path = namesRegistry ? parts.slice(1) : parts;
    if (namesRegistry && !HOST.test(registry))
        throw invalid(`"${registry}" is not a registry host`);
    if (DOCKER_HUB_ALIASES.has(registry.toLowerCase()))
        registry = DOCKER_HUB;
    if (registry === DOCKER_HUB && path.length === 1)
        path = ['library', ...path];
    const bad = path.find((component) => !COMPONENT.test(component));
    if (bad !== undefined)
        throw invalid(`"${bad}" must be lowercase letters, digits and . _ - separators`);
    const repository = path.join('/');
    if (registry.length + 1 + repository.length > 255)
        throw invalid('the name is longer than 255 characters');
    return { registry, repository, name, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}
/** registry/repository, always with the registry: unambiguous for docker and podman alike. */
function canonicalName(ref) {
    return `${ref.registry}/${ref.repository}`;
}
function formatReference(ref) {
    return `${canonicalName(ref)}${ref.tag !== undefined ? `:${ref.tag}` : ''}${ref.digest !== undefined ? `@${ref.digest}` : ''}`;
}
/** The tag to build, tag and push under: docker's own default when none is written. */
function pushTag(ref) {
    return ref.tag ?? 'latest';
}
function pushReference(ref) {
    return `${canonicalName(ref)}:${pushTag(ref)}`;
}
/** What to ask the registry for: the digest when the reference pins one, else the tag. */
function tagOrDigest(ref) {
    return ref.digest ?? pushTag(ref);
}
/** The name as the user wrote it, pinned to `digest` (the tag is dropped: the digest alone names the image). */
function withDigest(reference, digest) {
    const ref = typeof reference === 'string' ? parseImageReference(reference) : reference;
    return `${ref.name}@${digest}`;
}
function isLoopbackRegistry(registry) {
    const host = registry.replace(/:\d+$/, '').toLowerCase();
    return host === 'localhost' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}
/** Base URL of the registry's HTTP API: plain http only for loopback registries. */
function registryApiBase(registry) {
    if (registry === DOCKER_HUB)
        return 'https://registry-1.docker.io';
    return `${isLoopbackRegistry(registry) ? 'http' : 'https'}://${registry}`;
}


/***/ }),

/***/ 8107:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ spawnRunner),
/* harmony export */   o: () => (/* binding */ findExecutable)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
// The container client runs behind this interface: always an executable and an argument array, never a shell
// string, and a password only ever on stdin. Component tests hand in a fake that records every call.




// Build logs can run to megabytes; what follows a failure or a push digest is at the end.
const KEPT_OUTPUT = 256 * 1024;
function spawnRunner(baseEnv = process.env) {
    return {
        run: (command, args, options = {}) => new Promise((resolve, reject) => {
            const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, [...args], {
                env: { ...baseEnv, ...options.env },
                stdio: ['pipe', 'pipe', 'pipe'],
                shell: false,
                ...(options.signal ? { signal: options.signal } : {}),
            });
            const stdout = lineCollector('stdout', options.onLine);
            const stderr = lineCollector('stderr', options.onLine);
            child.stdout.setEncoding('utf8').on('data', stdout.push);
            child.stderr.setEncoding('utf8').on('data', stderr.push);
            child.on('error', (error) => {
                if (error.code === 'ENOENT') {
                    reject(new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(`docker-command: "${command}" was not found on PATH; install it or set docker-command to the client to run`));
                }
                else {
                    reject(error);
                }
            });
            child.on('close', (code, signal) => {
                resolve({ exitCode: code ?? (signal ? 128 : 1), stdout: stdout.end(), stderr: stderr.end() });
            });
            child.stdin.on('error', () => undefined);
            child.stdin.end(options.stdin ?? '');
        }),
    };
}
function lineCollector(stream, onLine) {
    let kept = '';
    let partial = '';
    return {
        push: (text) => {
            kept = (kept + text).slice(-KEPT_OUTPUT);
            if (!onLine)
                return;
            const lines = (partial + text).split(/\r?\n/);
            partial = lines.pop() ?? '';
            for (const line of lines)
                onLine(line, stream);
        },
        end: () => {
            if (onLine && partial !== '')
                onLine(partial, stream);
            partial = '';
            return kept;
        },
    };
}
/** The path `command` runs from, or undefined when it cannot be found (as the shell would look it up). */
function findExecutable(command, env = process.env) {
    const candidates = command.includes('/') || (0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(command)
        ? [command]
        : (env['PATH'] ?? '').split(node_path__WEBPACK_IMPORTED_MODULE_2__.delimiter).filter((dir) => dir !== '').map((dir) => (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, command));
    return candidates.find(isExecutableFile);
}
function isExecutableFile(path) {
    try {
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(path).isFile())
            return false;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.accessSync)(path, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}


/***/ })

};
