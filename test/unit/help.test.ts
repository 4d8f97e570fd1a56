import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { HELP_EXAMPLES, helpText } from '../../src/cli/help.js';
import { parseArgv } from '../../src/inputs/sources.js';
import { shellCommands } from '../support/documented-commands.js';
import { EXIT } from '../../src/errors.js';
import { GROUP_TITLES, INPUTS, envName } from '../../src/inputs/schema.js';

const plain = helpText({ color: false, version: '9.8.7' });
const colored = helpText({ color: true, version: '9.8.7' });
const ESC = '\u001b[';

/** The lines of one input's entry: its flag line up to the next flag line. */
function entryOf(text: string, flag: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`  ${flag}`));
  if (start === -1) return '';
  const end = lines.findIndex((line, i) => i > start && !line.startsWith('      '));
  return lines.slice(start, end).join('\n');
}

describe('helpText', () => {
  test('starts with five examples, then what each kind of run needs, before the inputs', () => {
    const lines = plain.split('\n');
    expect(lines.indexOf('Examples')).toBe(4);
    expect(HELP_EXAMPLES).toHaveLength(5);
    const examples = lines.slice(lines.indexOf('Examples') + 1, lines.indexOf('What each kind of run needs'));
    expect(examples.filter((line) => /^ {2}\S/.test(line))).toEqual(HELP_EXAMPLES.map((example) => `  ${example.title}`));
    const needs = plain.slice(plain.indexOf('What each kind of run needs'), plain.indexOf('\nUsage\n'));
    for (const input of ['service', 'task-definition-arn', 'family', 'build-context', 'run-task-command', 'services-file', 'region']) expect(needs).toContain(input);
    expect(lines.indexOf('What each kind of run needs')).toBeLessThan(lines.indexOf('Usage'));
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(100);
  });

  test.each(HELP_EXAMPLES.map((example) => [example.title, example.command] as const))('the example "%s" is one call of known flags', (_title, command) => {
    const calls = shellCommands(command);
    expect(calls).toHaveLength(1);
    expect(() => parseArgv(calls[0] ?? [], {})).not.toThrow();
  });

  test('names the version', () => {
    expect(plain.split('\n')[0]).toBe('ecs-deliver 9.8.7');
  });

  test('lists the groups in schema order, each under its title', () => {
    const positions = Object.values(GROUP_TITLES).map((title) => plain.split('\n').indexOf(title));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  test.each(INPUTS.filter((input) => !input.secret).map((input) => [input.name, input] as const))(
    '--%s: flag, description, env name and default under its group',
    (name, input) => {
      const entry = entryOf(plain, `--${name} `);
      expect(entry).not.toBe('');
      expect(entry.replace(/\s+/g, ' ')).toContain(input.description);
      expect(entry).toContain(`env: ${envName(name)}`);
      const flagLine = entry.split('\n')[0] ?? '';
      if (input.default !== '') expect(flagLine).toContain(`default: ${input.default}`);
      else expect(flagLine).not.toContain('default:');
      const lines = plain.split('\n');
      const groupLine = lines.indexOf(GROUP_TITLES[input.group]);
      const entryLine = lines.findIndex((line) => line.startsWith(`  --${name} `));
      const nextGroup = lines.findIndex((line, i) => i > groupLine && /^[A-Z]/.test(line));
      expect(entryLine).toBeGreaterThan(groupLine);
      expect(entryLine).toBeLessThan(nextGroup === -1 ? lines.length : nextGroup);
    },
  );

  test.each(INPUTS.filter((input) => input.secret).map((input) => [input.name] as const))(
    'secret %s is shown only as --%s-stdin and its env name, never as a value flag',
    (name) => {
      expect(plain).not.toMatch(new RegExp(`--${name} `));
      expect(entryOf(plain, `--${name}-stdin`)).toContain(`env: ${envName(name)}`);
    },
  );

  test('states the range of numbers and the unit of durations, from the schema', () => {
    expect(entryOf(plain, '--desired-count ')).toContain('(whole number 0 to 2147483647)');
    expect(entryOf(plain, '--wait-timeout ')).toContain('(duration with a unit: 90s, 15m, 1h; default: 30m)');
    expect(plain).toContain('ECS_DELIVER_HOST=github|gitlab|shell');
  });

  test('lists choices and marks booleans as bare flags', () => {
    expect(entryOf(plain, '--registry-auth ')).toContain('one of: auto, ecr, basic, none; default: auto');
    expect(entryOf(plain, '--network-mode ')).toContain('one of: bridge, host, awsvpc, none)');
    expect(plain).toContain('  --wait [true|false]');
  });

  test.each([['--json'], ['--help'], ['--version']])('documents %s', (flag) => {
    expect(plain).toMatch(new RegExp(`^ {2}(-\\w, )?${flag} +\\S`, 'm'));
  });

  test.each(Object.entries(EXIT))('documents exit code %s (%i)', (_name, code) => {
    const section = plain.slice(plain.indexOf('Exit codes'));
    expect(section).toMatch(new RegExp(`^ {2}${code} +\\S`, 'm'));
  });

  test('without color there is no escape sequence; with color the same text is painted', () => {
    expect(plain).not.toContain(ESC);
    expect(colored).toContain(ESC);
    // eslint-disable-next-line no-control-regex
    expect(colored.replace(/\u001b\[\d+m/g, '')).toBe(plain);
  });

  test('every line fits in 100 columns', () => {
    for (const line of plain.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
  });

  test('the module imports the schema only, so --help loads nothing else', () => {
    const source = readFileSync('src/cli/help.ts', 'utf8');
    const imports = [...source.matchAll(/^import .* from '([^']+)';$/gm)].map((match) => match[1]);
    expect(imports).toEqual(['../inputs/schema.js']);
  });
});
