import { FormEvent, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { ActionFilters } from '../../api';
import { useEntityRefHints } from './useEntityRefHints';
import {
  rangeOfFilters,
  sinceOfRange,
  TIME_RANGES,
  TimeRangeId,
} from './timeRanges';

const TEXT_FIELDS = [
  {
    name: 'agent',
    label: 'Agent',
    helperText: 'agent:default/name, or an id the agent reports under',
    hints: 'agents',
  },
  {
    name: 'target',
    label: 'Target',
    helperText: 'An entity ref such as aiartifact:default/name, or a URL',
  },
  {
    name: 'owner',
    label: 'Owner team',
    helperText: 'The owning team, e.g. group:default/brand-a',
    hints: 'teams',
  },
  {
    name: 'onBehalfOf',
    label: 'On behalf of',
    helperText: 'The user the agent acted for, e.g. user:default/jane',
  },
  {
    name: 'type',
    label: 'Type',
    helperText: 'e.g. pr.opened, deploy, tool.call',
  },
] as const;

const BOUND_HELP = 'ISO 8601 date or date-time, e.g. 2026-11-01';

/**
 * The filters of the action log. Edits stay in the form until "Apply"; the parent keys the form
 * by the applied filters, so that back and forward in the browser refill it.
 */
export function ActionFiltersForm(props: {
  filters: ActionFilters;
  onApply(filters: ActionFilters): void;
}) {
  const { filters, onApply } = props;
  const [draft, setDraft] = useState<ActionFilters>(filters);
  const [range, setRange] = useState<TimeRangeId>(rangeOfFilters(filters));
  const hints = useEntityRefHints();

  const set = (name: keyof ActionFilters, value: string) =>
    setDraft(d => ({ ...d, [name]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (range === 'custom') {
      onApply(draft);
    } else {
      onApply({
        ...draft,
        since: sinceOfRange(range, new Date()),
        until: undefined,
      });
    }
  };

  return (
    <Box
      component="form"
      onSubmit={submit}
      aria-label="Action log filters"
      mb={2}
    >
      <Grid container spacing={2}>
        {TEXT_FIELDS.map(field => (
          <Grid item xs={12} sm={6} md={3} key={field.name}>
            <TextField
              id={`action-filter-${field.name}`}
              label={field.label}
              helperText={field.helperText}
              value={draft[field.name] ?? ''}
              onChange={e => set(field.name, e.target.value)}
              inputProps={
                'hints' in field
                  ? { list: `action-filter-${field.name}-hints` }
                  : undefined
              }
              variant="outlined"
              size="small"
              fullWidth
            />
            {'hints' in field && (
              <datalist id={`action-filter-${field.name}-hints`}>
                {hints[field.hints].map(ref => (
                  <option key={ref} value={ref} />
                ))}
              </datalist>
            )}
          </Grid>
        ))}
        <Grid item xs={12} sm={6} md={3}>
          <TextField
            id="action-filter-range"
            select
            label="Time range"
            value={range}
            onChange={e => setRange(e.target.value as TimeRangeId)}
            variant="outlined"
            size="small"
            fullWidth
          >
            {TIME_RANGES.map(option => (
              <MenuItem key={option.id} value={option.id}>
                {option.label}
              </MenuItem>
            ))}
          </TextField>
        </Grid>
        {range === 'custom' && (
          <>
            <Grid item xs={12} sm={6} md={3}>
              <TextField
                id="action-filter-since"
                label="Since"
                helperText={BOUND_HELP}
                value={draft.since ?? ''}
                onChange={e => set('since', e.target.value)}
                variant="outlined"
                size="small"
                fullWidth
              />
            </Grid>
            <Grid item xs={12} sm={6} md={3}>
              <TextField
                id="action-filter-until"
                label="Until"
                helperText={`${BOUND_HELP}; exclusive`}
                value={draft.until ?? ''}
                onChange={e => set('until', e.target.value)}
                variant="outlined"
                size="small"
                fullWidth
              />
            </Grid>
          </>
        )}
        <Grid item xs={12} sm={6} md={3}>
          <Box display="flex" height="100%" alignItems="flex-start" pt={0.5}>
            <Button type="submit" variant="contained" color="primary">
              Apply filters
            </Button>
            <Box ml={1}>
              <Button type="button" onClick={() => onApply({})}>
                Clear
              </Button>
            </Box>
          </Box>
        </Grid>
      </Grid>
    </Box>
  );
}
