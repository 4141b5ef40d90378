export { ScoreTrendChart, describeTrend } from './ScoreTrendChart';
