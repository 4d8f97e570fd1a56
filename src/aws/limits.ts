// How long one AWS call may take. An ECS or ECR endpoint connects in well under a second and answers these small
// calls in one or two; a call that takes longer has hung. Short caps let the SDK (reads) or the read-back (changes)
// try again within a few seconds, so that even five hung attempts fit well inside a wait-timeout of minutes.
export const CONNECT_TIMEOUT_MS = 3_000;
/** Headers and body together: an answer that trickles in cannot stretch it. */
export const RESPONSE_TIMEOUT_MS = 10_000;
