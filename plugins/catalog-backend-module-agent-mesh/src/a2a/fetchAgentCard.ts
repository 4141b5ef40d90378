/** How long a card may take and how large it may be. */
export type CardFetchLimits = {
  timeoutMs: number;
  maxBytes: number;
};

export type CardFetchResult =
  | { ok: true; body: unknown }
  | { ok: false; problem: string };

/**
 * Fetches an A2A agent card and parses its JSON, within a time limit and a size limit. Never
 * throws: a card that cannot be had comes back as a problem that says why, in words for the
 * entity's processing error.
 */
export async function fetchAgentCard(
  cardUrl: string,
  limits: CardFetchLimits,
): Promise<CardFetchResult> {
  const failed = (why: string): CardFetchResult => ({
    ok: false,
    problem: `A2A agent card ${cardUrl} could not be read: ${why}`,
  });
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let text: string;
  try {
    const response = await fetch(cardUrl, {
      headers: { accept: 'application/json' },
      redirect: 'follow',
      signal,
    });
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      return failed(
        `HTTP ${response.status}${
          response.statusText ? ` ${response.statusText}` : ''
        }`,
      );
    }
    const body = await readLimited(response, limits.maxBytes);
    if (body === undefined) {
      return failed(`it is larger than ${limits.maxBytes} bytes`);
    }
    text = body;
  } catch (error) {
    if (signal.aborted) {
      return failed(`no answer within ${limits.timeoutMs / 1000} s`);
    }
    return failed(describeNetworkError(error));
  }
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch (error) {
    return failed(`it is not valid JSON (${(error as Error).message})`);
  }
}

/** The body as text, or undefined as soon as it grows past `maxBytes`. */
async function readLimited(
  response: Response,
  maxBytes: number,
): Promise<string | undefined> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    return undefined;
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })
    ?.cause;
  return cause?.code ?? cause?.message ?? (error as Error)?.message ?? 'error';
}
