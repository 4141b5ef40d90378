import { FormEvent, useState } from 'react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import { PostSimilarRequest } from '@agent-mesh/plugin-agent-mesh-common';
import {
  draftErrors,
  EMPTY_DRAFT,
  SimilarWorkDraft,
  toSimilarRequest,
} from './similarRequest';

const OPTIONAL_FIELDS = [
  {
    name: 'title',
    label: 'Title',
    helperText: 'Optional, e.g. Weekly sales roll-up',
  },
  {
    name: 'type',
    label: 'Type',
    helperText: 'Optional, e.g. aggregator, integration, internal-tool',
  },
  {
    name: 'integrations',
    label: 'Integrations',
    helperText: 'Optional, comma-separated, e.g. salesforce, shopify',
  },
  {
    name: 'owner',
    label: 'Your team',
    helperText: 'Optional, e.g. group:default/brand-c; ranks other teams first',
  },
] as const;

/**
 * What someone wants to build. An empty description is caught here, with the field marked,
 * instead of being sent to the backend.
 */
export function SimilarWorkForm(props: {
  busy: boolean;
  onCheck(request: PostSimilarRequest): void;
}) {
  const [draft, setDraft] = useState<SimilarWorkDraft>(EMPTY_DRAFT);
  const [submitted, setSubmitted] = useState(false);
  const errors = submitted ? draftErrors(draft) : {};

  const set = (name: keyof SimilarWorkDraft, value: string) =>
    setDraft(d => ({ ...d, [name]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(draftErrors(draft)).length === 0) {
      props.onCheck(toSimilarRequest(draft));
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label="What do you want to build?">
      <Grid container spacing={2}>
        <Grid item xs={12}>
          <TextField
            id="similar-description"
            label="What do you want to build?"
            helperText={
              errors.description ??
              'The problem it solves and for whom, the systems it reads or writes'
            }
            error={Boolean(errors.description)}
            required
            multiline
            minRows={3}
            value={draft.description}
            onChange={e => set('description', e.target.value)}
            variant="outlined"
            fullWidth
          />
        </Grid>
        {OPTIONAL_FIELDS.map(field => (
          <Grid item xs={12} sm={6} md={3} key={field.name}>
            <TextField
              id={`similar-${field.name}`}
              label={field.label}
              helperText={field.helperText}
              value={draft[field.name]}
              onChange={e => set(field.name, e.target.value)}
              variant="outlined"
              size="small"
              fullWidth
            />
          </Grid>
        ))}
        <Grid item xs={12}>
          <Button
            type="submit"
            variant="contained"
            color="primary"
            disabled={props.busy}
          >
            Check for similar work
          </Button>
        </Grid>
      </Grid>
    </form>
  );
}
