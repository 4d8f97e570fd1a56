import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseCommand } from '../../src/inputs/shell-words.js';

describe('parseCommand', () => {
  test.each<[string, string, string[]]>([
    ['plain words', 'npm run start', ['npm', 'run', 'start']],
    ['runs of blanks, tabs and newlines', '  a \t b\n c  ', ['a', 'b', 'c']],
    ['single quotes keep everything', `sh -c 'echo "$HOME" \\n'`, ['sh', '-c', 'echo "$HOME" \\n']],
    ['double quotes with escapes', 'echo "a \\"b\\" \\\\ \\$X \\` \\n"', ['echo', 'a "b" \\ $X ` \\n']],
    ['backslash outside quotes', 'echo a\\ b \\"c\\"', ['echo', 'a b', '"c"']],
    ['quotes join into one word', `--name='a b'"c d"e`, ['--name=a bc de']],
    ['empty quotes make an empty word', `a '' ""`, ['a', '', '']],
    ['line continuation', 'a \\\n  b "c\\\nd"', ['a', 'b', 'cd']],
    ['no expansion', 'echo $HOME ~ *.js', ['echo', '$HOME', '~', '*.js']],
    ['a comment starts only a word', 'run a#b # the rest', ['run', 'a#b']],
    ['JSON array', '["node", "server.js", "--port=80"]', ['node', 'server.js', '--port=80']],
    ['JSON array with blanks around', '  [ "a b", "" ] ', ['a b', '']],
    ['empty JSON array', '[]', []],
    ['nothing', '   ', []],
  ])('%s', (_name, text, expected) => {
    expect(parseCommand(text, 'command')).toEqual(expected);
  });

  test.each([
    ['unterminated single quote', `echo 'abc`, /^command: the single quote at character 6 is never closed/],
    ['unterminated double quote', 'echo "abc\\"', /^command: the double quote at character 6 is never closed/],
    ['lone trailing backslash', 'echo \\', /^command: ends with a lone backslash/],
    ['a pipe', 'cat x | grep y', /^command: '\|' at character 7 is a shell operator.*sh -c/],
    ['&&', 'migrate && start', /^command: '&' at character 9 is a shell operator/],
    ['a redirect', 'run >out', /^command: '>' at character 5/],
    ['[ but not JSON', '[ -f x ]', /^command: starts with '\[' but is not a JSON array/],
    ['a JSON array of non-strings', '["sleep", 10]', /^command: element 1 of the JSON array is not a string/],
  ])('rejects %s', (_name, text, message) => {
    expect(() => parseCommand(text, 'command')).toThrow(InputError);
    expect(() => parseCommand(text, 'command')).toThrow(message);
  });

  test('operators inside quotes are plain characters', () => {
    expect(parseCommand(`sh -c 'a && b | c > d'`, 'command')).toEqual(['sh', '-c', 'a && b | c > d']);
  });
});
