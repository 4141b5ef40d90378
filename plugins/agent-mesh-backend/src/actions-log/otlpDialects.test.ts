import { actionTypeOf } from './otlp';
import { withGenAiAttributes } from './otlpDialects';

describe('trace dialects read as GenAI attributes', () => {
  it('reads an OpenInference tool and LLM span', () => {
    const tool = withGenAiAttributes({
      'openinference.span.kind': 'TOOL',
      'tool.name': 'search_orders',
      'session.id': 's-1',
      'user.id': 'jane',
    });
    expect(tool.dialects).toEqual(['openinference']);
    expect(actionTypeOf(tool.attributes)).toBe('tool.call');
    expect(tool.attributes).toMatchObject({
      'gen_ai.tool.name': 'search_orders',
      'gen_ai.conversation.id': 's-1',
      'enduser.id': 'jane',
    });

    const llm = withGenAiAttributes({
      'openinference.span.kind': 'LLM',
      'llm.model_name': 'gpt-4o',
      'llm.token_count.prompt': 120,
      'llm.token_count.completion': 30,
    });
    expect(actionTypeOf(llm.attributes)).toBe('gen_ai.chat');
    expect(llm.attributes).toMatchObject({
      'gen_ai.request.model': 'gpt-4o',
      'gen_ai.usage.input_tokens': 120,
      'gen_ai.usage.output_tokens': 30,
    });

    const chain = withGenAiAttributes({ 'openinference.span.kind': 'CHAIN' });
    expect(actionTypeOf(chain.attributes)).toBe('gen_ai.chain');
  });

  it('reads a Langfuse generation with its usage details', () => {
    const generation = withGenAiAttributes({
      'langfuse.observation.type': 'generation',
      'langfuse.observation.model.name': 'claude-x',
      'langfuse.observation.usage_details': '{"input": 10, "output": 4}',
      'langfuse.user.id': 'jane',
      'langfuse.session.id': 'chat-9',
    });
    expect(generation.dialects).toEqual(['langfuse']);
    expect(actionTypeOf(generation.attributes)).toBe('gen_ai.chat');
    expect(generation.attributes).toMatchObject({
      'gen_ai.request.model': 'claude-x',
      'gen_ai.usage.input_tokens': 10,
      'gen_ai.usage.output_tokens': 4,
      'enduser.id': 'jane',
      'gen_ai.conversation.id': 'chat-9',
    });
    // Usage that is not JSON says nothing, and nothing fails.
    const broken = withGenAiAttributes({
      'langfuse.observation.type': 'tool',
      'langfuse.observation.usage_details': '{not json',
    });
    expect(actionTypeOf(broken.attributes)).toBe('tool.call');
    expect(broken.attributes['gen_ai.usage.input_tokens']).toBeUndefined();
  });

  it('lets GenAI attributes win over OpenInference, and OpenInference over Langfuse', () => {
    const { attributes, dialects } = withGenAiAttributes({
      'gen_ai.operation.name': 'invoke_agent',
      'openinference.span.kind': 'TOOL',
      'llm.model_name': 'from-openinference',
      'langfuse.observation.type': 'generation',
      'langfuse.observation.model.name': 'from-langfuse',
      'langfuse.session.id': 'only-langfuse-says-this',
    });
    expect(actionTypeOf(attributes)).toBe('agent.invoke');
    expect(attributes['gen_ai.request.model']).toBe('from-openinference');
    expect(attributes['gen_ai.conversation.id']).toBe(
      'only-langfuse-says-this',
    );
    expect(dialects).toEqual(['openinference', 'langfuse']);
  });

  it('leaves a span in no dialect as it is', () => {
    const sent = { 'http.request.method': 'GET' };
    const { attributes, dialects } = withGenAiAttributes(sent);
    expect(attributes).toEqual(sent);
    expect(dialects).toEqual([]);
    expect(actionTypeOf(attributes)).toBeUndefined();
  });
});
