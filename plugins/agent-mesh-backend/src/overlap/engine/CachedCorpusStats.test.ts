import { CachedCorpusStats } from './CachedCorpusStats';
import { CorpusStats } from './corpus';
import { toDocument } from './document';

const doc = (name: string, description: string) =>
  toDocument({
    entityRef: `aiartifact:default/${name}`,
    kind: 'AiArtifact',
    title: name,
    description,
    purpose: '',
    tags: [],
    integrations: [],
    dependencies: [],
  });

describe('CachedCorpusStats', () => {
  it('answers as CorpusStats does and stays bounded under terms no document has', () => {
    const cached = new CachedCorpusStats();
    const plain = new CorpusStats();
    for (const d of [
      doc('a', 'sales report of shopify orders'),
      doc('b', 'weekly sales dashboard'),
    ]) {
      cached.add(d);
      plain.add(d);
    }
    const lookups = CachedCorpusStats.MAX_CACHED + 5_000;
    for (let i = 0; i < lookups; i++) {
      cached.idf('term', `unseen${i}`);
    }
    expect(cached.cachedCount).toBeLessThanOrEqual(
      CachedCorpusStats.MAX_CACHED,
    );
    expect(cached.cachedCount).toBeGreaterThan(0);
    for (const key of ['sale', 'shopifi', 'unseen1', 'unseen104000']) {
      expect(cached.idf('term', key)).toBe(plain.idf('term', key));
    }
    cached.add(doc('c', 'more sales'));
    expect(cached.cachedCount).toBe(0);
  });
});
