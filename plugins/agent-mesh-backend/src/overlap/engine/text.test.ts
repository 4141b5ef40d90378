import { tokenize } from './text';
import { canonicalSystem, normalizeSystemName } from './systems';

const terms = (text: string) => tokenize(text).map(t => t.term);

describe('tokenize', () => {
  it('drops stop words and catalog filler, and stems the rest', () => {
    expect(terms('The tool aggregates the weekly orders')).toEqual([
      'aggreg',
      'week',
      'order',
    ]);
    expect(terms('Aggregator')).toEqual(terms('aggregates'));
  });

  it('maps synonyms of known systems to one canonical term', () => {
    expect(terms('SFDC opportunities')).toEqual(['salesforce', 'opportun']);
    expect(terms('Salesforce opportunities')).toEqual([
      'salesforce',
      'opportun',
    ]);
    expect(terms('GA4 sessions and Google Analytics events')).toEqual([
      'google-analytics',
      'session',
      'google-analytics',
      'event',
    ]);
    expect(terms('k8s deployments')).toEqual(['kubernetes', 'deploy']);
    expect(terms('export to gsheets')).toEqual(['export', 'google-sheets']);
  });

  it('keeps dashed words whole and as parts, and the written form for reasons', () => {
    const tokens = tokenize('weekly follow-up');
    expect(tokens.map(t => t.term)).toEqual(['week', 'followup', 'follow']);
    expect(tokens[1].surface).toBe('follow-up');
    expect(terms('followup')).toEqual(['followup']);
  });

  it('compares synonyms of general software vocabulary as one term', () => {
    expect(terms('roll-up')).toEqual(terms('aggregates'));
    expect(terms('rolls up')).toEqual(terms('rollup'));
    expect(terms('exceptions')).toEqual(terms('errors'));
    expect(terms('merge requests')).toEqual(terms('pull request'));
    expect(terms('on-call escalations')).toEqual(terms('incidents outage'));
    expect(terms('cloud spend')).toEqual(terms('cloud costs'));
    const [token] = tokenize('merge requests');
    expect(token.surface).toBe('merge requests');
    // Not synonyms: an ambiguous abbreviation stays itself.
    expect(terms('PR')).toEqual(['pr']);
  });

  it('drops what every catalog entry says: viewing things for components', () => {
    expect(
      terms('View the details of your components in the software catalog'),
    ).toEqual([]);
  });

  it('ignores numbers and punctuation', () => {
    expect(terms('1,500 tickets!!! (a week)')).toEqual(['ticket', 'week']);
    expect(terms('')).toEqual([]);
  });
});

describe('known systems', () => {
  it('normalizes declared integrations and tags', () => {
    expect(canonicalSystem('sfdc')).toBe('salesforce');
    expect(normalizeSystemName('Google_Sheets')).toBe('google-sheets');
    expect(normalizeSystemName('ArgoCD')).toBe('argo-cd');
    expect(normalizeSystemName('home-grown-crm')).toBe('home-grown-crm');
  });
});
