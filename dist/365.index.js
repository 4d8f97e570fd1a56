export const id = 365;
export const ids = [365];
export const modules = {

/***/ 9365:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ecrPublicClientFor: () => (/* binding */ ecrPublicClientFor),
/* harmony export */   ecrPublicToken: () => (/* binding */ ecrPublicToken)
/* harmony export */ });
/* unused harmony export ECR_PUBLIC_REGION */
/* harmony import */ var _aws_sdk_client_ecr_public__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9821);
/* harmony import */ var _clients_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5544);
/* harmony import */ var _ecr_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8663);
// public.ecr.aws takes tokens from ECR Public, a service of its own that answers only in us-east-1.



const ECR_PUBLIC_REGION = 'us-east-1';
/** `signal` aborts the call in flight (the run's cancel). */
async function ecrPublicToken(client, signal) {
    const out = await client.send(new _aws_sdk_client_ecr_public__WEBPACK_IMPORTED_MODULE_2__/* .GetAuthorizationTokenCommand */ .Eu({}), signal ? { abortSignal: signal } : {});
    const data = out.authorizationData;
    return (0,_ecr_js__WEBPACK_IMPORTED_MODULE_1__/* .decodeAuthorization */ .I)('ECR Public', data?.authorizationToken, 'https://public.ecr.aws', data?.expiresAt);
}
function ecrPublicClientFor(session) {
    const client = new _aws_sdk_client_ecr_public__WEBPACK_IMPORTED_MODULE_2__/* .ECRPUBLICClient */ .Rr((0,_clients_js__WEBPACK_IMPORTED_MODULE_0__/* .clientConfig */ .yO)({ ...session.options, region: ECR_PUBLIC_REGION }));
    (0,_clients_js__WEBPACK_IMPORTED_MODULE_0__/* .addAnswerRules */ .tC)(client, session.options, { retryGarbled: false });
    return client;
}


/***/ })

};
