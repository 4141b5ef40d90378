import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { OverlapKind } from '@agent-mesh/plugin-agent-mesh-common';

const KINDS: Record<OverlapKind, { label: string; help: string }> = {
  duplicate: {
    label: 'Duplicate',
    help: 'The same work: the same product, or the same job where at most one side is tied to a product. Worth consolidating.',
  },
  alternative: {
    label: 'Alternative',
    help: 'The same job done with a different product. A question of standardising on one.',
  },
};

/** The label of an overlap kind, as the chip and the filter show it. */
export function overlapKindLabel(kind: OverlapKind): string {
  return KINDS[kind].label;
}

/** A chip that says whether an overlap is duplicate work or an alternative, with a tooltip. */
export function OverlapKindChip(props: { kind?: OverlapKind }) {
  const kind = props.kind ?? 'duplicate';
  return (
    <Tooltip title={KINDS[kind].help}>
      <Chip
        size="small"
        color={kind === 'duplicate' ? 'primary' : 'default'}
        variant={kind === 'duplicate' ? 'default' : 'outlined'}
        label={KINDS[kind].label}
      />
    </Tooltip>
  );
}
