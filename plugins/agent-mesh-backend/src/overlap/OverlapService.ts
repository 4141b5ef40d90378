import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  GetOverlapsResponse,
  OverlapItem,
  SimilarItem,
} from '@agent-mesh/plugin-agent-mesh-common';
import { OverlapConfig, SimilarInput } from './engine';
import { entryFromEntity, isAcknowledged } from './entry';
import { fetchEligibleEntity } from './catalogEntities';
import { OverlapSubjectStore } from './OverlapSubjectStore';
import { SyncedOverlapIndex } from './SyncedOverlapIndex';
import { visibleRefs } from '../catalog';

/** What other parts of the plugin (scorecards, overview, MCP actions) ask the overlap index. */
export interface OverlapService {
  /**
   * The overlaps of an entity (a full entity ref), cross-team first, with `acknowledged` set;
   * empty when the entity is not in the index (no catalog lookup: made for callers that go
   * through many entities, like the scorecards, whose `OverlapLookup` it fits).
   */
  overlapsOf(entityRef: string): Promise<OverlapItem[]>;
  /**
   * `GET /overlaps`: the overlaps of an entity under its ref as indexed; undefined when the
   * entity is neither in the index nor an eligible entity of the catalog. With `credentials`,
   * as that caller may see the catalog: undefined when it may not read the entity, and only
   * the overlaps it may read.
   */
  lookup(
    entityRef: string,
    credentials?: BackstageCredentials,
  ): Promise<GetOverlapsResponse | undefined>;
  /**
   * Indexed entities similar to work that is not in the catalog yet; with `credentials`, only
   * those the caller may read in the catalog.
   */
  similar(
    input: SimilarInput & { limit?: number },
    credentials?: BackstageCredentials,
  ): Promise<SimilarItem[]>;
  /**
   * Whether the index holds the catalog yet (a reconcile has completed). Until then, an empty
   * answer means "not known yet", not "nothing similar".
   */
  indexReady(): boolean;
  /**
   * The index's version after applying what changed in the store: it moves whenever any indexed
   * entity does, and is the same on every replica for the same store state.
   */
  indexVersion(): Promise<number>;
}

/** What answers say while the index is not built yet. */
export const INDEX_NOT_READY_MESSAGE =
  'The overlap index is still being built from the catalog: this answer may miss matches. Ask again in a few seconds.';

/** An owner as the index stores it: a full entity ref (`brand-a` is `group:default/brand-a`). */
function ownerRef(owner: string): string {
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    );
  } catch {
    return owner;
  }
}

/** `indexReady`, and the message that says what it means while false. */
export function readiness(ready: boolean): {
  indexReady: boolean;
  message?: string;
} {
  return ready
    ? { indexReady: true }
    : { indexReady: false, message: INDEX_NOT_READY_MESSAGE };
}

export class DefaultOverlapService implements OverlapService {
  constructor(
    private readonly options: {
      synced: SyncedOverlapIndex;
      store: OverlapSubjectStore;
      catalog: CatalogService;
      auth: AuthService;
      config: OverlapConfig;
      logger: LoggerService;
    },
  ) {}

  indexReady(): boolean {
    return this.options.synced.ready;
  }

  async indexVersion(): Promise<number> {
    await this.options.synced.refresh();
    return this.options.synced.seq;
  }

  async overlapsOf(entityRef: string): Promise<OverlapItem[]> {
    return (await this.#overlaps(entityRef, false))?.items ?? [];
  }

  async lookup(
    entityRef: string,
    credentials?: BackstageCredentials,
  ): Promise<GetOverlapsResponse | undefined> {
    const result = await this.#overlaps(entityRef, true);
    if (!result || !credentials) return result;
    const visible = await visibleRefs(this.options, credentials, [
      result.entityRef,
      ...result.items.map(i => i.entityRef),
    ]);
    // A hidden entity answers as an unknown one: 404, not an empty 200.
    if (!visible.has(result.entityRef)) return undefined;
    return {
      ...result,
      items: result.items.filter(i => visible.has(i.entityRef)),
    };
  }

  async #overlaps(
    entityRef: string,
    fetchMissing: boolean,
  ): Promise<GetOverlapsResponse | undefined> {
    const { synced } = this.options;
    await synced.refresh();
    const entry =
      synced.entry(entityRef) ??
      (fetchMissing ? await this.#refreshEntity(entityRef) : undefined);
    if (!entry) return undefined;
    const matches = await synced.index.query(entry.entityRef);
    return {
      entityRef: entry.entityRef,
      indexVersion: synced.seq,
      ...readiness(synced.ready),
      items: matches.map(match => {
        const other = synced.entry(match.entityRef);
        return {
          entityRef: match.entityRef,
          title: match.title,
          owner: match.owner,
          score: match.score,
          crossTeam: match.crossTeam,
          kind: match.kind,
          acknowledged: Boolean(other && isAcknowledged(entry, other)),
          reasons: match.reasons,
        };
      }),
    };
  }

  async similar(
    input: SimilarInput & { limit?: number },
    credentials?: BackstageCredentials,
  ): Promise<SimilarItem[]> {
    const { synced } = this.options;
    await synced.refresh();
    const { limit: asked, ...subject } = input;
    const limit = asked ?? synced.index.maxResults;
    const query = {
      ...subject,
      owner: subject.owner && ownerRef(subject.owner),
    };
    // A caller who may not read some matches still gets `limit` of the ones they may: ask the
    // index for more until enough are visible or it has no more.
    for (let want = limit; ; want *= 4) {
      const matches = await synced.index.similarTo(query, { limit: want });
      const items = matches.map(
        ({ entityRef, title, owner, score, kind, reasons }) => ({
          entityRef,
          title,
          owner,
          score,
          kind,
          reasons,
        }),
      );
      if (!credentials) return items;
      const visible = await visibleRefs(
        this.options,
        credentials,
        items.map(i => i.entityRef),
      );
      const shown = items.filter(i => visible.has(i.entityRef));
      if (shown.length >= limit || matches.length < want) {
        return shown.slice(0, limit);
      }
    }
  }

  /**
   * The catalog has no entity change events (see setupOverlap), so an entity that the index does
   * not know yet (created since the last reconcile) is looked up in the catalog when asked for,
   * written to the store and indexed at once. Other replicas pick it up from the store.
   */
  async #refreshEntity(entityRef: string) {
    const { catalog, auth, config, store, synced } = this.options;
    const entity = await fetchEligibleEntity({
      catalog,
      auth,
      config,
      entityRef,
    });
    if (!entity) return undefined;
    const entry = entryFromEntity(entity);
    await store.write({ upserts: [entry] });
    synced.apply([entry]);
    return entry;
  }
}
