import { WarningPanel } from '@backstage/core-components';

/**
 * Shown while the backend says that its overlap index is still being built (right after the
 * portal started): the answer may miss matches, so "nothing similar" would be wrong.
 */
export function IndexNotReadyPanel(props: { message?: string }) {
  return (
    <WarningPanel
      severity="info"
      title="The overlap index is still being built"
      message={
        props.message ??
        'This answer may miss matches. Ask again in a few seconds.'
      }
    />
  );
}
