"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PERIOD_DAYS = void 0;
exports.PeriodSelector = PeriodSelector;
var Button_1 = require("@material-ui/core/Button");
var ButtonGroup_1 = require("@material-ui/core/ButtonGroup");
/** The periods that the overview offers, in days. */
exports.PERIOD_DAYS = [7, 30, 90];
/** Buttons for the last 7, 30 or 90 days; the selected one is pressed. */
function PeriodSelector(props) {
    return (<ButtonGroup_1.default size="small" color="primary" aria-label="Period">
      {exports.PERIOD_DAYS.map(function (days) { return (<Button_1.default key={days} variant={days === props.value ? 'contained' : 'outlined'} aria-pressed={days === props.value} onClick={function () { return props.onChange(days); }}>
          {days} days
        </Button_1.default>); })}
    </ButtonGroup_1.default>);
}
