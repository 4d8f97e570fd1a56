export const id = 628;
export const ids = [628];
export const modules = {

/***/ 7628:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   expressApisOn: () => (/* binding */ expressApisOn)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(212);
/* harmony import */ var _change_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1149);
// The ECS Express Mode calls, on the session's ECS clients: reads go through the SDK's retries and are aborted by
// the run's cancel (or, for `afterCancel`, only once the run has ended); each change is one SDK attempt aborted only
// by the signal it is given, sent through aws/change.ts by its caller (see express/changes.ts).


/** The Express calls on the session's clients: `reads` with the SDK's retries, `changes` with one attempt each. */
function expressApisOn(reads, changes, signal) {
    return { api: expressCalls(reads, changes, signal), afterCancel: expressCalls(reads, changes, _change_js__WEBPACK_IMPORTED_MODULE_0__/* .endOfRun */ .q_) };
}
function expressCalls(reads, changes, readSignal) {
    const readOptions = readSignal ? { abortSignal: readSignal } : {};
    const changeOptions = (signal) => (signal ? { abortSignal: signal } : {});
    return {
        async describe(serviceArn) {
            const out = await reads.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .DescribeExpressGatewayServiceCommand */ .UMo({ serviceArn, include: ['TAGS'] }), readOptions);
            return out.service;
        },
        async create(input, signal) {
            return (await changes.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .CreateExpressGatewayServiceCommand */ .vER(input), changeOptions(signal))).service;
        },
        async update(input, signal) {
            return (await changes.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .UpdateExpressGatewayServiceCommand */ .omG(input), changeOptions(signal))).service;
        },
        async tag(resourceArn, tags, signal) {
            const command = new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .TagResourceCommand */ .eqU({ resourceArn, tags: tags.map((tag) => ({ key: tag.key, value: tag.value })) });
            await changes.send(command, changeOptions(signal));
        },
        async untag(resourceArn, keys, signal) {
            await changes.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .UntagResourceCommand */ .RP$({ resourceArn, tagKeys: [...keys] }), changeOptions(signal));
        },
    };
}


/***/ })

};
