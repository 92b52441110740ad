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
