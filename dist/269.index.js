export const id = 269;
export const ids = [269];
export const modules = {

/***/ 3269:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ecrApiFor: () => (/* binding */ ecrApiFor)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3511);
/* harmony import */ var _clients_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2477);
/* harmony import */ var _ecr_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9644);



/** ECR in the region a registry host names, with the run's credentials and endpoint settings. */
function ecrApiFor(session, region) {
    return (0,_ecr_js__WEBPACK_IMPORTED_MODULE_1__/* .ecrApi */ .B)(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_2__/* .ECRClient */ .S70((0,_clients_js__WEBPACK_IMPORTED_MODULE_0__.clientConfig)({ ...session.options, region })), session.options.signal);
}


/***/ }),

/***/ 9644:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ ecrApi),
/* harmony export */   I: () => (/* binding */ decodeAuthorization)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3511);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4533);
// The ECR calls ecs-deliver makes, behind one small interface so the image steps take it as a parameter and
// tests hand in aws-sdk-client-mock or a plain object.


/** `signal` aborts every call in flight (the run's cancel). */
function ecrApi(client, signal) {
    const sendOptions = signal ? { abortSignal: signal } : {};
    return {
        async getAuthorizationToken() {
            const out = await client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__/* .GetAuthorizationTokenCommand */ .Eu6({}), sendOptions);
            const data = out.authorizationData?.[0];
            return decodeAuthorization('ECR', data?.authorizationToken, data?.proxyEndpoint ?? '', data?.expiresAt);
        },
        async describeImage(repository, tagOrDigest, registryId) {
            const imageId = tagOrDigest.startsWith('sha256:') ? { imageDigest: tagOrDigest } : { imageTag: tagOrDigest };
            try {
                const out = await client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__/* .DescribeImagesCommand */ .ji5({
                    repositoryName: repository,
                    imageIds: [imageId],
                    ...(registryId !== undefined ? { registryId } : {}),
                }), sendOptions);
                const digest = out.imageDetails?.[0]?.imageDigest;
                if (digest)
                    return { found: true, digest };
                return { found: false, reason: 'image-not-found', message: `no image ${tagOrDigest} in repository ${repository}` };
            }
            catch (error) {
                if (isNamed(error, 'ImageNotFoundException'))
                    return { found: false, reason: 'image-not-found', message: (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error) };
                if (isNamed(error, 'RepositoryNotFoundException'))
                    return { found: false, reason: 'repository-not-found', message: (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error) };
                throw error;
            }
        },
        async createRepositoryIfMissing(repository, registryId) {
            const registry = registryId !== undefined ? { registryId } : {};
            try {
                await client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__/* .DescribeRepositoriesCommand */ .pE_({ repositoryNames: [repository], ...registry }), sendOptions);
                return false;
            }
            catch (error) {
                if (!isNamed(error, 'RepositoryNotFoundException'))
                    throw error;
            }
            try {
                await client.send(new _aws_sdk_client_ecr__WEBPACK_IMPORTED_MODULE_1__/* .CreateRepositoryCommand */ .WTe({
                    repositoryName: repository,
                    imageScanningConfiguration: { scanOnPush: true },
                    ...registry,
                }), sendOptions);
                return true;
            }
            catch (error) {
                // Another pipeline created it between the two calls.
                if (isNamed(error, 'RepositoryAlreadyExistsException'))
                    return false;
                throw error;
            }
        },
    };
}
// By name rather than instanceof: an error deserialised by another copy of the SDK is still recognised.
function isNamed(error, name) {
    return error instanceof Error && error.name === name;
}
/** The base64 `user:password` token ECR and ECR Public answer, split into a login. */
function decodeAuthorization(service, token, proxyEndpoint, expiresAt) {
    if (!token)
        throw new Error(`${service} GetAuthorizationToken answered no authorization data`);
    const decoded = Buffer.from(token, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0)
        throw new Error(`${service} GetAuthorizationToken answered a token that is not user:password`);
    return {
        username: decoded.slice(0, colon),
        password: decoded.slice(colon + 1),
        proxyEndpoint,
        ...(expiresAt ? { expiresAt } : {}),
    };
}


/***/ })

};
