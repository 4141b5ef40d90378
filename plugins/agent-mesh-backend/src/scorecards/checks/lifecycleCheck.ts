import { lifecycleOf } from '../refs';
import { BuiltInCheck, fail, pass } from './BuiltInCheck';

/** spec.lifecycle is set. */
export const lifecycleCheck: BuiltInCheck = {
  id: 'lifecycle',
  title: 'Lifecycle is set',
  weight: 1,
  evaluate(entity) {
    const lifecycle = lifecycleOf(entity);
    return lifecycle
      ? pass(`Lifecycle ${lifecycle}.`)
      : fail(
          'No spec.lifecycle. Set it to proposed, experimental, production or deprecated.',
        );
  },
};
