export const id = 470;
export const ids = [470];
export const modules = {

/***/ 3470:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ecsTaskApi: () => (/* binding */ ecsTaskApi)
/* harmony export */ });
function ecsTaskApi(session) {
    return {
        runTask: (input, signal) => session.ecsAfterCancel.runTask(input, signal),
        describeTasks: (cluster, tasks) => session.ecs.describeTasks(cluster, tasks),
        stopTask: (cluster, task, reason) => session.ecsAfterCancel.stopTask(cluster, task, reason),
    };
}


/***/ })

};
