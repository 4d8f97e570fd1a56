// The session's CodeDeploy clients, configured like its ECS ones: timeouts, SDK retries on reads, one attempt for
// each change. Loaded only for a service whose deployment controller is CODE_DEPLOY.
import { CodeDeployClient } from '@aws-sdk/client-codedeploy';
import { codeDeployApisOn, type CodeDeployApis } from './codedeploy-api.js';
import { addAnswerRules, clientConfig, type SessionOptions } from './client-config.js';

export function codeDeployApis(options: SessionOptions): CodeDeployApis {
  const reads = new CodeDeployClient(clientConfig(options));
  addAnswerRules(reads, options, { retryGarbled: true });
  const changes = new CodeDeployClient(clientConfig({ ...options, maxAttempts: 1 }));
  addAnswerRules(changes, options, { retryGarbled: false });
  return codeDeployApisOn(reads, changes, options.signal);
}
