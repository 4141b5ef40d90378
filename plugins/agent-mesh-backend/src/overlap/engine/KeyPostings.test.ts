import { KeyPostings } from './KeyPostings';

const slotsOf = (postings: KeyPostings, id: number) => {
  const seen: Array<[number, number]> = [];
  postings.forEach(id, (slot, weight) => seen.push([slot, weight]));
  return seen.sort((a, b) => a[0] - b[0]);
};

describe('KeyPostings', () => {
  it('gives each key one id, per field', () => {
    const postings = new KeyPostings();
    const a = postings.idOf('term', 'invoic');
    expect(postings.idOf('term', 'invoic')).toBe(a);
    const tag = postings.idOf('tag', 'invoic');
    expect(tag).not.toBe(a);
    expect(postings.find('term', 'invoic')).toBe(a);
    expect(postings.find('term', 'unknown')).toBeUndefined();
    expect([postings.field(tag), postings.key(tag)]).toEqual(['tag', 'invoic']);
  });

  it('keeps the documents of a key through growth, deletes and shrinking', () => {
    const postings = new KeyPostings();
    const id = postings.idOf('integration', 'salesforce');
    for (let slot = 0; slot < 100; slot++) postings.add(id, slot, slot / 2);
    expect(postings.count(id)).toBe(100);
    for (let slot = 0; slot < 100; slot++) {
      if (slot % 10 !== 3) postings.delete(id, slot);
    }
    postings.delete(id, 1000); // not there: nothing happens
    expect(slotsOf(postings, id)).toEqual(
      [3, 13, 23, 33, 43, 53, 63, 73, 83, 93].map(s => [s, s / 2]),
    );
    expect(postings.posting(id).slots.length).toBeLessThan(100);
    postings.add(id, 7, 1);
    expect(postings.count(id)).toBe(11);
  });

  it('reuses the id of a released key for the next new key', () => {
    const postings = new KeyPostings();
    const a = postings.idOf('term', 'a');
    postings.add(a, 0, 1);
    expect(() => postings.release(a)).toThrow('still has documents');
    postings.delete(a, 0);
    postings.release(a);
    expect(postings.size).toBe(0);
    expect(postings.find('term', 'a')).toBeUndefined();
    const b = postings.idOf('tag', 'b');
    expect(b).toBe(a);
    expect([postings.field(b), postings.key(b), postings.count(b)]).toEqual([
      'tag',
      'b',
      0,
    ]);
    expect(postings.idOf('term', 'a')).not.toBe(b);
  });
});
