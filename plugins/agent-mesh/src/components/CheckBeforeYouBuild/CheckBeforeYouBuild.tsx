import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { PostSimilarRequest } from '@agent-mesh/plugin-agent-mesh-common';
import { agentMeshApiRef } from '../../api';
import { errorTitle, IndexNotReadyPanel } from '../shared';
import { SimilarWorkForm } from './SimilarWorkForm';
import { SimilarWorkTable } from './SimilarWorkTable';

function Answer(props: {
  state: {
    loading: boolean;
    error?: Error;
    value?: { items: unknown[]; indexReady?: boolean; message?: string };
  };
  children: JSX.Element;
}) {
  const { loading, error, value } = props.state;
  if (loading) return <Progress />;
  if (error) {
    return (
      <ResponseErrorPanel
        error={error}
        title={errorTitle(error, 'The check was rejected')}
      />
    );
  }
  if (!value) return null;
  if (value.indexReady === false) {
    return (
      <>
        <IndexNotReadyPanel message={value.message} />
        {value.items.length > 0 && props.children}
      </>
    );
  }
  if (value.items.length === 0) {
    return (
      <EmptyState
        missing="content"
        title="Nothing similar found — go ahead"
        description="No existing artifact in the catalog looks like this. Register yours (kind AiArtifact, lifecycle proposed) so that the next team finds it."
      />
    );
  }
  return props.children;
}

/**
 * "Check before you build": describe new work and see existing artifacts like it, with their
 * owners, so that a team can reuse or talk to the owners before building again.
 */
export function CheckBeforeYouBuild() {
  const api = useApi(agentMeshApiRef);
  const [state, check] = useAsyncFn(
    (request: PostSimilarRequest) => api.findSimilar(request),
    [api],
  );

  return (
    <>
      <InfoCard title="Check before you build">
        <Typography variant="body2" paragraph>
          Describe what you or your agent are about to build. Agent Mesh
          compares it with every AI-built artifact in the catalog and shows the
          ones that already do something similar, and who owns them.
        </Typography>
        <SimilarWorkForm busy={state.loading} onCheck={check} />
      </InfoCard>
      <Box mt={2} aria-live="polite">
        <Answer state={state}>
          <InfoCard title="Similar existing work" noPadding>
            <SimilarWorkTable items={state.value?.items ?? []} />
          </InfoCard>
        </Answer>
      </Box>
    </>
  );
}
