import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { z } from 'zod/v4';

/** Which entities something applies to; every given field must match (case-insensitive). */
export interface EntityFilter {
  kind?: string[];
  type?: string[];
  lifecycle?: string[];
}

/** Per-check settings under `agentMesh.scorecards.checks.<id>`. */
export interface CheckSettings {
  /** Default true. */
  enabled: boolean;
  /** Overrides the check's own default weight. */
  weight?: number;
  appliesTo?: EntityFilter;
}

export interface ScorecardLevel {
  name: string;
  /** 0..100 */
  minScore: number;
}

/** `agentMesh.scorecards`, with the defaults filled in. */
export interface ScorecardsConfig {
  /** Entities that get a scorecard at all, among Agents and AI-built entities. Default: all. */
  appliesTo?: EntityFilter;
  checks: Record<string, CheckSettings>;
  /** Highest threshold first. */
  levels: ScorecardLevel[];
  activityWindowDays: number;
  historyDays: number;
}

export const DEFAULT_LEVELS: ScorecardLevel[] = [
  { name: 'Gold', minScore: 90 },
  { name: 'Silver', minScore: 75 },
  { name: 'Bronze', minScore: 50 },
];

export const DEFAULT_SCORECARDS_CONFIG: ScorecardsConfig = {
  checks: {},
  levels: DEFAULT_LEVELS,
  activityWindowDays: 30,
  historyDays: 365,
};

const stringList = z
  .union([z.string().min(1), z.array(z.string().min(1))], {
    error: 'must be a string or a list of strings',
  })
  .transform(v => (Array.isArray(v) ? v : [v]));

const filterSchema = z.strictObject(
  {
    kind: stringList.optional(),
    type: stringList.optional(),
    lifecycle: stringList.optional(),
  },
  { error: 'must be an object with kind, type and/or lifecycle' },
);

const checkSchema = z.strictObject(
  {
    enabled: z.boolean({ error: 'must be true or false' }).optional(),
    weight: z
      .number({ error: 'must be a number' })
      .min(0, { error: 'must be between 0 and 100' })
      .max(100, { error: 'must be between 0 and 100' })
      .optional(),
    appliesTo: filterSchema.optional(),
  },
  { error: 'must be an object' },
);

const scoreSchema = z
  .number({ error: 'must be a number' })
  .min(0, { error: 'must be between 0 and 100' })
  .max(100, { error: 'must be between 0 and 100' });

const positiveInt = z
  .number({ error: 'must be a number' })
  .int({ error: 'must be a whole number' })
  .positive({ error: 'must be positive' });

const scorecardsSchema = z.strictObject(
  {
    appliesTo: filterSchema.optional(),
    checks: z
      .record(z.string(), checkSchema, { error: 'must be an object' })
      .optional(),
    levels: z
      .array(
        z.strictObject({ name: z.string().min(1), minScore: scoreSchema }),
        {
          error: 'must be a list of { name, minScore }',
        },
      )
      .min(1, { error: 'must name at least one level' })
      .refine(
        levels => new Set(levels.map(l => l.name)).size === levels.length,
        { error: 'must not name a level twice' },
      )
      .optional(),
    activityWindowDays: positiveInt.optional(),
    historyDays: positiveInt.optional(),
    /** Read by Backstage's scheduler config reader, see setupScorecards. */
    schedule: z.unknown().optional(),
  },
  { error: 'must be an object' },
);

/**
 * Parses `agentMesh.scorecards` (from app-config or a dry-run body) and fills in the defaults.
 * Throws an InputError naming the key, e.g. `agentMesh.scorecards.levels.0.minScore`.
 */
export function parseScorecardsConfig(
  value: unknown,
  options: { prefix?: string; knownCheckIds?: string[] } = {},
): ScorecardsConfig {
  const prefix = options.prefix ?? 'agentMesh.scorecards';
  const parsed = scorecardsSchema.safeParse(value ?? {});
  if (!parsed.success) {
    const message = parsed.error.issues
      .map(issue => {
        const path = [prefix, ...issue.path.map(String)].join('.');
        if (issue.code === 'unrecognized_keys') {
          return `${path}: unknown key(s) ${issue.keys.join(', ')}`;
        }
        return `${path}: ${issue.message}`;
      })
      .join('; ');
    throw new InputError(`Invalid scorecards configuration: ${message}`);
  }
  const raw = parsed.data;
  const checks: Record<string, CheckSettings> = {};
  for (const [id, settings] of Object.entries(raw.checks ?? {})) {
    if (options.knownCheckIds && !options.knownCheckIds.includes(id)) {
      throw new InputError(
        `Invalid scorecards configuration: ${prefix}.checks.${id}: no such check; known checks are ${options.knownCheckIds.join(
          ', ',
        )}`,
      );
    }
    checks[id] = {
      enabled: settings.enabled ?? true,
      weight: settings.weight,
      appliesTo: settings.appliesTo,
    };
  }
  return {
    appliesTo: raw.appliesTo,
    checks,
    levels: [...(raw.levels ?? DEFAULT_LEVELS)].sort(
      (a, b) => b.minScore - a.minScore,
    ),
    activityWindowDays:
      raw.activityWindowDays ?? DEFAULT_SCORECARDS_CONFIG.activityWindowDays,
    historyDays: raw.historyDays ?? DEFAULT_SCORECARDS_CONFIG.historyDays,
  };
}

/** Reads `agentMesh.scorecards` from the root config. */
export function readScorecardsConfig(
  config: Config,
  knownCheckIds?: string[],
): ScorecardsConfig {
  return parseScorecardsConfig(config.getOptional('agentMesh.scorecards'), {
    knownCheckIds,
  });
}
