export * from './constants';
export * from './types';
export * from './schemas';
export * from './entityRefs';
export * from './validation';
export * from './externalIds';
export * from './guards';
