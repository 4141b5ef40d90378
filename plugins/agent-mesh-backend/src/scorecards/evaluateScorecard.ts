import { Entity } from '@backstage/catalog-model';
import {
  ScorecardCheck,
  ScorecardCheckResult,
} from '@agent-mesh/plugin-agent-mesh-node';
import { ScorecardsConfig } from './config';
import {
  applyExemption,
  Exemption,
  EXEMPTIONS_CHECK_ID,
  parseExemptions,
} from './exemptions';
import { matchesFilter } from './filters';
import { refOf } from './refs';
import { computeScore, levelFor } from './score';
import {
  ScorecardCheckOutcome,
  ScorecardContext,
  ScorecardResult,
} from './types';

const DEFAULT_WEIGHT = 1;

/** The checks that apply to the entity under the config, with their effective weights. */
export function applicableChecks(
  entity: Entity,
  checks: ScorecardCheck[],
  config: ScorecardsConfig,
): { check: ScorecardCheck; weight: number }[] {
  const result: { check: ScorecardCheck; weight: number }[] = [];
  for (const check of checks) {
    const settings = config.checks[check.id];
    if (settings?.enabled === false) continue;
    if (!matchesFilter(entity, settings?.appliesTo)) continue;
    result.push({
      check,
      weight: settings?.weight ?? check.weight ?? DEFAULT_WEIGHT,
    });
  }
  return result;
}

async function runCheck(
  check: ScorecardCheck,
  entity: Entity,
  context: ScorecardContext,
): Promise<ScorecardCheckResult> {
  try {
    return await check.evaluate(entity, context);
  } catch (error) {
    return {
      status: 'na',
      detail: `The check could not run: ${(error as Error)?.message ?? error}`,
    };
  }
}

/**
 * One entity's scorecard: runs the applicable checks, applies exemptions from the
 * `agent-mesh.io/exemptions` annotation, and computes score and level. Never throws because of
 * a check or the annotation.
 */
export async function evaluateScorecard(
  entity: Entity,
  options: {
    checks: ScorecardCheck[];
    config: ScorecardsConfig;
    context: ScorecardContext;
  },
): Promise<ScorecardResult> {
  const { checks, config, context } = options;
  const applicable = applicableChecks(entity, checks, config);
  const { exemptions, error } = parseExemptions(
    entity,
    checks.map(c => c.id),
  );
  const byCheck = new Map<string, Exemption>();
  for (const exemption of exemptions) {
    const seen = byCheck.get(exemption.check);
    if (!seen || seen.expiresAtMs < exemption.expiresAtMs) {
      byCheck.set(exemption.check, exemption);
    }
  }

  const weighted: (ScorecardCheckOutcome & { weight: number })[] =
    await Promise.all(
      applicable.map(async ({ check, weight }) => {
        const result = await runCheck(check, entity, context);
        const outcome = applyExemption(
          {
            id: check.id,
            title: check.title,
            status: result.status,
            detail: result.detail,
          },
          byCheck.get(check.id),
          context.now,
        );
        return { ...outcome, weight };
      }),
    );
  if (error) {
    weighted.push({
      id: EXEMPTIONS_CHECK_ID,
      title: 'Exemptions annotation is valid',
      status: 'fail',
      detail: `${error}. Write it as a JSON list of { "check", "reason", "grantedBy", "expires": "YYYY-MM-DD" }.`,
      weight: DEFAULT_WEIGHT,
    });
  }

  const score = computeScore(weighted);
  return {
    entityRef: refOf(entity),
    score,
    level: levelFor(score, config.levels),
    checks: weighted.map(({ id, title, status, detail }) => ({
      id,
      title,
      status,
      detail,
    })),
  };
}
