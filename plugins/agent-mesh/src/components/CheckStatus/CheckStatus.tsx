import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import { ScorecardCheckOutcomeStatus } from '@agent-mesh/plugin-agent-mesh-common';

/** The words for each check status, as shown next to its icon. */
export const CHECK_STATUS_LABELS: Record<ScorecardCheckOutcomeStatus, string> =
  {
    pass: 'Pass',
    fail: 'Fail',
    warn: 'Warning',
    exempt: 'Exempt',
    na: 'Not applicable',
  };

/** A scorecard check's status with Backstage's status icon and colour. */
export function CheckStatus(props: { status: ScorecardCheckOutcomeStatus }) {
  const label = CHECK_STATUS_LABELS[props.status] ?? props.status;
  switch (props.status) {
    case 'pass':
      return <StatusOK>{label}</StatusOK>;
    case 'fail':
      return <StatusError>{label}</StatusError>;
    case 'warn':
      return <StatusWarning>{label}</StatusWarning>;
    default:
      return <StatusAborted>{label}</StatusAborted>;
  }
}
