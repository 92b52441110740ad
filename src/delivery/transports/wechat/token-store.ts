import type { ArtifactStore } from '../../../storage/index';

/** An access token and when it stops working. */
export interface CachedToken {
  accessToken: string;
  /** ISO 8601. */
  expiresAt: string;
}

/**
 * Where access tokens are shared across instances (a table, Redis, …). WeChat tokens are per
 * official account, and fetching one on every instance separately wastes the daily quota.
 */
export interface TokenStore {
  get(key: string): Promise<CachedToken | undefined>;
  set(key: string, token: CachedToken): Promise<void>;
}

/** A {@link TokenStore} in this process's memory (one instance, or tests). */
export function memoryTokenStore(): TokenStore {
  const tokens = new Map<string, CachedToken>();
  return {
    async get(key) {
      return tokens.get(key);
    },
    async set(key, token) {
      tokens.set(key, { ...token });
    },
  };
}

const TOKEN_KIND = 'govpub/wechat-token';

/**
 * A {@link TokenStore} kept in the storage adapter's artifacts, so every host instance over one
 * database shares each account's token (one fetch per expiry across the fleet, not one per
 * instance). The token is a secret: it lands in the same database as the documents, so give
 * the artifacts table the grants of any other credential store (docs/delivery.md).
 *
 * @example
 * ```ts
 * const storage = postgresAdapter({ client: pool });
 * wechatTransport({ appId, appSecret, thumbMediaId, tokenStore: storageTokenStore(storage.artifacts!) });
 * ```
 */
export function storageTokenStore(artifacts: ArtifactStore): TokenStore {
  return {
    async get(key) {
      const value = (await artifacts.get(TOKEN_KIND, key)) as Partial<CachedToken> | undefined;
      return typeof value?.accessToken === 'string' && typeof value.expiresAt === 'string' ? { accessToken: value.accessToken, expiresAt: value.expiresAt } : undefined;
    },
    async set(key, token) {
      await artifacts.put(TOKEN_KIND, key, { accessToken: token.accessToken, expiresAt: token.expiresAt });
    },
  };
}
