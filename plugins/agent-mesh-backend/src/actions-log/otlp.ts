import { InputError } from '@backstage/errors';
import { ACTIONS_MAX_BATCH } from '@agent-mesh/plugin-agent-mesh-common';
import { PayloadTooLargeError } from '../http/errors';
import {
  describeIssue,
  OTLP_ID_PREFIX,
  ActionInputWithAgent,
  internalActionInputSchema,
} from './schema';
import { toEntityRef } from './refs';
import { fitAttributes } from './attributeLimits';
import { toStorableValue } from './storableText';
import { withGenAiAttributes } from './otlpDialects';

/**
 * OTLP/HTTP JSON (`ExportTraceServiceRequest`) to actions.
 *
 * Which spans become actions, decided by the span's own attributes (resource attributes such as
 * `deployment.environment.name` describe the process, not one span, and never make a span an action):
 *
 * - `gen_ai.operation.name` `execute_tool` -> `tool.call`, `invoke_agent` -> `agent.invoke`,
 *   `create_agent` -> `agent.create`, any other operation -> `gen_ai.<operation>`, and any other span
 *   with a `gen_ai.*` attribute -> `gen_ai.span`;
 * - otherwise `deployment.*` -> `deploy`; `cicd.*` -> `ci.run`; `vcs.*` -> `pr.opened`,
 *   `pr.merged`, `pr.closed` (with `vcs.change.state`), `repo.commit` (with
 *   `vcs.ref.head.revision`) or `repo.change`;
 * - every other span is accepted and ignored (OTLP: not rejected).
 *
 * Spans in the OpenInference or Langfuse dialects are read as GenAI spans first
 * (`otlpDialects.ts`, which gives the precedence).
 */

/** An OTLP `AnyValue` as JSON. */
type AnyValue = Record<string, unknown>;

export interface OtlpSpanAction {
  input: ActionInputWithAgent;
  /** Ids the agent can be known by, best first; the first one the catalog knows is used. */
  agentCandidates: string[];
}

export interface OtlpParseResult {
  actions: OtlpSpanAction[];
  /** Spans that are not agent actions: accepted and ignored. */
  ignored: number;
  /** Malformed spans, with a message each. */
  rejected: string[];
}

const RESOURCE_KEPT = [
  'service.',
  'gen_ai.',
  'vcs.',
  'cicd.',
  'deployment.',
  'telemetry.sdk.',
];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function int(value: unknown): number | string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return Math.trunc(value);
  }
  if (typeof value === 'string' && /^-?\d+$/.test(value)) {
    const n = Number(value);
    return Number.isSafeInteger(n) ? n : value;
  }
  return undefined;
}

/** An OTLP AnyValue as plain JSON; throws on values of no known kind. */
export function fromAnyValue(value: unknown, where: string): unknown {
  if (!isObject(value)) {
    throw new Error(`${where} must be an AnyValue object`);
  }
  const v = value as AnyValue;
  if ('stringValue' in v) {
    return String(v.stringValue);
  }
  if ('boolValue' in v) {
    return Boolean(v.boolValue);
  }
  if ('intValue' in v) {
    const n = int(v.intValue);
    if (n === undefined) {
      throw new Error(`${where}.intValue must be an integer`);
    }
    return n;
  }
  if ('doubleValue' in v) {
    const n = Number(v.doubleValue);
    return Number.isFinite(n) ? n : String(v.doubleValue);
  }
  if ('bytesValue' in v) {
    return String(v.bytesValue);
  }
  if ('arrayValue' in v) {
    const values = isObject(v.arrayValue) ? v.arrayValue.values ?? [] : [];
    if (!Array.isArray(values)) {
      throw new Error(`${where}.arrayValue.values must be an array`);
    }
    return values.map((item, i) =>
      fromAnyValue(item, `${where}.arrayValue.values[${i}]`),
    );
  }
  if ('kvlistValue' in v) {
    const values = isObject(v.kvlistValue) ? v.kvlistValue.values ?? [] : [];
    return fromKeyValues(values, `${where}.kvlistValue.values`);
  }
  return null; // an empty AnyValue
}

/** An OTLP `KeyValue` list as an object. */
export function fromKeyValues(
  list: unknown,
  where: string,
): Record<string, unknown> {
  if (list === undefined || list === null) {
    return {};
  }
  if (!Array.isArray(list)) {
    throw new Error(`${where} must be an array`);
  }
  const out: Record<string, unknown> = {};
  list.forEach((kv, i) => {
    if (!isObject(kv) || typeof kv.key !== 'string' || kv.key === '') {
      throw new Error(`${where}[${i}] must be a KeyValue with a key`);
    }
    out[kv.key] =
      kv.value === undefined || kv.value === null
        ? null
        : fromAnyValue(kv.value, `${where}[${i}].value`);
  });
  return out;
}

/** A trace or span id in lower-case hex, from hex or (as protobuf JSON mapping has it) base64. */
export function toHexId(
  value: unknown,
  bytes: number,
  name: string,
): string | undefined {
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw new Error(`${name} must be a string`);
  }
  let hex: string | undefined;
  if (new RegExp(`^[0-9a-fA-F]{${bytes * 2}}$`).test(value)) {
    hex = value.toLowerCase();
  } else if (/^[A-Za-z0-9+/_-]+=*$/.test(value)) {
    const buffer = Buffer.from(value, 'base64');
    if (buffer.length === bytes) {
      hex = buffer.toString('hex');
    }
  }
  if (!hex) {
    throw new Error(
      `${name} must be ${bytes * 2} hex digits (or ${bytes} bytes in base64)`,
    );
  }
  if (/^0+$/.test(hex)) {
    throw new Error(`${name} must not be all zeros`);
  }
  return hex;
}

/** Unix nanoseconds (a string or a number) as ISO 8601 UTC with milliseconds. */
export function fromUnixNanos(value: unknown, name: string): string {
  let ms: number | undefined;
  if (typeof value === 'string' && /^\d+$/.test(value)) {
    ms = Number(BigInt(value) / 1_000_000n);
  } else if (typeof value === 'number' && Number.isFinite(value)) {
    ms = Math.floor(value / 1e6);
  }
  if (!ms || ms < 0 || ms > 8.64e15) {
    throw new Error(`${name} must be a positive time in unix nanoseconds`);
  }
  return new Date(ms).toISOString();
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') {
    return value.trim();
  }
  if (typeof value === 'number') {
    return String(value);
  }
  return undefined;
}

function hasPrefix(attributes: Record<string, unknown>, prefix: string) {
  return Object.keys(attributes).some(k => k.startsWith(prefix));
}

/** The action type of a span, or undefined when it is not an agent action. */
export function actionTypeOf(
  attributes: Record<string, unknown>,
): string | undefined {
  const operation = str(attributes['gen_ai.operation.name']);
  if (operation) {
    const known: Record<string, string> = {
      execute_tool: 'tool.call',
      invoke_agent: 'agent.invoke',
      create_agent: 'agent.create',
    };
    return known[operation] ?? `gen_ai.${operation}`;
  }
  if (hasPrefix(attributes, 'gen_ai.')) {
    return 'gen_ai.span';
  }
  if (hasPrefix(attributes, 'deployment.')) {
    return 'deploy';
  }
  if (hasPrefix(attributes, 'cicd.')) {
    return 'ci.run';
  }
  if (hasPrefix(attributes, 'vcs.')) {
    const state = str(attributes['vcs.change.state']);
    if (state) {
      return (
        { open: 'pr.opened', wip: 'pr.opened', merged: 'pr.merged' }[state] ??
        'pr.closed'
      );
    }
    return str(attributes['vcs.ref.head.revision'])
      ? 'repo.commit'
      : 'repo.change';
  }
  return undefined;
}

function statusOf(status: unknown): string | undefined {
  if (!isObject(status)) {
    return undefined;
  }
  const code = status.code;
  if (code === 2 || code === 'STATUS_CODE_ERROR') {
    return 'failure';
  }
  if (code === 1 || code === 'STATUS_CODE_OK') {
    return 'success';
  }
  return undefined;
}

function summaryOf(
  span: Record<string, unknown>,
  attributes: Record<string, unknown>,
): string {
  const name = str(span.name) ?? '';
  const parts: string[] = [];
  const add = (label: string, key: string) => {
    const value = str(attributes[key]);
    if (value && !name.includes(value)) {
      parts.push(`${label} ${value}`);
    }
  };
  add('tool', 'gen_ai.tool.name');
  add('agent', 'gen_ai.agent.name');
  add('pipeline', 'cicd.pipeline.name');
  add('change', 'vcs.change.title');
  add('branch', 'vcs.ref.head.name');
  add('repository', 'vcs.repository.url.full');
  add('to', 'deployment.environment.name');
  const error = isObject(span.status) ? str(span.status.message) : undefined;
  if (statusOf(span.status) === 'failure' && error) {
    parts.push(`failed: ${error}`);
  }
  const text = [name, parts.join(', ')].filter(Boolean).join(': ');
  return (text || 'span').slice(0, 4096);
}

function tokens(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/** The action for one span, or undefined when the span is not an agent action. */
function spanToAction(
  span: Record<string, unknown>,
  resource: Record<string, unknown>,
  scope: Record<string, unknown>,
  where: string,
): OtlpSpanAction | undefined {
  const sent = fromKeyValues(span.attributes, `${where}.attributes`);
  // What the log derives reads the GenAI view (other dialects mapped in); what it keeps is as sent.
  const { attributes, dialects } = withGenAiAttributes(sent);
  const type = actionTypeOf(attributes);
  if (!type) {
    return undefined;
  }
  const traceId = toHexId(span.traceId, 16, `${where}.traceId`);
  const spanId = toHexId(span.spanId, 8, `${where}.spanId`);
  if (!traceId || !spanId) {
    throw new Error(`${where} needs a traceId and a spanId`);
  }
  const parentSpanId = toHexId(span.parentSpanId, 8, `${where}.parentSpanId`);
  const occurredAt = fromUnixNanos(
    span.startTimeUnixNano,
    `${where}.startTimeUnixNano`,
  );

  const serviceName = str(resource['service.name']);
  const agentCandidates = [
    attributes['gen_ai.agent.id'],
    resource['gen_ai.agent.id'],
    attributes['gen_ai.agent.name'],
    resource['gen_ai.agent.name'],
    serviceName,
    // the typed id an Agent claims its service with (spec.externalIds `otel-service:<name>`)
    serviceName === undefined ? undefined : `otel-service:${serviceName}`,
  ]
    .map(str)
    .filter((v): v is string => v !== undefined)
    .map(v => v.slice(0, 255));
  if (agentCandidates.length === 0) {
    throw new Error(
      `${where} names no agent (gen_ai.agent.id, gen_ai.agent.name or the resource's service.name)`,
    );
  }

  const kept: Record<string, unknown> = { ...sent };
  if (dialects.length) {
    kept['otel.dialects'] = dialects;
  }
  const resourceKept = Object.fromEntries(
    Object.entries(resource).filter(([k]) =>
      RESOURCE_KEPT.some(p => k.startsWith(p)),
    ),
  );
  if (Object.keys(resourceKept).length) {
    kept['otel.resource'] = resourceKept;
  }
  kept['otel.span.name'] = str(span.name) ?? null;
  if (span.kind !== undefined) {
    kept['otel.span.kind'] = span.kind;
  }
  if (parentSpanId) {
    kept['otel.parent_span_id'] = parentSpanId;
  }
  if (str(scope.name)) {
    kept['otel.scope.name'] = str(scope.name);
  }
  if (span.endTimeUnixNano !== undefined) {
    try {
      kept['otel.end_time'] = fromUnixNanos(
        span.endTimeUnixNano,
        `${where}.endTimeUnixNano`,
      );
    } catch {
      // an end time is not needed
    }
  }

  const onBehalfOf = [
    attributes['agent_mesh.on_behalf_of'],
    attributes['enduser.id'],
    attributes['user.id'],
  ]
    .map(str)
    .find(v => v !== undefined && toEntityRef(v, 'user')?.startsWith('user:'));
  const target =
    str(attributes['agent_mesh.target']) ??
    str(attributes['vcs.repository.url.full']);

  const raw: Record<string, unknown> = {
    id: `${OTLP_ID_PREFIX}${traceId}:${spanId}`,
    occurredAt,
    agent: agentCandidates[0],
    type,
    target: target?.slice(0, 2048),
    onBehalfOf,
    summary: summaryOf(span, attributes),
    status: statusOf(span.status),
    traceId,
    spanId,
    model:
      str(attributes['gen_ai.response.model']) ??
      str(attributes['gen_ai.request.model']),
    inputTokens: tokens(attributes['gen_ai.usage.input_tokens']),
    outputTokens: tokens(attributes['gen_ai.usage.output_tokens']),
    attributes: kept,
  };
  for (const key of Object.keys(raw)) {
    if (raw[key] === undefined) {
      delete raw[key];
    }
  }
  // An exporter cannot be asked to resend a span: text that cannot be stored as hashed (lone
  // surrogates, also from cutting a long name, and NUL) becomes U+FFFD, and attributes beyond
  // the limits are dropped by name.
  const storable = toStorableValue(raw) as Record<string, unknown>;
  const { kept: fitted, dropped } = fitAttributes(
    storable.attributes as Record<string, unknown>,
  );
  storable.attributes = dropped.length
    ? { ...fitted, 'otel.dropped_attributes': dropped }
    : fitted;
  const parsed = internalActionInputSchema.safeParse(storable);
  if (!parsed.success) {
    throw new Error(
      parsed.error.issues
        .map(issue => `${where}: ${describeIssue(issue)}`)
        .join('; '),
    );
  }
  return { input: parsed.data, agentCandidates };
}

/** Spans in one request at most: as many as actions in one `POST /actions`. */
const OTLP_MAX_SPANS = ACTIONS_MAX_BATCH;

/** The number of spans in `resourceSpans`, before any is read (malformed parts count 0). */
function countSpans(resourceSpans: unknown[]): number {
  let count = 0;
  for (const rs of resourceSpans) {
    const scopeSpans = isObject(rs) ? rs.scopeSpans : undefined;
    if (!Array.isArray(scopeSpans)) continue;
    for (const ss of scopeSpans) {
      if (isObject(ss) && Array.isArray(ss.spans)) count += ss.spans.length;
    }
  }
  return count;
}

/**
 * Reads an `ExportTraceServiceRequest`. A body that is not one is an InputError (400); a span
 * that cannot be read is rejected with a message and the others go on.
 */
export function parseExportTraceServiceRequest(body: unknown): OtlpParseResult {
  if (!isObject(body)) {
    throw new InputError(
      'The body must be an ExportTraceServiceRequest JSON object',
    );
  }
  const resourceSpans = body.resourceSpans ?? [];
  if (!Array.isArray(resourceSpans)) {
    throw new InputError('resourceSpans must be an array');
  }
  const spanCount = countSpans(resourceSpans);
  if (spanCount > OTLP_MAX_SPANS) {
    throw new PayloadTooLargeError(
      `A request may carry at most ${OTLP_MAX_SPANS} spans, got ${spanCount}; lower the exporter's batch size (OTEL_BSP_MAX_EXPORT_BATCH_SIZE)`,
    );
  }
  const result: OtlpParseResult = { actions: [], ignored: 0, rejected: [] };
  const seen = new Set<string>();
  resourceSpans.forEach((rs, r) => {
    if (!isObject(rs)) {
      throw new InputError(`resourceSpans[${r}] must be an object`);
    }
    const scopeSpans = rs.scopeSpans ?? [];
    if (!Array.isArray(scopeSpans)) {
      throw new InputError(`resourceSpans[${r}].scopeSpans must be an array`);
    }
    let resource: Record<string, unknown>;
    try {
      resource = fromKeyValues(
        isObject(rs.resource) ? rs.resource.attributes : undefined,
        `resourceSpans[${r}].resource.attributes`,
      );
    } catch (error) {
      throw new InputError((error as Error).message);
    }
    scopeSpans.forEach((ss, s) => {
      const where = `resourceSpans[${r}].scopeSpans[${s}]`;
      if (!isObject(ss)) {
        throw new InputError(`${where} must be an object`);
      }
      const spans = ss.spans ?? [];
      if (!Array.isArray(spans)) {
        throw new InputError(`${where}.spans must be an array`);
      }
      const scope = isObject(ss.scope) ? ss.scope : {};
      spans.forEach((span, i) => {
        const spanWhere = `${where}.spans[${i}]`;
        try {
          if (!isObject(span)) {
            throw new Error(`${spanWhere} must be an object`);
          }
          const action = spanToAction(span, resource, scope, spanWhere);
          if (!action) {
            result.ignored += 1;
          } else if (seen.has(action.input.id)) {
            result.ignored += 1; // the same span twice in one request
          } else {
            seen.add(action.input.id);
            result.actions.push(action);
          }
        } catch (error) {
          result.rejected.push((error as Error).message);
        }
      });
    });
  });
  return result;
}
