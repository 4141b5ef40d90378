import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { Action } from '@agent-mesh/plugin-agent-mesh-common';
import { ActionFilters, agentMeshApiRef } from '../../api';

/** Actions per request. */
export const ACTION_PAGE_SIZE = 50;

export interface ActionPages {
  /** Every action loaded so far for the filters, newest first. */
  items: Action[];
  /** True while the first page loads. */
  loading: boolean;
  /** The error of the first page. */
  error?: Error;
  /** True when the backend has older actions for the filters. */
  hasMore: boolean;
  /** True while the next page loads. */
  loadingMore: boolean;
  /** The error of the latest "load more"; the loaded actions stay. */
  moreError?: Error;
  /** Loads the next (older) page and appends it. */
  loadMore(): void;
}

interface State {
  items: Action[];
  nextCursor: string | null;
  loading: boolean;
  error?: Error;
  loadingMore: boolean;
  moreError?: Error;
}

const INITIAL: State = {
  items: [],
  nextCursor: null,
  loading: true,
  loadingMore: false,
};

/**
 * The action log for these filters, page by page with the backend's cursor. Changing the
 * filters starts over; answers to requests for earlier filters are dropped.
 */
export function useActionPages(filters: ActionFilters): ActionPages {
  const api = useApi(agentMeshApiRef);
  const filterKey = JSON.stringify(filters);
  const [state, setState] = useState<State>(INITIAL);
  // Bumped whenever the filters change, so that late answers for old filters are ignored.
  const generation = useRef(0);

  useEffect(() => {
    const current = ++generation.current;
    const query: ActionFilters = JSON.parse(filterKey);
    setState(INITIAL);
    api.listActions({ ...query, limit: ACTION_PAGE_SIZE }).then(
      page => {
        if (current !== generation.current) return;
        setState({
          items: page.items,
          nextCursor: page.nextCursor,
          loading: false,
          loadingMore: false,
        });
      },
      error => {
        if (current !== generation.current) return;
        setState({ ...INITIAL, loading: false, error });
      },
    );
  }, [api, filterKey]);

  const { nextCursor, loadingMore } = state;
  const loadMore = useCallback(() => {
    if (!nextCursor || loadingMore) return;
    const current = generation.current;
    const query: ActionFilters = JSON.parse(filterKey);
    setState(s => ({ ...s, loadingMore: true, moreError: undefined }));
    api
      .listActions({ ...query, cursor: nextCursor, limit: ACTION_PAGE_SIZE })
      .then(
        page => {
          if (current !== generation.current) return;
          setState(s => ({
            ...s,
            items: [...s.items, ...page.items],
            nextCursor: page.nextCursor,
            loadingMore: false,
          }));
        },
        error => {
          if (current !== generation.current) return;
          setState(s => ({ ...s, loadingMore: false, moreError: error }));
        },
      );
  }, [api, filterKey, nextCursor, loadingMore]);

  return {
    items: state.items,
    loading: state.loading,
    error: state.error,
    hasMore: state.nextCursor !== null,
    loadingMore: state.loadingMore,
    moreError: state.moreError,
    loadMore,
  };
}
