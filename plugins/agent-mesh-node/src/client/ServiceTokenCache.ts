import { AuthService } from '@backstage/backend-plugin-api';

/** A token is reused until this long before it expires. */
const EXPIRY_MARGIN_MS = 60_000;
/** And for at most this long, whatever its expiry says. */
const MAX_REUSE_MS = 10 * 60_000;

/** The `exp` claim of a JWT in epoch ms, or undefined for tokens that are not JWTs. */
function expiryOf(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const { exp } = JSON.parse(Buffer.from(payload, 'base64url').toString());
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The catalog's service token for one target plugin, reused while it is valid. Issuing a plugin
 * token signs a JWT; the overlap processor asks for one per processed entity, so signing
 * each time costs the catalog more than the request. Tokens without a readable expiry are not
 * reused.
 */
export class ServiceTokenCache {
  #token: { value: string; reuseUntil: number } | undefined;
  #pending: Promise<string> | undefined;

  constructor(
    private readonly auth: AuthService,
    private readonly targetPluginId: string,
    private readonly now: () => number = Date.now,
  ) {}

  async token(): Promise<string> {
    if (this.#token && this.now() < this.#token.reuseUntil) {
      return this.#token.value;
    }
    if (!this.#pending) {
      this.#pending = this.#issue().finally(() => {
        this.#pending = undefined;
      });
    }
    return this.#pending;
  }

  /** Forgets the token (e.g. the target refused it); true if there was one to forget. */
  clear(): boolean {
    const had = this.#token !== undefined;
    this.#token = undefined;
    return had;
  }

  async #issue(): Promise<string> {
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: await this.auth.getOwnServiceCredentials(),
      targetPluginId: this.targetPluginId,
    });
    const expiry = expiryOf(token);
    const now = this.now();
    this.#token =
      expiry === undefined
        ? undefined
        : {
            value: token,
            reuseUntil: Math.min(now + MAX_REUSE_MS, expiry - EXPIRY_MARGIN_MS),
          };
    return token;
  }
}
