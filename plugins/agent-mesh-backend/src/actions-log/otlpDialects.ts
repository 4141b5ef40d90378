/**
 * Trace dialects other than the OpenTelemetry GenAI semantic conventions, read as GenAI
 * attributes: OpenInference (`openinference.span.kind`, Arize Phoenix and its instrumentations)
 * and Langfuse (`langfuse.observation.*`, `langfuse.trace.*`, Langfuse's OpenTelemetry SDKs).
 *
 * Precedence, per GenAI attribute: the span's own `gen_ai.*` value; else OpenInference's; else
 * Langfuse's. A span that says nothing in any of them stays as it is. The span's attributes are
 * stored as sent; only what the log derives from them (type, agent, model, tokens, tool, user,
 * conversation) reads the GenAI view this gives.
 */

type Attributes = Record<string, unknown>;

/** A dialect: the GenAI attributes it says, from one span's attributes. */
interface Dialect {
  name: string;
  speaks(attributes: Attributes): boolean;
  toGenAi(attributes: Attributes): Attributes;
}

/** The GenAI operation of a span kind, shared by both dialects' kind names (lower case). */
const OPERATION_OF_KIND: Record<string, string> = {
  tool: 'execute_tool',
  agent: 'invoke_agent',
  llm: 'chat',
  generation: 'chat',
  embedding: 'embeddings',
};

function operationOf(kind: unknown): string | undefined {
  if (typeof kind !== 'string' || kind.trim() === '') return undefined;
  const lower = kind.trim().toLowerCase();
  // Other kinds (chain, retriever, reranker, guardrail, evaluator, span, event) keep their
  // name, and become `gen_ai.<kind>` actions like any other GenAI operation.
  return OPERATION_OF_KIND[lower] ?? lower;
}

function firstNumber(...values: unknown[]): number | undefined {
  for (const value of values) {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  }
  return undefined;
}

/** Langfuse sends usage as a JSON object in a string attribute. */
function usageDetails(value: unknown): Attributes {
  if (typeof value !== 'string') return {};
  try {
    const parsed = JSON.parse(value);
    return parsed && typeof parsed === 'object' ? parsed : {};
  } catch {
    return {};
  }
}

const openInference: Dialect = {
  name: 'openinference',
  speaks: attributes => 'openinference.span.kind' in attributes,
  toGenAi: a => ({
    'gen_ai.operation.name': operationOf(a['openinference.span.kind']),
    'gen_ai.tool.name': a['tool.name'],
    'gen_ai.agent.name': a['agent.name'],
    'gen_ai.request.model': a['llm.model_name'] ?? a['embedding.model_name'],
    'gen_ai.provider.name': a['llm.provider'] ?? a['llm.system'],
    'gen_ai.usage.input_tokens': firstNumber(a['llm.token_count.prompt']),
    'gen_ai.usage.output_tokens': firstNumber(a['llm.token_count.completion']),
    'gen_ai.conversation.id': a['session.id'],
    'enduser.id': a['user.id'],
  }),
};

const langfuse: Dialect = {
  name: 'langfuse',
  speaks: attributes =>
    Object.keys(attributes).some(k => k.startsWith('langfuse.')),
  toGenAi: a => {
    const usage = usageDetails(a['langfuse.observation.usage_details']);
    return {
      'gen_ai.operation.name': operationOf(a['langfuse.observation.type']),
      'gen_ai.request.model': a['langfuse.observation.model.name'],
      'gen_ai.usage.input_tokens': firstNumber(
        usage.input,
        usage.prompt_tokens,
      ),
      'gen_ai.usage.output_tokens': firstNumber(
        usage.output,
        usage.completion_tokens,
      ),
      'gen_ai.conversation.id': a['langfuse.session.id'],
      'enduser.id': a['langfuse.user.id'],
    };
  },
};

/** In order of precedence, after the GenAI conventions themselves. */
const DIALECTS = [openInference, langfuse];

/**
 * The span's attributes with the GenAI attributes that its dialects say and it does not,
 * and the names of the dialects that said any (`[]` when none did).
 */
export function withGenAiAttributes(attributes: Attributes): {
  attributes: Attributes;
  dialects: string[];
} {
  const merged: Attributes = { ...attributes };
  const dialects: string[] = [];
  for (const dialect of DIALECTS) {
    if (!dialect.speaks(attributes)) continue;
    let said = false;
    for (const [key, value] of Object.entries(dialect.toGenAi(attributes))) {
      if (value === undefined || value === null || value === '') continue;
      if (merged[key] !== undefined) continue;
      merged[key] = value;
      said = true;
    }
    if (said) dialects.push(dialect.name);
  }
  return { attributes: merged, dialects };
}
