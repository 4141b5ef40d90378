import { LoggerService } from '@backstage/backend-plugin-api';
import { createHash } from 'node:crypto';
import { OverviewOverlapCluster } from '@agent-mesh/plugin-agent-mesh-common';
import { OverlapPair, overlapClusters } from './clusters';
import {
  OverlapPairsState,
  OverlapPairStore,
  StoredOverlapPair,
} from './OverlapPairStore';
import { OverviewSnapshot } from './OverviewSnapshot';

/** What answers say before the snapshot of the catalog is read. */
export const SNAPSHOT_NOT_READY_MESSAGE =
  'The overview is still being built from the catalog: these figures are empty or incomplete. Ask again in a few seconds.';

/** What answers say before the overlap pairs are computed. */
export const PAIRS_NOT_READY_MESSAGE =
  'The overview’s overlap clusters are still being computed from the overlap index: this answer may miss clusters. Ask again in a minute.';

/** What the catalog part of a snapshot holds: its entities, their owners and titles. */
function snapshotSignature(snapshot: OverviewSnapshot): string {
  const lines = [
    ...snapshot.groups.map(g => `${g.ref} ${g.parentRef ?? ''} ${g.title}`),
    ...[...snapshot.agents, ...snapshot.artifacts].map(
      e => `${e.ref} ${e.owner ?? ''} ${e.title}`,
    ),
  ].sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/** What a request answers from. */
export interface OverviewModelView {
  snapshot?: OverviewSnapshot;
  /** The stored pairs between the snapshot's AI-built entities of different owners. */
  pairs: OverlapPair[];
  /** The clusters of all of `pairs`: the clusters of a caller who may see everything. */
  clusters: OverviewOverlapCluster[];
  ready: boolean;
  message?: string;
}

/**
 * The overview's read model in one replica's memory: a snapshot of the catalog and the plugin's
 * stores, re-read by the replica's scheduled task, and the overlap pairs, computed by one
 * replica (`refreshOverlapPairs`) into the shared store and loaded from there by every
 * replica. Requests answer from it without reading the catalog or asking the overlap index.
 */
export class OverviewReadModel {
  #snapshot: OverviewSnapshot | undefined;
  #stored: { state: OverlapPairsState; pairs: StoredOverlapPair[] } | undefined;
  #derived: Pick<OverviewModelView, 'pairs' | 'clusters'> = {
    pairs: [],
    clusters: [],
  };
  #building: Promise<OverviewSnapshot> | undefined;
  #loadingPairs: Promise<void> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #signature: string | undefined;
  #contentVersion = 0;

  constructor(
    private readonly options: {
      build: () => Promise<OverviewSnapshot>;
      pairStore: OverlapPairStore;
      /** The overlap threshold, which holds a cluster together. */
      clusterThreshold: number;
      logger: LoggerService;
      /** A snapshot without any Agent or AI-built entity counts as built only after this. */
      emptyCatalogReadyAt: number;
      now?: () => number;
    },
  ) {}

  /** The current snapshot, pairs and clusters, and whether they are complete. */
  view(): OverviewModelView {
    return { snapshot: this.#snapshot, ...this.#derived, ...this.#readiness() };
  }

  /** Moves when a new snapshot holds other entities than the one before (the warm-up's cue). */
  get contentVersion(): number {
    return this.#contentVersion;
  }

  /** Reads a new snapshot; concurrent calls share one read. */
  refreshSnapshot(): Promise<OverviewSnapshot> {
    if (!this.#building) {
      this.#building = this.options
        .build()
        .then(snapshot => {
          const signature = snapshotSignature(snapshot);
          if (signature !== this.#signature) {
            this.#signature = signature;
            this.#contentVersion++;
          }
          this.#snapshot = snapshot;
          this.#derived = this.#derive();
          return snapshot;
        })
        .finally(() => {
          this.#building = undefined;
        });
    }
    return this.#building;
  }

  /** Loads the stored pairs when another write was made since the last load. */
  refreshPairs(): Promise<void> {
    if (!this.#loadingPairs) {
      this.#loadingPairs = this.#refreshPairs().finally(() => {
        this.#loadingPairs = undefined;
      });
    }
    return this.#loadingPairs;
  }

  startPolling(intervalMs: number): void {
    this.stopPolling();
    this.#timer = setInterval(() => {
      this.refreshPairs().catch(error =>
        this.options.logger.warn(
          `Could not load the overview's overlap pairs: ${error}`,
        ),
      );
    }, intervalMs);
    this.#timer.unref?.();
  }

  stopPolling(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  async #refreshPairs(): Promise<void> {
    const state = await this.options.pairStore.state();
    if (!state || state.version === this.#stored?.state.version) return;
    this.#stored = await this.options.pairStore.read();
    this.#derived = this.#derive();
  }

  /** The stored pairs between the snapshot's entities, and their clusters. */
  #derive(): Pick<OverviewModelView, 'pairs' | 'clusters'> {
    const snapshot = this.#snapshot;
    if (!snapshot) return { pairs: [], clusters: [] };
    const artifacts = new Map(snapshot.artifacts.map(a => [a.ref, a]));
    const pairs: OverlapPair[] = [];
    for (const stored of this.#stored?.pairs ?? []) {
      const a = artifacts.get(stored.a);
      const b = artifacts.get(stored.b);
      // The owners as the catalog has them now; the index checked them when it was asked.
      if (!a?.owner || !b?.owner || a.owner === b.owner) continue;
      pairs.push({
        a,
        b,
        score: stored.score,
        kind: stored.kind,
        reasons: stored.reasons,
      });
    }
    return {
      pairs,
      clusters: overlapClusters(pairs, this.options.clusterThreshold),
    };
  }

  #readiness(): Pick<OverviewModelView, 'ready' | 'message'> {
    const snapshot = this.#snapshot;
    const catalogEmpty =
      !snapshot ||
      (snapshot.agents.length === 0 && snapshot.artifacts.length === 0);
    // Right after a start the catalog may still be filling: an empty one is not trusted yet.
    if (
      !snapshot ||
      (catalogEmpty &&
        (this.options.now ?? Date.now)() < this.options.emptyCatalogReadyAt)
    ) {
      return { ready: false, message: SNAPSHOT_NOT_READY_MESSAGE };
    }
    if (!this.#stored)
      return { ready: false, message: PAIRS_NOT_READY_MESSAGE };
    return { ready: true };
  }
}
