import { activityCheck } from './activityCheck';
import { BuiltInCheck } from './BuiltInCheck';
import { builtByCheck } from './builtByCheck';
import { documentationCheck } from './documentationCheck';
import { lifecycleCheck } from './lifecycleCheck';
import { overlapCheck } from './overlapCheck';
import { ownerCheck } from './ownerCheck';
import { productionReviewCheck } from './productionReviewCheck';
import { sourceOrDocsCheck } from './sourceOrDocsCheck';
import { sponsorCheck } from './sponsorCheck';

export type { BuiltInCheck } from './BuiltInCheck';

/** The built-in checks, in the order they are shown. */
export const builtInChecks: BuiltInCheck[] = [
  ownerCheck,
  builtByCheck,
  sponsorCheck,
  documentationCheck,
  lifecycleCheck,
  productionReviewCheck,
  overlapCheck,
  activityCheck,
  sourceOrDocsCheck,
];
