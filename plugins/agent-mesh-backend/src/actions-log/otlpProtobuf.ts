import { InputError } from '@backstage/errors';
import protobuf from 'protobufjs';

/**
 * OTLP/HTTP protobuf (`application/x-protobuf`) for `POST /v1/traces`, read with protobufjs.
 *
 * The message types are those of `opentelemetry/proto/collector/trace/v1/trace_service.proto`
 * and the `trace`, `resource` and `common` protos it imports (OTLP 1.x), declared here as a
 * protobufjs JSON descriptor with the fields this log reads and the field numbers of the
 * protos. A decoded request is turned into the protobuf JSON mapping that OTLP/HTTP JSON uses,
 * so that one parser (`parseExportTraceServiceRequest`) reads both encodings.
 */
const descriptor = {
  nested: {
    otlp: {
      nested: {
        AnyValue: {
          oneofs: {
            value: {
              oneof: [
                'stringValue',
                'boolValue',
                'intValue',
                'doubleValue',
                'arrayValue',
                'kvlistValue',
                'bytesValue',
              ],
            },
          },
          fields: {
            stringValue: { type: 'string', id: 1 },
            boolValue: { type: 'bool', id: 2 },
            intValue: { type: 'int64', id: 3 },
            doubleValue: { type: 'double', id: 4 },
            arrayValue: { type: 'ArrayValue', id: 5 },
            kvlistValue: { type: 'KeyValueList', id: 6 },
            bytesValue: { type: 'bytes', id: 7 },
          },
        },
        ArrayValue: {
          fields: { values: { rule: 'repeated', type: 'AnyValue', id: 1 } },
        },
        KeyValueList: {
          fields: { values: { rule: 'repeated', type: 'KeyValue', id: 1 } },
        },
        KeyValue: {
          fields: {
            key: { type: 'string', id: 1 },
            value: { type: 'AnyValue', id: 2 },
          },
        },
        InstrumentationScope: {
          fields: {
            name: { type: 'string', id: 1 },
            version: { type: 'string', id: 2 },
            attributes: { rule: 'repeated', type: 'KeyValue', id: 3 },
            droppedAttributesCount: { type: 'uint32', id: 4 },
          },
        },
        Resource: {
          fields: {
            attributes: { rule: 'repeated', type: 'KeyValue', id: 1 },
            droppedAttributesCount: { type: 'uint32', id: 2 },
          },
        },
        Status: {
          fields: {
            message: { type: 'string', id: 2 },
            code: { type: 'int32', id: 3 },
          },
        },
        Span: {
          fields: {
            traceId: { type: 'bytes', id: 1 },
            spanId: { type: 'bytes', id: 2 },
            traceState: { type: 'string', id: 3 },
            parentSpanId: { type: 'bytes', id: 4 },
            name: { type: 'string', id: 5 },
            kind: { type: 'int32', id: 6 },
            startTimeUnixNano: { type: 'fixed64', id: 7 },
            endTimeUnixNano: { type: 'fixed64', id: 8 },
            attributes: { rule: 'repeated', type: 'KeyValue', id: 9 },
            droppedAttributesCount: { type: 'uint32', id: 10 },
            droppedEventsCount: { type: 'uint32', id: 12 },
            droppedLinksCount: { type: 'uint32', id: 14 },
            status: { type: 'Status', id: 15 },
            flags: { type: 'fixed32', id: 16 },
          },
        },
        ScopeSpans: {
          fields: {
            scope: { type: 'InstrumentationScope', id: 1 },
            spans: { rule: 'repeated', type: 'Span', id: 2 },
            schemaUrl: { type: 'string', id: 3 },
          },
        },
        ResourceSpans: {
          fields: {
            resource: { type: 'Resource', id: 1 },
            scopeSpans: { rule: 'repeated', type: 'ScopeSpans', id: 2 },
            schemaUrl: { type: 'string', id: 3 },
          },
        },
        ExportTraceServiceRequest: {
          fields: {
            resourceSpans: { rule: 'repeated', type: 'ResourceSpans', id: 1 },
          },
        },
        ExportTracePartialSuccess: {
          fields: {
            rejectedSpans: { type: 'int64', id: 1 },
            errorMessage: { type: 'string', id: 2 },
          },
        },
        ExportTraceServiceResponse: {
          fields: {
            partialSuccess: { type: 'ExportTracePartialSuccess', id: 1 },
          },
        },
      },
    },
  },
};

const root = protobuf.Root.fromJSON(descriptor);
const requestType = root.lookupType('otlp.ExportTraceServiceRequest');
const responseType = root.lookupType('otlp.ExportTraceServiceResponse');

/**
 * A protobuf `ExportTraceServiceRequest` in the OTLP/HTTP JSON mapping: 64-bit integers as
 * decimal strings, ids as base64 (which `toHexId` reads), the value of an `AnyValue` under the
 * name of its case. A body that is not such a message is an InputError.
 */
export function decodeExportTraceServiceRequest(body: Buffer): unknown {
  let message: protobuf.Message;
  try {
    message = requestType.decode(body);
  } catch (error) {
    throw new InputError(
      `The body is not an OTLP ExportTraceServiceRequest in protobuf: ${
        (error as Error).message
      }`,
    );
  }
  return requestType.toObject(message, {
    longs: String,
    bytes: String,
    defaults: false,
    arrays: true,
  });
}

/** The protobuf `ExportTraceServiceResponse` of an export with `rejected` spans rejected. */
export function encodeExportTraceServiceResponse(partialSuccess: {
  rejectedSpans: number;
  errorMessage: string;
}): Buffer {
  const message = responseType.fromObject(
    partialSuccess.rejectedSpans > 0 ? { partialSuccess } : {},
  );
  return Buffer.from(responseType.encode(message).finish());
}
