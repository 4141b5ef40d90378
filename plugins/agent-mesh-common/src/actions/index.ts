export * from './types';
export * from './chain';
export * from './checkpoints';
