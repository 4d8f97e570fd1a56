// The CodeDeploy inputs, as given: the plan checks them against the application and deployment group.
export interface CodeDeployInputs {
  /** The AppSpec file; DEFAULT_APPSPEC when not set. */
  appspec: string;
  application: string;
  deploymentGroup: string;
  description: string;
  deploymentConfig: string;
}
