import { resolve as resolvePath } from 'node:path';
import { CliOutput } from '../io';

/** The fixture files of these tests. */
export const fixturesDir = resolvePath(__dirname, '../validate/__fixtures__');

/** Output that collects what a command writes, as lines. */
export function captureOutput(): CliOutput & {
  stdoutLines(): string[];
  stderrLines(): string[];
} {
  let stdout = '';
  let stderr = '';
  const lines = (text: string) => text.split('\n').filter(line => line !== '');
  return {
    stdout: {
      write(text: string) {
        stdout += text;
      },
    },
    stderr: {
      write(text: string) {
        stderr += text;
      },
    },
    stdoutLines: () => lines(stdout),
    stderrLines: () => lines(stderr),
  };
}
