import { resolve as resolvePath } from 'node:path';
import { main } from './main';
import { captureOutput, fixturesDir } from './__testUtils__/testUtils';

async function run(args: string[]) {
  const output = captureOutput();
  const code = await main(args, output);
  return { code, stdout: output.stdoutLines(), stderr: output.stderrLines() };
}

describe('main', () => {
  it.each([[['--help']], [['-h']], [['validate', '--help']]])(
    'prints the usage for %j and exits 0',
    async args => {
      const result = await run(args);
      expect(result.code).toBe(0);
      expect(result.stdout[0]).toBe(
        'Usage: agent-mesh validate <file.yaml | server.json...>',
      );
      expect(result.stderr).toEqual([]);
    },
  );

  it.each([
    [[], 'agent-mesh: no command given'],
    [['check', 'a.yaml'], 'agent-mesh: unknown command "check"'],
    [['validate'], 'agent-mesh: no files given'],
    [
      ['validate', '--strict', 'a.yaml'],
      'agent-mesh: unknown option "--strict"',
    ],
  ])('rejects %j with exit code 2 and the usage', async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toEqual([]);
    expect(result.stderr.slice(0, 2)).toEqual([
      message,
      'Usage: agent-mesh validate <file.yaml | server.json...>',
    ]);
  });

  it('validates the files', async () => {
    const good = resolvePath(fixturesDir, 'good-agent.yaml');
    const bad = resolvePath(fixturesDir, 'bad-lifecycle.yaml');
    expect(await run(['validate', good])).toEqual({
      code: 0,
      stdout: [],
      stderr: ['the 1 entity in 1 file is valid'],
    });
    expect(await run(['validate', good, bad])).toEqual({
      code: 1,
      stdout: [
        `${bad}: aiartifact:default/live-tool: AiArtifact spec.lifecycle must be one of proposed, experimental, production, deprecated`,
      ],
      stderr: ['1 problem in 1 of 2 entities (2 files)'],
    });
  });

  it.each([
    [['verify-export'], 'agent-mesh: no export file given'],
    [
      ['verify-export', 'a', 'b'],
      'agent-mesh: verify-export takes one export file',
    ],
    [
      ['verify-export', 'a', '--public-key'],
      'agent-mesh: --public-key needs a file or a PEM text',
    ],
    [
      ['verify-export', 'a', '--public-key', 'no-such-key.pem'],
      expect.stringMatching(
        /^agent-mesh: cannot read --public-key no-such-key.pem: ENOENT/,
      ),
    ],
    [
      ['verify-export', 'a', '--public-key', 'not a key -----BEGIN'],
      expect.stringMatching(
        /^agent-mesh: --public-key \(PEM text\) is not a public key in PEM/,
      ),
    ],
    [
      ['verify-export', 'a', '--require-signed'],
      'agent-mesh: --require-signed needs a --public-key',
    ],
    [
      ['verify-export', 'a', '--strict'],
      'agent-mesh: unknown option "--strict"',
    ],
  ])('rejects %j with exit code 2', async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr[0]).toEqual(message);
  });

  it('takes every argument after -- as a file', async () => {
    const result = await run(['validate', '--', '--help']);
    expect(result.code).toBe(1);
    expect(result.stdout).toEqual([
      expect.stringMatching(/^--help: cannot read file: ENOENT/),
    ]);
  });
});
