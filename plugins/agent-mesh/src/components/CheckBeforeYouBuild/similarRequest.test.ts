import { draftErrors, EMPTY_DRAFT, toSimilarRequest } from './similarRequest';

describe('similar work request', () => {
  it('trims, splits integrations and leaves blank fields out', () => {
    expect(
      toSimilarRequest({
        description: ' a sales roll-up ',
        title: '',
        type: ' aggregator ',
        integrations: 'shopify,\n salesforce , ,',
        owner: ' ',
      }),
    ).toEqual({
      description: 'a sales roll-up',
      type: 'aggregator',
      integrations: ['shopify', 'salesforce'],
    });
  });

  it('needs a description', () => {
    expect(draftErrors({ ...EMPTY_DRAFT, description: ' \n ' })).toEqual({
      description: 'Describe what you want to build',
    });
    expect(draftErrors({ ...EMPTY_DRAFT, description: 'x' })).toEqual({});
  });
});
