// The run-task-* inputs and outputs as the input schema holds them (group "run-task", titled "One-off task").
import { INPUTS, OUTPUTS } from '../inputs/schema.js';

export const RUN_TASK_INPUTS = INPUTS.filter((spec) => spec.group === 'run-task');

export const RUN_TASK_OUTPUTS = OUTPUTS.filter((spec) => spec.name.startsWith('run-task-'));
