import { createHash } from 'node:crypto';
import { canonicalActionText, ChainedActionFields } from '../actions';

/**
 * An action's hash: sha256 (hex) over `canonicalActionText`, which covers its `seq` and
 * `prevHash` too.
 *
 * @public
 */
export function hashAction(action: ChainedActionFields): string {
  return createHash('sha256').update(canonicalActionText(action)).digest('hex');
}
