import { averageLinkage, ScoredLink } from './averageLinkage';

const link = (a: string, b: string, score: number): ScoredLink => ({
  a,
  b,
  score,
});

describe('averageLinkage', () => {
  it('keeps a chain apart: each link holds only its own two ends together', () => {
    const chain = [
      link('a', 'b', 0.9),
      link('b', 'c', 0.8),
      link('c', 'd', 0.7),
    ];
    expect(averageLinkage(chain, 0.3)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('keeps a group whose members all overlap each other together', () => {
    const names = ['a', 'b', 'c', 'd', 'e'];
    const links = names.flatMap((x, i) =>
      names.slice(i + 1).map(y => link(x, y, 0.35)),
    );
    expect(averageLinkage(links, 0.3)).toEqual([names]);
  });

  it('admits a member that overlaps most of a group, not one that overlaps one member', () => {
    const group = [
      link('a', 'b', 0.6),
      link('a', 'c', 0.6),
      link('b', 'c', 0.6),
      // d overlaps two of the three: average 0.4.
      link('d', 'a', 0.6),
      link('d', 'b', 0.6),
      // e overlaps only c: average 0.17.
      link('e', 'c', 0.5),
    ];
    expect(averageLinkage(group, 0.3)).toEqual([['a', 'b', 'c', 'd']]);
  });

  it('never merges below the threshold and leaves out items on their own', () => {
    expect(averageLinkage([link('a', 'b', 0.29)], 0.3)).toEqual([]);
    expect(averageLinkage([link('a', 'b', 0.3)], 0.3)).toEqual([['a', 'b']]);
    expect(averageLinkage([link('a', 'a', 1)], 0.3)).toEqual([]);
  });

  it('gives the same groups whatever the order of the links', () => {
    const links = [
      link('a', 'b', 0.5),
      link('b', 'c', 0.5),
      link('c', 'a', 0.5),
      link('c', 'd', 0.5),
      link('d', 'e', 0.5),
      link('e', 'f', 0.5),
      link('f', 'd', 0.5),
    ];
    const sorted = (groups: string[][]) => groups.map(g => g.join()).sort();
    const expected = sorted(averageLinkage(links, 0.3));
    expect(expected).toEqual(['a,b,c', 'd,e,f']);
    for (let shift = 1; shift < links.length; shift++) {
      const turned = [...links.slice(shift), ...links.slice(0, shift)];
      expect(sorted(averageLinkage(turned, 0.3))).toEqual(expected);
      expect(sorted(averageLinkage([...turned].reverse(), 0.3))).toEqual(
        expected,
      );
    }
  });

  it('counts a pair given twice once, with its higher score', () => {
    expect(
      averageLinkage([link('a', 'b', 0.2), link('b', 'a', 0.2)], 0.3),
    ).toEqual([]);
    expect(
      averageLinkage([link('a', 'b', 0.2), link('b', 'a', 0.35)], 0.3),
    ).toEqual([['a', 'b']]);
  });
});
