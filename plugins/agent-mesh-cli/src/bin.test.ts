import { spawnSync } from 'node:child_process';
import { resolve as resolvePath } from 'node:path';
import { fixturesDir } from './__testUtils__/testUtils';

const bin = resolvePath(__dirname, '../bin/agent-mesh');

function runBin(args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], {
    cwd: fixturesDir,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('bin/agent-mesh', () => {
  it('exits 0 for a good file', () => {
    const result = runBin(['validate', 'good-multi-document.yaml']);
    expect(result.stderr).toBe('all 5 entities in 1 file are valid\n');
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  }, 60_000);

  it('exits 1 and prints the problem for a bad file', () => {
    const result = runBin([
      'validate',
      'good-agent.yaml',
      'bad-ai-artifact-no-owner.yaml',
    ]);
    expect(result.stdout).toBe(
      'bad-ai-artifact-no-owner.yaml: aiartifact:default/ownerless-tool: AiArtifact spec.owner is required\n',
    );
    expect(result.stderr).toBe('1 problem in 1 of 2 entities (2 files)\n');
    expect(result.status).toBe(1);
  }, 60_000);

  it('exits 2 for a usage error', () => {
    const result = runBin([]);
    expect(result.stderr).toMatch(/^agent-mesh: no command given\n/);
    expect(result.status).toBe(2);
  }, 60_000);
});
