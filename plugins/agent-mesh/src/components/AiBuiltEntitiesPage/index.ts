export { AiBuiltEntitiesPage } from './AiBuiltEntitiesPage';
