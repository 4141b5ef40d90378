import { RootConfigService } from '@backstage/backend-plugin-api';
import {
  AcknowledgedOverlap,
  entityPageUrl,
  PostSimilarRequest,
  SimilarItem,
} from '@agent-mesh/plugin-agent-mesh-common';
import { AgentMeshApi } from '@agent-mesh/plugin-agent-mesh-common/client';
import { ResponseError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';

/** Matches at or above this score block the template unless acknowledged. */
export const DEFAULT_BLOCK_THRESHOLD = 0.5;

/** One match as the action outputs it. */
export interface OverlapMatch extends SimilarItem {
  /** The catalog page of the match. */
  link: string;
}

function describeMatch(match: OverlapMatch): string {
  return `- ${match.kind ?? 'duplicate'}: ${match.title} (${match.entityRef})${
    match.owner ? `, owned by ${match.owner}` : ''
  }, score ${match.score.toFixed(2)}: ${match.reasons.join('; ')}. ${
    match.link
  }`;
}

/**
 * `agent-mesh:check-overlap`: asks the Agent Mesh backend (`POST /api/agent-mesh/similar`)
 * whether work like the one a template is about to create exists already. Matches at or above
 * the threshold fail the step, unless the user gave an acknowledgement, which the action turns
 * into `acknowledgedOverlaps` for the new entity.
 */
export function createCheckOverlapAction(options: {
  agentMesh: AgentMeshApi;
  config?: RootConfigService;
}) {
  const { agentMesh } = options;
  const appBaseUrl = options.config?.getOptionalString('app.baseUrl') ?? '';

  return createTemplateAction({
    id: 'agent-mesh:check-overlap',
    description:
      'Checks the Agent Mesh overlap index for existing work that does the same job as what the template is about to create. Fails the step when a duplicate (the same product or the same job) reaches the threshold, unless an acknowledgement is given; alternatives (the same job with another product) are logged as warnings. Outputs the matches with their kind and, when acknowledged, acknowledgedOverlaps for the new entity.',
    supportsDryRun: true,
    examples: [
      {
        description: 'Check a new sales aggregator before creating it',
        example: `steps:
  - id: check-overlap
    name: Check for similar work
    action: agent-mesh:check-overlap
    input:
      name: \${{ parameters.name }}
      description: \${{ parameters.description }}
      type: aggregator
      integrations: [shopify, salesforce]
      owner: \${{ parameters.owner }}
      acknowledgement: \${{ parameters.acknowledgement }}`,
      },
    ],
    schema: {
      input: {
        name: z => z.string().min(1).describe('Name or title of the new work'),
        description: z =>
          z.string().min(1).describe('What it does, for whom, with which data'),
        type: z =>
          z
            .string()
            .optional()
            .describe('aggregator, integration, internal-tool, ...'),
        integrations: z =>
          z
            .array(z.string())
            .optional()
            .describe('External systems it reads or writes'),
        owner: z =>
          z
            .string()
            .optional()
            .describe('The owning team, e.g. group:default/marketing'),
        threshold: z =>
          z
            .number()
            .min(0)
            .max(1)
            .optional()
            .describe(
              `Matches with at least this score (0..1) block the step; default ${DEFAULT_BLOCK_THRESHOLD}`,
            ),
        acknowledgement: z =>
          z
            .string()
            .optional()
            .describe(
              'Why the new work is built despite the matches; when given, the step succeeds and records the overlaps as acknowledged',
            ),
      },
      output: {
        matches: z =>
          z
            .array(
              z.object({
                entityRef: z.string(),
                title: z.string(),
                owner: z.string().optional(),
                score: z.number(),
                kind: z
                  .enum(['duplicate', 'alternative'])
                  .describe(
                    'duplicate: the same work; alternative: the same job with another product',
                  ),
                reasons: z.array(z.string()),
                link: z.string(),
              }),
            )
            .describe('Similar existing work, best match first'),
        blocked: z =>
          z
            .boolean()
            .describe(
              'True when a match reaches the threshold and no acknowledgement was given',
            ),
        acknowledgedOverlaps: z =>
          z
            .array(z.object({ entityRef: z.string(), reason: z.string() }))
            .describe(
              'For spec.acknowledgedOverlaps of the new entity: the matches at or above the threshold with the acknowledgement as reason',
            ),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const threshold = input.threshold ?? DEFAULT_BLOCK_THRESHOLD;
      const body: PostSimilarRequest = {
        title: input.name,
        description: input.description,
        ...(input.type ? { type: input.type } : {}),
        ...(input.integrations?.length
          ? { integrations: input.integrations }
          : {}),
        ...(input.owner ? { owner: input.owner } : {}),
        limit: 10,
      };
      let items: SimilarItem[];
      try {
        ({ items } = await agentMesh.findSimilar(body, { signal: ctx.signal }));
      } catch (error) {
        if (!(error instanceof ResponseError)) throw error;
        throw new Error(
          `The Agent Mesh overlap check failed (${error.statusCode}): ${error.body.error.message}`,
          { cause: error },
        );
      }
      const matches: OverlapMatch[] = items.map(item => ({
        ...item,
        link: entityPageUrl(item.entityRef, { baseUrl: appBaseUrl }),
      }));
      const above = matches.filter(m => m.score >= threshold);
      // Duplicate work blocks; another team doing the job with another product is worth
      // knowing before building, but is a choice of vendor, not a reason to stop.
      const duplicates = above.filter(m => m.kind !== 'alternative');
      const alternatives = above.filter(m => m.kind === 'alternative');
      const acknowledgement = input.acknowledgement?.trim();
      const blocked = duplicates.length > 0 && !acknowledgement;
      const acknowledgedOverlaps: AcknowledgedOverlap[] = acknowledgement
        ? above.map(m => ({ entityRef: m.entityRef, reason: acknowledgement }))
        : [];

      ctx.output('matches', matches);
      ctx.output('blocked', blocked);
      ctx.output('acknowledgedOverlaps', acknowledgedOverlaps);

      if (matches.length === 0) {
        ctx.logger.info('No similar work found in the catalog.');
        return;
      }
      ctx.logger.info(
        `Similar work in the catalog:\n${matches
          .map(describeMatch)
          .join('\n')}`,
      );
      if (alternatives.length > 0) {
        ctx.logger.warn(
          `${
            alternatives.length
          } existing artifact(s) do the same job with other products (score at least ${threshold}); consider standardising on one:\n${alternatives
            .map(describeMatch)
            .join('\n')}`,
        );
      }
      if (blocked) {
        throw new Error(
          `${
            duplicates.length
          } existing artifact(s) already do this job (score at least ${threshold}):\n${duplicates
            .map(describeMatch)
            .join(
              '\n',
            )}\nTalk to their owners and reuse their work; or go back, give an acknowledgement that says why this is built anyway, and run the template again.`,
        );
      }
      if (above.length > 0) {
        ctx.logger.info(
          `Acknowledged ${above.length} overlap(s): ${acknowledgement}`,
        );
      }
    },
  });
}
