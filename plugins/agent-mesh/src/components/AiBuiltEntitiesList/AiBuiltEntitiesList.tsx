import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  catalogApiRef,
  EntityRefLink,
  EntityRefLinks,
  getEntityRelations,
} from '@backstage/plugin-catalog-react';
import { Entity, RELATION_OWNED_BY } from '@backstage/catalog-model';
import {
  AGENT_KIND,
  AI_ARTIFACT_KIND,
  ANNOTATION_BUILT_BY,
} from '@agent-mesh/plugin-agent-mesh-common';
import {
  CATALOG_FILTER_EXISTS,
  EntityFilterQuery,
} from '@backstage/catalog-client';
import useAsync from 'react-use/esm/useAsync';

const AI_BUILT_FILTER: EntityFilterQuery = [
  { kind: [AI_ARTIFACT_KIND, AGENT_KIND] },
  { [`metadata.annotations.${ANNOTATION_BUILT_BY}`]: CATALOG_FILTER_EXISTS },
];

const columns: TableColumn<Entity>[] = [
  {
    title: 'Name',
    highlight: true,
    render: entity => (
      <EntityRefLink entityRef={entity} defaultKind={entity.kind} />
    ),
  },
  { title: 'Kind', field: 'kind' },
  { title: 'Type', render: entity => String(entity.spec?.type ?? '') },
  {
    title: 'Lifecycle',
    render: entity => String(entity.spec?.lifecycle ?? ''),
  },
  {
    title: 'Owner',
    render: entity => (
      <EntityRefLinks
        entityRefs={getEntityRelations(entity, RELATION_OWNED_BY)}
        defaultKind="Group"
      />
    ),
  },
  { title: 'Description', field: 'metadata.description' },
];

/** Every agent and AI-built entity in the catalog, with its type, lifecycle and owner. */
export function AiBuiltEntitiesList() {
  const catalogApi = useApi(catalogApiRef);
  const { value, loading, error } = useAsync(async () => {
    const response = await catalogApi.getEntities({
      filter: AI_BUILT_FILTER,
      order: [{ field: 'metadata.name', order: 'asc' }],
    });
    return response.items;
  }, [catalogApi]);

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!value || value.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="Nothing AI-built in the catalog yet"
        description="Register Agent and AiArtifact entities, or add the agent-mesh.io/built-by annotation to your components."
      />
    );
  }
  return (
    <Table<Entity>
      title="Agents and AI-built artifacts"
      options={{ paging: false, search: true }}
      columns={columns}
      data={value}
    />
  );
}
