import { readdirSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { runValidate } from './runValidate';
import { captureOutput, fixturesDir } from '../__testUtils__/testUtils';

async function validate(files: string[], cwd = fixturesDir) {
  const output = captureOutput();
  const code = await runValidate(files, output, { cwd });
  return {
    code,
    stdout: output.stdoutLines(),
    stderr: output.stderrLines(),
  };
}

describe('runValidate', () => {
  it.each([
    ['good-agent.yaml', 'the 1 entity in 1 file is valid'],
    ['good-ai-artifact.yaml', 'the 1 entity in 1 file is valid'],
    ['good-component-built-by.yaml', 'the 1 entity in 1 file is valid'],
    ['good-multi-document.yaml', 'all 5 entities in 1 file are valid'],
  ])('accepts %s', async (file, summary) => {
    expect(await validate([file])).toEqual({
      code: 0,
      stdout: [],
      stderr: [summary],
    });
  });

  it('accepts all good files together', async () => {
    expect(
      await validate([
        'good-agent.yaml',
        'good-ai-artifact.yaml',
        'good-component-built-by.yaml',
        'good-multi-document.yaml',
      ]),
    ).toEqual({
      code: 0,
      stdout: [],
      stderr: ['all 8 entities in 4 files are valid'],
    });
  });

  it.each([
    [
      'bad-ai-artifact-no-owner.yaml',
      'bad-ai-artifact-no-owner.yaml: aiartifact:default/ownerless-tool: AiArtifact spec.owner is required',
    ],
    [
      'bad-built-by-ref.yaml',
      'bad-built-by-ref.yaml: aiartifact:default/spaced-agent-ref: AiArtifact spec.builtBy[1] "agent:default/a b" is not a valid entity reference',
    ],
    [
      'bad-lifecycle.yaml',
      'bad-lifecycle.yaml: aiartifact:default/live-tool: AiArtifact spec.lifecycle must be one of proposed, experimental, production, deprecated',
    ],
    [
      'bad-agent-external-ids.yaml',
      'bad-agent-external-ids.yaml: agent:default/lonely-bot: Agent spec.externalIds must be a list',
    ],
    [
      'bad-component-no-owner.yaml',
      "bad-component-no-owner.yaml: component:default/orphan-service: /spec must have required property 'owner' - missingProperty: owner",
    ],
    [
      'bad-built-by-annotation.yaml',
      'bad-built-by-annotation.yaml: component:default/team-built-service: Component metadata.annotations["agent-mesh.io/built-by"] "group:default/platform" must refer to an Agent',
    ],
    [
      'bad-unknown-kind.yaml',
      'bad-unknown-kind.yaml: robot:default/r2: unknown kind "Robot" (apiVersion "agent-mesh.io/v1alpha1")',
    ],
    [
      'bad-name-with-spaces.yaml',
      'bad-name-with-spaces.yaml: component:default/my service: "metadata.name" is not valid; expected a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total but found "my service". To learn more about catalog file format, visit: https://github.com/backstage/backstage/blob/master/docs/architecture-decisions/adr002-default-catalog-file-format.md',
    ],
  ])('rejects %s', async (file, line) => {
    expect(await validate([file])).toEqual({
      code: 1,
      stdout: [line],
      stderr: ['1 problem in 1 of 1 entity (1 file)'],
    });
  });

  it('rejects a file that is not valid YAML, naming the file and the line', async () => {
    expect(await validate(['bad-invalid-yaml.txt'])).toEqual({
      code: 1,
      stdout: [
        'bad-invalid-yaml.txt: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] at line 7, column 1',
      ],
      stderr: ['1 problem in 0 of 0 entities (1 file, 1 unreadable)'],
    });
  });

  it('rejects a file that does not exist', async () => {
    const result = await validate(['good-agent.yaml', 'missing.yaml']);
    expect(result.code).toBe(1);
    expect(result.stdout).toEqual([
      expect.stringMatching(
        /^missing\.yaml: cannot read file: ENOENT: no such file or directory/,
      ),
    ]);
    expect(result.stderr).toEqual([
      '1 problem in 0 of 1 entity (2 files, 1 unreadable)',
    ]);
  });

  it('reports problems in file order and counts them', async () => {
    expect(
      await validate([
        'good-multi-document.yaml',
        'bad-lifecycle.yaml',
        'good-agent.yaml',
        'bad-unknown-kind.yaml',
      ]),
    ).toEqual({
      code: 1,
      stdout: [
        'bad-lifecycle.yaml: aiartifact:default/live-tool: AiArtifact spec.lifecycle must be one of proposed, experimental, production, deprecated',
        'bad-unknown-kind.yaml: robot:default/r2: unknown kind "Robot" (apiVersion "agent-mesh.io/v1alpha1")',
      ],
      stderr: ['2 problems in 2 of 8 entities (4 files)'],
    });
  });

  it('prints the file as given', async () => {
    const file = resolvePath(fixturesDir, 'bad-unknown-kind.yaml');
    expect((await validate([file], '/')).stdout).toEqual([
      `${file}: robot:default/r2: unknown kind "Robot" (apiVersion "agent-mesh.io/v1alpha1")`,
    ]);
  });

  it('checks an MCP server.json by the rules of the mcp-server-json location type', async () => {
    expect(await validate(['good-weather.server.json'])).toEqual({
      code: 0,
      stdout: [],
      stderr: ['the 1 server.json in 1 file is valid'],
    });
    expect(
      await validate([
        'good-agent.yaml',
        'bad-remote-without-url.server.json',
        'good-weather.server.json',
      ]),
    ).toEqual({
      code: 1,
      stdout: [
        'bad-remote-without-url.server.json: server.json remotes[0].url is required',
        'bad-remote-without-url.server.json: server.json version "latest" must be a specific version, not a range or "latest"',
      ],
      stderr: [
        '2 problems in 1 of 1 entity and 2 server.json documents (3 files)',
      ],
    });
  });

  it('says so when the files hold no entities', async () => {
    expect(await validate([])).toEqual({
      code: 0,
      stdout: [],
      stderr: ['no entities found in 0 files'],
    });
  });
});

describe('the MCP server.json documents in examples/mcp', () => {
  it('are valid', async () => {
    const mcpDir = resolvePath(__dirname, '../../../../examples/mcp');
    const files = readdirSync(mcpDir).filter(name =>
      name.endsWith('.server.json'),
    );
    expect(files.length).toBeGreaterThan(0);
    const result = await validate(files, mcpDir);
    expect(result.stdout).toEqual([]);
    expect(result.code).toBe(0);
  });
});

describe('the demo organisation in examples/', () => {
  const examplesDir = resolvePath(__dirname, '../../../../examples');
  const files = readdirSync(examplesDir)
    .filter(name => name.endsWith('.yaml'))
    .sort();

  it('has entity files', () => {
    expect(files).toEqual(expect.arrayContaining(['all.yaml', 'org.yaml']));
  });

  it('is valid', async () => {
    const result = await validate(files, examplesDir);
    expect(result.stdout).toEqual([]);
    expect(result.stderr).toEqual([
      expect.stringMatching(
        new RegExp(`^all \\d+ entities in ${files.length} files are valid$`),
      ),
    ]);
    expect(result.code).toBe(0);
  });
});
