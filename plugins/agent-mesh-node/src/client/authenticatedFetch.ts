import { ServiceTokenCache } from './ServiceTokenCache';

/**
 * `fetch` with the plugin's own service token for the agent-mesh backend, unless the request
 * already carries an `Authorization` header (a token on behalf of a user). A reused token that
 * the backend refuses (401, e.g. after a key rotation) is dropped and the request sent once more
 * with a new one.
 */
export function authenticatedFetch(tokens: ServiceTokenCache): typeof fetch {
  return async (input, init = {}) => {
    const headers = new Headers(init.headers);
    if (headers.has('authorization')) {
      return fetch(input, init);
    }
    const send = async () => {
      headers.set('authorization', `Bearer ${await tokens.token()}`);
      return fetch(input, { ...init, headers });
    };
    const response = await send();
    if (response.status === 401 && tokens.clear()) {
      await response.body?.cancel();
      return send();
    }
    return response;
  };
}
