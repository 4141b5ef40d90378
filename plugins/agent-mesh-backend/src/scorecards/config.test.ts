import { ConfigReader } from '@backstage/config';
import {
  DEFAULT_SCORECARDS_CONFIG,
  parseScorecardsConfig,
  readScorecardsConfig,
} from './config';

describe('scorecards config', () => {
  it('fills in the defaults', () => {
    expect(readScorecardsConfig(new ConfigReader({}))).toEqual({
      appliesTo: undefined,
      ...DEFAULT_SCORECARDS_CONFIG,
    });
    expect(DEFAULT_SCORECARDS_CONFIG.levels).toEqual([
      { name: 'Gold', minScore: 90 },
      { name: 'Silver', minScore: 75 },
      { name: 'Bronze', minScore: 50 },
    ]);
    expect(DEFAULT_SCORECARDS_CONFIG.activityWindowDays).toBe(30);
  });

  it('reads filters, weights, levels and the window', () => {
    const config = readScorecardsConfig(
      new ConfigReader({
        agentMesh: {
          scorecards: {
            appliesTo: { kind: ['AiArtifact', 'Agent'] },
            checks: {
              'recent-activity': {
                weight: 3,
                appliesTo: { lifecycle: 'production' },
              },
              'source-or-docs': { enabled: false },
            },
            levels: [
              { name: 'Good', minScore: 60 },
              { name: 'Great', minScore: 85 },
            ],
            activityWindowDays: 14,
            schedule: { frequency: { minutes: 30 }, timeout: { minutes: 5 } },
          },
        },
      }),
      ['recent-activity', 'source-or-docs'],
    );
    expect(config).toEqual({
      appliesTo: { kind: ['AiArtifact', 'Agent'] },
      checks: {
        'recent-activity': {
          enabled: true,
          weight: 3,
          appliesTo: { lifecycle: ['production'] },
        },
        'source-or-docs': {
          enabled: false,
          weight: undefined,
          appliesTo: undefined,
        },
      },
      levels: [
        { name: 'Great', minScore: 85 },
        { name: 'Good', minScore: 60 },
      ],
      activityWindowDays: 14,
      historyDays: 365,
    });
  });

  it.each([
    [
      { levels: [{ name: 'Gold', minScore: 120 }] },
      'agentMesh.scorecards.levels.0.minScore: must be between 0 and 100',
    ],
    [
      { levels: [] },
      'agentMesh.scorecards.levels: must name at least one level',
    ],
    [
      {
        levels: [
          { name: 'A', minScore: 1 },
          { name: 'A', minScore: 2 },
        ],
      },
      'agentMesh.scorecards.levels: must not name a level twice',
    ],
    [
      { activityWindowDays: 0 },
      'agentMesh.scorecards.activityWindowDays: must be positive',
    ],
    [
      { activityWindowDays: 'a month' },
      'agentMesh.scorecards.activityWindowDays: must be a number',
    ],
    [
      { checks: { lifecycle: { weight: -1 } } },
      'agentMesh.scorecards.checks.lifecycle.weight: must be between 0 and 100',
    ],
    [
      { checks: { lifecycle: { wieght: 2 } } },
      'agentMesh.scorecards.checks.lifecycle: unknown key(s) wieght',
    ],
    [
      { checks: { lifecycle: { appliesTo: { kind: 3 } } } },
      'agentMesh.scorecards.checks.lifecycle.appliesTo.kind: must be a string or a list of strings',
    ],
    [{ level: [] }, 'agentMesh.scorecards: unknown key(s) level'],
    [
      { checks: { 'no-such-check': {} } },
      'agentMesh.scorecards.checks.no-such-check: no such check; known checks are lifecycle',
    ],
  ])('refuses %j naming the key', (value, message) => {
    expect(() =>
      parseScorecardsConfig(value, { knownCheckIds: ['lifecycle'] }),
    ).toThrow(message);
  });

  it('names the dry-run body key when asked to', () => {
    expect(() =>
      parseScorecardsConfig({ activityWindowDays: -2 }, { prefix: 'config' }),
    ).toThrow('config.activityWindowDays: must be positive');
  });
});
