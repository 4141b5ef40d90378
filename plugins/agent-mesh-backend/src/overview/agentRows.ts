import { OverviewAgent } from '@agent-mesh/plugin-agent-mesh-common';
import { OverviewEntity } from './catalogEntities';

/** One row per agent: what it built, how much it did in the period, when it last acted. */
export function agentRows(options: {
  agents: OverviewEntity[];
  /** Every AI-built entity the caller may see, in scope or not: an agent may build for others. */
  artifacts: OverviewEntity[];
  actionsByAgent: Map<string, number>;
  lastByAgent: Map<string, string>;
}): OverviewAgent[] {
  const built = new Map<string, number>();
  for (const artifact of options.artifacts) {
    for (const agent of new Set(artifact.builtBy)) {
      built.set(agent, (built.get(agent) ?? 0) + 1);
    }
  }
  return options.agents
    .map(agent => ({
      agentRef: agent.ref,
      title: agent.title,
      ...(agent.owner ? { owner: agent.owner } : {}),
      artifactsBuilt: built.get(agent.ref) ?? 0,
      actions: options.actionsByAgent.get(agent.ref) ?? 0,
      lastActivityAt: options.lastByAgent.get(agent.ref) ?? null,
    }))
    .sort(
      (x, y) =>
        y.actions - x.actions ||
        y.artifactsBuilt - x.artifactsBuilt ||
        x.title.localeCompare(y.title),
    );
}
