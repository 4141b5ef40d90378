import { TemplateAction } from '@backstage/plugin-scaffolder-node';

/**
 * The scaffolder actions of this module. `agent-mesh:check-overlap` joins this list once the
 * backend answers `POST /similar`.
 */
export function createScaffolderActions(): TemplateAction<any, any, any>[] {
  return [];
}
