import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';

/** The periods that the overview offers, in days. */
export const PERIOD_DAYS = [7, 30, 90] as const;
export type PeriodDays = (typeof PERIOD_DAYS)[number];

/** Buttons for the last 7, 30 or 90 days; the selected one is pressed. */
export function PeriodSelector(props: {
  value: PeriodDays;
  onChange: (days: PeriodDays) => void;
}) {
  return (
    <ButtonGroup size="small" color="primary" aria-label="Period">
      {PERIOD_DAYS.map(days => (
        <Button
          key={days}
          variant={days === props.value ? 'contained' : 'outlined'}
          aria-pressed={days === props.value}
          onClick={() => props.onChange(days)}
        >
          {days} days
        </Button>
      ))}
    </ButtonGroup>
  );
}
