import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { AGENT_KIND } from '@agent-mesh/plugin-agent-mesh-common';
import useAsync from 'react-use/esm/useAsync';

export interface EntityRefHints {
  agents: string[];
  teams: string[];
}

const NONE: EntityRefHints = { agents: [], teams: [] };

/**
 * The refs of the catalog's Agents and Groups, to suggest in the filter fields. Suggestions are
 * a convenience: while they load, or if the catalog cannot be read, there are none.
 */
export function useEntityRefHints(): EntityRefHints {
  const catalogApi = useApi(catalogApiRef);
  const { value } = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: [AGENT_KIND, 'Group'] },
      fields: ['kind', 'metadata.name', 'metadata.namespace'],
    });
    const hints: EntityRefHints = { agents: [], teams: [] };
    for (const entity of items) {
      const ref = stringifyEntityRef(entity);
      if (entity.kind.toLocaleLowerCase('en-US') === 'group') {
        hints.teams.push(ref);
      } else {
        hints.agents.push(ref);
      }
    }
    hints.agents.sort();
    hints.teams.sort();
    return hints;
  }, [catalogApi]);
  return value ?? NONE;
}
