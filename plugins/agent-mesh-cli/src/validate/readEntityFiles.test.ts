import { resolve as resolvePath } from 'node:path';
import {
  parseEntityYaml,
  readEntityFile,
  readEntityFiles,
} from './readEntityFiles';
import { fixturesDir } from '../__testUtils__/testUtils';

describe('parseEntityYaml', () => {
  it('returns each non-empty document with its position in the file', () => {
    const text = [
      '# a comment before the first document',
      'kind: A',
      '---',
      '---',
      '# only a comment',
      '---',
      'kind: B',
      '---',
      '~',
      '---',
      '',
    ].join('\n');
    expect(parseEntityYaml('f.yaml', text)).toEqual({
      file: 'f.yaml',
      documents: [
        { index: 1, value: { kind: 'A' } },
        { index: 4, value: { kind: 'B' } },
      ],
    });
  });

  it('keeps documents that are not objects, for the validator to report', () => {
    expect(parseEntityYaml('f.yaml', '- a\n- b\n')).toEqual({
      file: 'f.yaml',
      documents: [{ index: 1, value: ['a', 'b'] }],
    });
  });

  it('resolves anchors and aliases', () => {
    const text = 'a: &x { b: 1 }\nc: *x\n';
    expect(parseEntityYaml('f.yaml', text).documents).toEqual([
      { index: 1, value: { a: { b: 1 }, c: { b: 1 } } },
    ]);
  });

  it('reports a YAML error with its line, and no documents', () => {
    expect(parseEntityYaml('f.yaml', 'a: 1\nb: [unclosed\nc: 2\n')).toEqual({
      file: 'f.yaml',
      error: expect.stringMatching(
        /^invalid YAML: .* at line \d+, column \d+$/,
      ),
    });
  });

  it('reports duplicate keys, as the catalog does', () => {
    expect(parseEntityYaml('f.yaml', 'a: 1\na: 2\n')).toEqual({
      file: 'f.yaml',
      error: 'invalid YAML: Map keys must be unique at line 2, column 1',
    });
  });

  it('reports an error in a later document for the whole file', () => {
    const result = parseEntityYaml('f.yaml', 'a: 1\n---\nb: [\n');
    expect(result.documents).toBeUndefined();
    expect(result.error).toMatch(/^invalid YAML: /);
  });

  it('has nothing for an empty file', () => {
    expect(parseEntityYaml('f.yaml', '')).toEqual({
      file: 'f.yaml',
      documents: [],
    });
  });
});

describe('readEntityFile', () => {
  it('reads a file relative to cwd and names it as given', async () => {
    const result = await readEntityFile('good-agent.yaml', {
      cwd: fixturesDir,
    });
    expect(result.file).toBe('good-agent.yaml');
    expect(result.documents).toEqual([
      {
        index: 1,
        value: expect.objectContaining({
          kind: 'Agent',
          metadata: expect.objectContaining({ name: 'support-bot' }),
        }),
      },
    ]);
  });

  it('reads an absolute path', async () => {
    const file = resolvePath(fixturesDir, 'good-multi-document.yaml');
    const result = await readEntityFile(file, { cwd: '/' });
    expect(result.documents?.map(d => d.index)).toEqual([1, 2, 5, 6, 7]);
  });

  it('reports a file that cannot be read', async () => {
    expect(await readEntityFile('missing.yaml', { cwd: fixturesDir })).toEqual({
      file: 'missing.yaml',
      error: expect.stringMatching(
        /^cannot read file: ENOENT: no such file or directory/,
      ),
    });
  });
});

describe('readEntityFiles', () => {
  it('keeps the order of the files', async () => {
    const results = await readEntityFiles(
      [
        'good-component-built-by.yaml',
        'bad-invalid-yaml.txt',
        'good-agent.yaml',
      ],
      { cwd: fixturesDir },
    );
    expect(results.map(r => [r.file, r.error === undefined])).toEqual([
      ['good-component-built-by.yaml', true],
      ['bad-invalid-yaml.txt', false],
      ['good-agent.yaml', true],
    ]);
  });
});
