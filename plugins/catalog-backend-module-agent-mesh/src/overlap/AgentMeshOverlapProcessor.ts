import { LoggerService } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  DEFAULT_OVERLAP_KINDS,
  DEFAULT_OVERLAP_TYPES,
  isOverlapEligible,
  OverlapItem,
  RELATION_OVERLAPS_WITH,
} from '@agent-mesh/plugin-agent-mesh-common';
import { OverlapLookupClient } from './AgentMeshOverlapClient';

/** Defaults of the processor's tuning options. */
export const OVERLAP_PROCESSOR_DEFAULTS = {
  /** How long an answer for one entity is reused. */
  cacheTtlMs: 100_000,
  /**
   * After that, an answer is still reused while the index version that gave it is the newest
   * one the backend reported within this period (the index has not changed since).
   */
  versionCheckMs: 5_000,
  /** But not for longer than this. */
  versionedCacheMaxAgeMs: 60 * 60_000,
  /** At most this many answers are kept. */
  cacheMaxEntries: 50_000,
  /** At most this many requests to the backend at a time. */
  maxConcurrency: 8,
  /** After a failed request, no request is made for this long. */
  backoffMs: 10_000,
  /** At most one warning about an unavailable backend in this period. */
  warnIntervalMs: 5 * 60_000,
};

/** Options of {@link AgentMeshOverlapProcessor}. */
export interface AgentMeshOverlapProcessorOptions {
  client: OverlapLookupClient;
  logger: LoggerService;
  /** Kinds other than AiArtifact that take part with the built-by annotation or one of `types`. */
  kinds?: readonly string[];
  /** spec.types that make an entity of `kinds` take part without the annotation. */
  types?: readonly string[];
  /**
   * Emit `overlapsWith` for alternatives too (the same job with other products), not only for
   * duplicates. Default false.
   */
  includeAlternatives?: boolean;
  cacheTtlMs?: number;
  versionCheckMs?: number;
  versionedCacheMaxAgeMs?: number;
  cacheMaxEntries?: number;
  maxConcurrency?: number;
  backoffMs?: number;
  warnIntervalMs?: number;
  /** The clock, for tests. */
  now?: () => number;
}

/** Reads `agentMesh.overlap.kinds` and `agentMesh.overlap.types` as the backend reads them. */
export function readOverlapEligibility(config: Config): {
  kinds: readonly string[];
  types: readonly string[];
} {
  return {
    kinds:
      config.getOptionalStringArray('agentMesh.overlap.kinds') ??
      DEFAULT_OVERLAP_KINDS,
    types:
      config.getOptionalStringArray('agentMesh.overlap.types') ??
      DEFAULT_OVERLAP_TYPES,
  };
}

/**
 * Asks the agent-mesh backend for the overlaps of each eligible entity (AiArtifacts, and
 * entities of the configured kinds that carry the built-by annotation or a configured
 * spec.type) and emits `overlapsWith` in both directions for each match. The backend applies
 * the threshold; acknowledged overlaps keep their relation (they stay visible).
 *
 * It never fails processing: when the backend is unreachable, slow or answers an error, the
 * entity goes on without overlap relations, one warning is logged (at most one per
 * `warnIntervalMs`), and no request is made for `backoffMs`. An entity that the backend has not
 * indexed yet (404) has no overlap relations until a later processing run. Answers are cached
 * per entity for `cacheTtlMs`, and after that for as long as the backend's index version has
 * not changed (see `isCurrent`); at most `maxConcurrency` requests run at a time.
 *
 */
export class AgentMeshOverlapProcessor implements CatalogProcessor {
  private readonly client: OverlapLookupClient;
  private readonly logger: LoggerService;
  private readonly eligibility: {
    kinds: readonly string[];
    types: readonly string[];
  };
  private readonly cacheTtlMs: number;
  private readonly versionCheckMs: number;
  private readonly versionedCacheMaxAgeMs: number;
  private readonly cacheMaxEntries: number;
  private readonly maxConcurrency: number;
  private readonly backoffMs: number;
  private readonly warnIntervalMs: number;
  private readonly now: () => number;

  private readonly cache = new Map<
    string,
    { at: number; items: OverlapItem[]; indexVersion?: number }
  >();
  /** The newest index version the backend reported, and when it last did. */
  private latestVersion: { value: number; seenAt: number } | undefined;
  private readonly inFlight = new Map<string, Promise<OverlapItem[]>>();
  private readonly waiting: Array<() => void> = [];
  private running = 0;
  private unavailableUntil = 0;
  private lastWarnAt: number | undefined;
  private failing = false;
  private readonly includeAlternatives: boolean;

  constructor(options: AgentMeshOverlapProcessorOptions) {
    const d = OVERLAP_PROCESSOR_DEFAULTS;
    this.client = options.client;
    this.logger = options.logger;
    this.eligibility = {
      kinds: options.kinds ?? DEFAULT_OVERLAP_KINDS,
      types: options.types ?? [],
    };
    this.includeAlternatives = options.includeAlternatives ?? false;
    this.cacheTtlMs = options.cacheTtlMs ?? d.cacheTtlMs;
    this.versionCheckMs = options.versionCheckMs ?? d.versionCheckMs;
    this.versionedCacheMaxAgeMs =
      options.versionedCacheMaxAgeMs ?? d.versionedCacheMaxAgeMs;
    this.cacheMaxEntries = options.cacheMaxEntries ?? d.cacheMaxEntries;
    this.maxConcurrency = Math.max(
      1,
      options.maxConcurrency ?? d.maxConcurrency,
    );
    this.backoffMs = options.backoffMs ?? d.backoffMs;
    this.warnIntervalMs = options.warnIntervalMs ?? d.warnIntervalMs;
    this.now = options.now ?? Date.now;
  }

  getProcessorName(): string {
    return 'AgentMeshOverlapProcessor';
  }

  /** AiArtifacts, and entities of the configured kinds with the annotation or a configured type. */
  isEligible(entity: Entity): boolean {
    return isOverlapEligible(entity, this.eligibility);
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (!this.isEligible(entity)) return entity;
    const self = getCompoundEntityRef(entity);
    const selfRef = stringifyEntityRef(self);
    const items = await this.overlapsOf(selfRef);
    for (const item of items) {
      // An answer without a kind is from a backend that did not grade overlaps: a duplicate.
      if (item.kind === 'alternative' && !this.includeAlternatives) continue;
      const other = parseRef(item.entityRef);
      if (!other || stringifyEntityRef(other) === selfRef) continue;
      emit(
        processingResult.relation({
          source: self,
          type: RELATION_OVERLAPS_WITH,
          target: other,
        }),
      );
      emit(
        processingResult.relation({
          source: other,
          type: RELATION_OVERLAPS_WITH,
          target: self,
        }),
      );
    }
    return entity;
  }

  /** The overlaps of an entity: cached, shared with a request under way, or asked for. */
  private async overlapsOf(entityRef: string): Promise<OverlapItem[]> {
    const cached = this.cache.get(entityRef);
    if (cached && this.isCurrent(cached)) return cached.items;
    if (this.now() < this.unavailableUntil) return [];
    const pending = this.inFlight.get(entityRef);
    if (pending) return pending;
    const request = this.request(entityRef).finally(() =>
      this.inFlight.delete(entityRef),
    );
    this.inFlight.set(entityRef, request);
    return request;
  }

  /**
   * Whether a cached answer can be used: it is younger than the cache time, or the index that
   * gave it has not changed since, as far as the backend said within `versionCheckMs`. So in
   * steady state a processing round costs a request every few seconds, not one per entity,
   * and a change in the index reaches every entity within that time.
   */
  private isCurrent(cached: { at: number; indexVersion?: number }): boolean {
    const now = this.now();
    if (now - cached.at < this.cacheTtlMs) return true;
    const latest = this.latestVersion;
    return (
      latest !== undefined &&
      cached.indexVersion === latest.value &&
      now - latest.seenAt < this.versionCheckMs &&
      now - cached.at < this.versionedCacheMaxAgeMs
    );
  }

  private noteVersion(version: number | undefined) {
    if (version === undefined) return;
    // Replicas may lag a little behind each other: the newest version wins.
    if (!this.latestVersion || version >= this.latestVersion.value) {
      this.latestVersion = { value: version, seenAt: this.now() };
    }
  }

  private async request(entityRef: string): Promise<OverlapItem[]> {
    await this.acquire();
    try {
      // The backend may have failed while this request waited for its turn.
      if (this.now() < this.unavailableUntil) return [];
      const answer = await this.client.getOverlaps(entityRef);
      const items = answer?.items ?? [];
      this.noteVersion(answer?.indexVersion);
      this.remember(entityRef, items, answer?.indexVersion);
      if (this.failing) {
        this.failing = false;
        this.logger.info(
          'The agent-mesh backend answers again; overlapsWith relations are emitted again',
        );
      }
      return items;
    } catch (error) {
      this.fail(error);
      return [];
    } finally {
      this.release();
    }
  }

  private fail(error: unknown) {
    const now = this.now();
    this.unavailableUntil = now + this.backoffMs;
    this.failing = true;
    if (
      this.lastWarnAt === undefined ||
      now - this.lastWarnAt >= this.warnIntervalMs
    ) {
      this.lastWarnAt = now;
      const reason =
        error instanceof Error ? `${error.name}: ${error.message}` : `${error}`;
      this.logger.warn(
        `Could not get overlaps from the agent-mesh backend; catalog processing goes on without overlapsWith relations (retrying after ${Math.round(
          this.backoffMs / 1000,
        )} s; this warning repeats at most every ${Math.round(
          this.warnIntervalMs / 60_000,
        )} min): ${reason}`,
      );
    }
  }

  private remember(
    entityRef: string,
    items: OverlapItem[],
    indexVersion: number | undefined,
  ) {
    this.cache.delete(entityRef);
    this.cache.set(entityRef, { at: this.now(), items, indexVersion });
    while (this.cache.size > this.cacheMaxEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
  }

  private async acquire() {
    if (this.running < this.maxConcurrency) {
      this.running += 1;
      return;
    }
    await new Promise<void>(resolve => this.waiting.push(resolve));
  }

  private release() {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }
}

function parseRef(ref: unknown): CompoundEntityRef | undefined {
  if (typeof ref !== 'string') return undefined;
  try {
    return parseEntityRef(ref);
  } catch {
    return undefined;
  }
}
