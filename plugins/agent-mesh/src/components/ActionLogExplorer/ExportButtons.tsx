import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import CircularProgress from '@material-ui/core/CircularProgress';
import GetAppIcon from '@material-ui/icons/GetApp';
import { ResponseErrorPanel } from '@backstage/core-components';
import { fetchApiRef, useApi } from '@backstage/core-plugin-api';
import { ActionFilters, agentMeshApiRef } from '../../api';
import { downloadActionExport, ExportFormat } from './downloadActionExport';

const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'csv', label: 'Export CSV' },
  { format: 'ndjson', label: 'Export NDJSON' },
];

/** Buttons that download every action matching the filters, not only the loaded pages. */
export function ExportButtons(props: { filters: ActionFilters }) {
  const api = useApi(agentMeshApiRef);
  const fetchApi = useApi(fetchApiRef);
  const [running, setRunning] = useState<ExportFormat>();
  const [error, setError] = useState<Error>();

  const download = async (format: ExportFormat) => {
    setRunning(format);
    setError(undefined);
    try {
      await downloadActionExport({
        api,
        fetchApi,
        filters: props.filters,
        format,
      });
    } catch (e) {
      setError(e as Error);
    } finally {
      setRunning(undefined);
    }
  };

  return (
    <Box mb={2}>
      <Box display="flex" alignItems="center">
        {FORMATS.map(({ format, label }) => (
          <Box mr={1} key={format}>
            <Button
              variant="outlined"
              startIcon={
                running === format ? (
                  <CircularProgress size={16} aria-label="Exporting" />
                ) : (
                  <GetAppIcon />
                )
              }
              disabled={running !== undefined}
              onClick={() => download(format)}
            >
              {label}
            </Button>
          </Box>
        ))}
      </Box>
      {error && (
        <Box mt={1}>
          <ResponseErrorPanel error={error} title="The export failed" />
        </Box>
      )}
    </Box>
  );
}
