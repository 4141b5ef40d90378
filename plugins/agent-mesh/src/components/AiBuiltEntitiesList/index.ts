export { AiBuiltEntitiesList } from './AiBuiltEntitiesList';
