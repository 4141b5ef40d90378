import { PostSimilarRequest } from '@agent-mesh/plugin-agent-mesh-common';

/** What the form holds: free text, as typed. */
export interface SimilarWorkDraft {
  description: string;
  title: string;
  type: string;
  /** Comma- or newline-separated, e.g. "salesforce, shopify". */
  integrations: string;
  owner: string;
}

export const EMPTY_DRAFT: SimilarWorkDraft = {
  description: '',
  title: '',
  type: '',
  integrations: '',
  owner: '',
};

/** The problem with a draft that the backend would reject, by field; empty when it can be sent. */
export function draftErrors(
  draft: SimilarWorkDraft,
): Partial<Record<keyof SimilarWorkDraft, string>> {
  if (!draft.description.trim()) {
    return { description: 'Describe what you want to build' };
  }
  return {};
}

/** The body of `POST /similar` for a draft: trimmed, with blank fields left out. */
export function toSimilarRequest(draft: SimilarWorkDraft): PostSimilarRequest {
  const request: PostSimilarRequest = {
    description: draft.description.trim(),
  };
  const title = draft.title.trim();
  const type = draft.type.trim();
  const owner = draft.owner.trim();
  const integrations = draft.integrations
    .split(/[,\n]/)
    .map(name => name.trim())
    .filter(Boolean);
  if (title) request.title = title;
  if (type) request.type = type;
  if (owner) request.owner = owner;
  if (integrations.length) request.integrations = integrations;
  return request;
}
