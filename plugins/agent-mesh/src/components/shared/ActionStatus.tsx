import {
  StatusAborted,
  StatusError,
  StatusOK,
} from '@backstage/core-components';

const OK = ['ok', 'success', 'succeeded', 'completed', 'done'];
const ERROR = ['error', 'failed', 'failure', 'fail', 'timeout'];

/** An action's reported outcome, with Backstage's status icon when it is a known word. */
export function ActionStatus(props: { status?: string }) {
  const { status } = props;
  if (!status) return null;
  const word = status.toLocaleLowerCase('en-US');
  if (OK.includes(word)) return <StatusOK>{status}</StatusOK>;
  if (ERROR.includes(word)) return <StatusError>{status}</StatusError>;
  return <StatusAborted>{status}</StatusAborted>;
}
