import Typography from '@material-ui/core/Typography';

/** The reasons the backend gave for a match, one list item each. */
export function ReasonList(props: { reasons: string[] }) {
  return (
    <ul style={{ margin: 0, paddingLeft: 16 }}>
      {props.reasons.map(reason => (
        <li key={reason}>
          <Typography variant="body2">{reason}</Typography>
        </li>
      ))}
    </ul>
  );
}
