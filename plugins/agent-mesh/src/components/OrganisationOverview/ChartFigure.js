"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ChartFigure = ChartFigure;
var styles_1 = require("@material-ui/core/styles");
var Typography_1 = require("@material-ui/core/Typography");
var useStyles = (0, styles_1.makeStyles)({
    // Visible to screen readers only.
    visuallyHidden: {
        position: 'absolute',
        width: 1,
        height: 1,
        padding: 0,
        margin: -1,
        overflow: 'hidden',
        clip: 'rect(0, 0, 0, 0)',
        whiteSpace: 'nowrap',
        border: 0,
    },
});
/**
 * A chart with a one-sentence description (its accessible name and caption) and its data as a
 * table that only screen readers see.
 */
function ChartFigure(props) {
    var classes = useStyles();
    var description = props.description, tableCaption = props.tableCaption, columns = props.columns, rows = props.rows, _a = props.height, height = _a === void 0 ? 200 : _a;
    return (<figure style={{ margin: 0 }}>
      <div role="img" aria-label={description} style={{ height: height }}>
        {props.children}
      </div>
      <figcaption>
        <Typography_1.default variant="caption" color="textSecondary">
          {description}
        </Typography_1.default>
      </figcaption>
      <table className={classes.visuallyHidden}>
        <caption>{tableCaption}</caption>
        <thead>
          <tr>
            {columns.map(function (column) { return (<th key={column} scope="col">
                {column}
              </th>); })}
          </tr>
        </thead>
        <tbody>
          {rows.map(function (row) { return (<tr key={String(row[0])}>
              {row.map(function (cell, i) { return (<td key={columns[i]}>{cell}</td>); })}
            </tr>); })}
        </tbody>
      </table>
    </figure>);
}
