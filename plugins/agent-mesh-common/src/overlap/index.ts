export * from './types';
export * from './eligibility';
