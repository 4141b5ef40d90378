import Typography from '@material-ui/core/Typography';
import { EntityRefLink } from '@backstage/plugin-catalog-react';

/** The owning team (or user) as a catalog link, or "No owner" when the entity names none. */
export function OwnerLink(props: { owner?: string | null }) {
  if (!props.owner) {
    return (
      <Typography variant="body2" color="textSecondary">
        No owner
      </Typography>
    );
  }
  return <EntityRefLink entityRef={props.owner} defaultKind="group" />;
}
