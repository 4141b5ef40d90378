export { A2aAgentCardProvider } from './A2aAgentCardProvider';
export type { A2aAgentCardProviderOptions } from './A2aAgentCardProvider';
export { A2aCardProblemProcessor } from './A2aCardProblemProcessor';
export { readA2aConfig } from './config';
export type { A2aCardSource, A2aProviderConfig } from './config';
