export { ExemptionsTable } from './ExemptionsTable';
export { parseExemptions } from './parseExemptions';
export type { ExemptionEntry } from './parseExemptions';
