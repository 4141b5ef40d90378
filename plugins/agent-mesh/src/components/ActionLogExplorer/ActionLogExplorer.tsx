import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useSearchParams } from 'react-router-dom';
import { ActionFilters } from '../../api';
import { ActionFiltersForm } from './ActionFiltersForm';
import { ActionsPerDayChart } from './ActionsPerDayChart';
import { ActionsTable } from './ActionsTable';
import { readActionFilters, withActionFilters } from './actionFilterParams';
import { errorTitle } from '../shared';
import { ExportButtons } from './ExportButtons';
import { useActionPages } from './useActionPages';

function Results(props: { filters: ActionFilters }) {
  const pages = useActionPages(props.filters);
  const filtered = Object.keys(props.filters).length > 0;

  if (pages.loading) return <Progress />;
  if (pages.error) {
    return (
      <ResponseErrorPanel
        error={pages.error}
        title={errorTitle(pages.error, 'The action log rejected the filters')}
      />
    );
  }
  if (pages.items.length === 0) {
    return (
      <EmptyState
        missing="data"
        title={
          filtered ? 'No actions match these filters' : 'No agent actions yet'
        }
        description={
          filtered
            ? 'Widen the time range or clear a filter.'
            : 'Agents report to the action log through POST /api/agent-mesh/actions, OpenTelemetry (POST /api/agent-mesh/v1/traces) or the MCP action agent-mesh.log-agent-action.'
        }
      />
    );
  }
  const count = `${pages.items.length} action${
    pages.items.length === 1 ? '' : 's'
  } loaded${pages.hasMore ? ', more in the log' : ''}`;
  return (
    <>
      <Box mb={2}>
        <InfoCard title="Actions per day">
          <ActionsPerDayChart items={pages.items} hasMore={pages.hasMore} />
        </InfoCard>
      </Box>
      <ActionsTable items={pages.items} subtitle={count} />
      <Box mt={2} display="flex" alignItems="center">
        {pages.hasMore ? (
          <Button
            variant="outlined"
            onClick={pages.loadMore}
            disabled={pages.loadingMore}
          >
            {pages.loadingMore ? 'Loading…' : 'Load more'}
          </Button>
        ) : (
          <Typography variant="body2" color="textSecondary">
            End of the log for these filters
          </Typography>
        )}
      </Box>
      {pages.moreError && (
        <Box mt={2}>
          <ResponseErrorPanel error={pages.moreError} />
        </Box>
      )}
    </>
  );
}

/**
 * The action log with filters, paging, export and a chart. The filters live in the query string
 * (`agent`, `target`, `owner`, `onBehalfOf`, `type`, `since`, `until`), so links from the entity cards open it
 * filtered and the browser's back and forward step through earlier filters.
 */
export function ActionLogExplorer() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = readActionFilters(searchParams);
  const filterKey = JSON.stringify(filters);

  return (
    <>
      <ActionFiltersForm
        key={filterKey}
        filters={filters}
        onApply={next => setSearchParams(withActionFilters(searchParams, next))}
      />
      <ExportButtons filters={filters} />
      <Results filters={filters} />
    </>
  );
}
