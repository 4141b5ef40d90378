export * from './fakes';
