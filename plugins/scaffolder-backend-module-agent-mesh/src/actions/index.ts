import {
  AuthService,
  DiscoveryService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createCheckOverlapAction } from './checkOverlap';

export {
  createCheckOverlapAction,
  DEFAULT_BLOCK_THRESHOLD,
} from './checkOverlap';

/** The scaffolder actions of this module. */
export function createScaffolderActions(options: {
  discovery: DiscoveryService;
  auth: AuthService;
  config?: RootConfigService;
}): TemplateAction<any, any, any>[] {
  return [createCheckOverlapAction(options)];
}
