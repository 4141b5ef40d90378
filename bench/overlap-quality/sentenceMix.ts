// The ablation `engine+use`: the engine's score mixed with the Universal Sentence Encoder cosine
// in three forms over a fixed grid, one point chosen on the tune halves of both sets only (see
// LABELLING.md, "Third session of issue 13"). The product engine is not changed: the
// `noisy-or` form goes through the index's `signals` option, as an `agent-mesh.overlap-signals`
// module would. `yarn bench overlap-word-vectors` mixes word-vector cosines by the same grid and
// choice (`engine+vectors`).
import {
  DEFAULT_OVERLAP_CONFIG,
  OverlapIndexOptions,
} from '../../plugins/agent-mesh-backend/src/overlap/engine';
import { Item, QualitySet } from './datasets';
import { engineMethod, idOf, Method } from './engineMethod';
import { averagePrecision, pairKey, pairsOf, prf, Scores } from './metrics';

export const MIX_FORMS = ['noisy-or', 'noisy-or-candidates', 'rerank'] as const;
export type MixForm = (typeof MIX_FORMS)[number];
export const MIX_WEIGHTS = [0.1, 0.2, 0.3, 0.5];
export const MIX_FLOORS = [0.3, 0.4, 0.5, 0.6, 0.7];

export interface MixPoint {
  form: MixForm;
  weight: number;
  floor: number;
}

/** The grid in its tie-break order: form, then weight, then floor. */
export const MIX_GRID: MixPoint[] = MIX_FORMS.flatMap(form =>
  MIX_WEIGHTS.flatMap(weight =>
    MIX_FLOORS.map(floor => ({ form, weight, floor })),
  ),
);

export const mixName = (p: MixPoint) =>
  `${p.form} w=${p.weight} floor=${p.floor}`;

/** The cosine above the floor, rescaled to 0..1. */
const above = (cos: number, floor: number) =>
  Math.max(0, (cos - floor) / (1 - floor));

type SignalOf = NonNullable<OverlapIndexOptions['signals']>[number];

function cosineSignal(id: string, cosines: Scores, point: MixPoint): SignalOf {
  return {
    id,
    weight: point.weight,
    score: (a, b) => ({
      score: above(
        cosines.get(pairKey(idOf(a.entityRef), idOf(b.entityRef))) ?? 0,
        point.floor,
      ),
      reasons: [],
    }),
  };
}

/** One grid point on one set, from the engine's own pairs (`engine`) and the cosines. */
export async function mixMethod(
  items: Item[],
  engine: Method,
  cosines: Scores,
  point: MixPoint,
  name = 'engine+use',
): Promise<Method> {
  if (point.form === 'noisy-or') {
    return engineMethod(name, items, {
      signals: [cosineSignal(name, cosines, point)],
    });
  }
  const factor = DEFAULT_OVERLAP_CONFIG.alternativeFactor;
  const scores: Scores = new Map();
  for (const [key, score] of engine.scores) {
    if (score <= 0) continue;
    const alternative = engine.kinds?.get(key) === 'alternative';
    const c = above(cosines.get(key) ?? 0, point.floor);
    const strength = alternative ? score / factor : score;
    const mixed =
      point.form === 'noisy-or-candidates'
        ? 1 - (1 - strength) * (1 - point.weight * c)
        : (1 - point.weight) * strength + point.weight * c;
    scores.set(key, alternative ? mixed * factor : mixed);
  }
  return { name, scores, kinds: engine.kinds };
}

/**
 * The choice rule's figure for one set: the mean of the tune half's duplicate-tier AP and its
 * F1 at the default threshold.
 */
export function tuneObjective(set: QualitySet, method: Method): number {
  const tune = set.items.filter(i => i.split === 'tune');
  const pairs = pairsOf(tune, method.scores, 'duplicate', method.kinds);
  return (
    (averagePrecision(pairs) +
      prf(pairs, DEFAULT_OVERLAP_CONFIG.threshold).f1) /
    2
  );
}

export interface MixChoice {
  point: MixPoint;
  /** The mean over the sets of `tuneObjective`, for the chosen point and for the engine alone. */
  objective: number;
  engineObjective: number;
  /** Every point's mean objective, in grid order. */
  grid: Array<{ point: MixPoint; objective: number }>;
}

/** Every grid point on every set; the point with the best mean tune objective (first on ties). */
export async function chooseMix(
  sets: QualitySet[],
  engines: Method[],
  cosines: Scores[],
): Promise<MixChoice> {
  const grid: MixChoice['grid'] = [];
  for (const point of MIX_GRID) {
    let sum = 0;
    for (const [s, set] of sets.entries()) {
      const method = await mixMethod(set.items, engines[s], cosines[s], point);
      sum += tuneObjective(set, method);
    }
    grid.push({ point, objective: sum / sets.length });
  }
  const best = grid.reduce((x, y) => (y.objective > x.objective ? y : x));
  const engineObjective =
    sets.reduce((sum, set, s) => sum + tuneObjective(set, engines[s]), 0) /
    sets.length;
  return {
    point: best.point,
    objective: best.objective,
    engineObjective,
    grid,
  };
}
