import { entityLabel } from './entityLabel';

describe('entityLabel', () => {
  it('writes the entity ref with the kind in lower case', () => {
    expect(
      entityLabel({ kind: 'AiArtifact', metadata: { name: 'foo' } }, 1),
    ).toBe('aiartifact:default/foo');
    expect(
      entityLabel(
        { kind: 'API', metadata: { name: 'bar', namespace: 'retail' } },
        1,
      ),
    ).toBe('api:retail/bar');
  });

  it('names the document when the entity has no name', () => {
    expect(entityLabel({ kind: 'Component', metadata: {} }, 3)).toBe(
      'component:default/<document 3>',
    );
    expect(entityLabel({ kind: 'Component' }, 2)).toBe(
      'component:default/<document 2>',
    );
    expect(entityLabel({ kind: 'Component', metadata: { name: 42 } }, 1)).toBe(
      'component:default/<document 1>',
    );
  });

  it('says when there is no kind, or no entity at all', () => {
    expect(entityLabel({ metadata: { name: 'x' } }, 1)).toBe(
      '<no kind>:default/x',
    );
    expect(entityLabel(['a list'], 4)).toBe('<no kind>:default/<document 4>');
  });
});
