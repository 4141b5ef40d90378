import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parsePostActionsBody } from './schema';

describe('examples/actions.ndjson', () => {
  it('is accepted by the POST /actions schema', () => {
    const lines = readFileSync(
      resolve(__dirname, '../../../../examples/actions.ndjson'),
      'utf8',
    )
      .split('\n')
      .filter(line => line.trim());
    const actions = lines.map(line => JSON.parse(line));
    expect(actions.length).toBeGreaterThan(100);
    for (let i = 0; i < actions.length; i += 1000) {
      expect(
        parsePostActionsBody({ actions: actions.slice(i, i + 1000) }),
      ).toHaveLength(Math.min(1000, actions.length - i));
    }
    expect(new Set(actions.map(a => a.id)).size).toBe(actions.length);
  });
});
