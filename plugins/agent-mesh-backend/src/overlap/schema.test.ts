import { parseEntityRefParam, parseSimilarBody } from './schema';

describe('parseEntityRefParam', () => {
  it('accepts full refs and writes them as the index does', () => {
    expect(parseEntityRefParam('AiArtifact:default/x')).toBe(
      'aiartifact:default/x',
    );
    expect(parseEntityRefParam('component:y')).toBe('component:default/y');
  });

  it('names the parameter when it is missing, repeated or malformed', () => {
    expect(() => parseEntityRefParam(undefined)).toThrow(
      "Missing query parameter 'entityRef'",
    );
    expect(() => parseEntityRefParam(['a', 'b'])).toThrow("'entityRef'");
    expect(() => parseEntityRefParam('no-kind')).toThrow(
      "Query parameter 'entityRef' must be an entity ref",
    );
  });
});

describe('parseSimilarBody', () => {
  it('accepts the documented fields', () => {
    const body = {
      title: 't',
      description: 'd',
      type: 'aggregator',
      tags: ['sales'],
      integrations: ['shopify'],
      owner: 'group:default/a',
      limit: 50,
    };
    expect(parseSimilarBody(body)).toEqual(body);
  });

  it.each([
    [null, 'body must be a JSON object'],
    [{}, 'description is required'],
    [{ description: '' }, 'description must not be empty'],
    [{ description: 'x', limit: 1.5 }, 'limit must be a whole number'],
    [{ description: 'x', limit: 0 }, 'limit must be from 1 to 50'],
    [
      { description: 'x', integrations: [1] },
      'integrations.0 must be a string',
    ],
  ])('refuses %j: %s', (body, message) => {
    expect(() => parseSimilarBody(body)).toThrow(message);
  });
});
