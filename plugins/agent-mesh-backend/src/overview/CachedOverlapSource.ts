import { OverlapItem } from '@agent-mesh/plugin-agent-mesh-common';
import { OverlapSource } from './clusters';

/**
 * Remembers the overlap index's answers for a short time. An overview asks the index about
 * every AI-built entity in reach, so a second overview soon after (another period, another
 * team) reuses the answers instead of asking again; a change in the index shows after `ttlMs`.
 */
export class CachedOverlapSource implements OverlapSource {
  private readonly answers = new Map<
    string,
    { expiresAt: number; items: Promise<OverlapItem[]> }
  >();

  constructor(
    private readonly source: OverlapSource,
    private readonly options: {
      ttlMs?: number;
      maxEntries?: number;
      now?: () => number;
    } = {},
  ) {}

  overlapsOf(entityRef: string): Promise<OverlapItem[]> {
    const now = (this.options.now ?? Date.now)();
    const cached = this.answers.get(entityRef);
    if (cached && cached.expiresAt > now) return cached.items;
    if (this.answers.size >= (this.options.maxEntries ?? 200_000)) {
      this.prune(now);
    }
    const items = this.source.overlapsOf(entityRef);
    const entry = { expiresAt: now + (this.options.ttlMs ?? 60_000), items };
    this.answers.set(entityRef, entry);
    // A failed answer is not kept.
    items.catch(() => {
      if (this.answers.get(entityRef) === entry) this.answers.delete(entityRef);
    });
    return items;
  }

  /** Drops expired answers, and everything when that is not enough. */
  private prune(now: number) {
    for (const [ref, entry] of this.answers) {
      if (entry.expiresAt <= now) this.answers.delete(ref);
    }
    if (this.answers.size >= (this.options.maxEntries ?? 200_000)) {
      this.answers.clear();
    }
  }
}
