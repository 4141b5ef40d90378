import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { formatPercent } from '../shared';

/** A 0..1 similarity as a bar with its percentage. */
export function ScoreBar(props: { score: number; label: string }) {
  const percent = formatPercent(props.score);
  return (
    <Box display="flex" alignItems="center" minWidth={140}>
      <Box flexGrow={1} mr={1}>
        <LinearProgress
          variant="determinate"
          value={Math.max(0, Math.min(100, props.score * 100))}
          aria-label={`${props.label}: ${percent}`}
        />
      </Box>
      <Typography variant="body2">{percent}</Typography>
    </Box>
  );
}
