import { selectedTab } from './pageTabs';

describe('selectedTab', () => {
  it.each([
    ['', 'overview'],
    ['tab=actions', 'actions'],
    ['tab=check', 'check'],
    ['tab=nonsense', 'overview'],
    ['target=aiartifact%3Adefault%2Fx', 'actions'],
    ['tab=nonsense&since=2026-11-01', 'actions'],
    ['tab=check&agent=x', 'check'],
    ['agent=', 'overview'],
  ])('?%s selects %s', (query, tab) => {
    expect(selectedTab(new URLSearchParams(query))).toBe(tab);
  });
});
