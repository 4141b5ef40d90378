export { OverlapsCard } from './OverlapsCard';
