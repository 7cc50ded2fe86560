import { ProblemError } from "./errors.js";
import { read, type FetchLike } from "./transport.js";

/** The tokens of a signed-in session. */
export interface Tokens {
  accessToken: string;
  refreshToken: string;
  /** When the access token expires (milliseconds since the epoch), if known: it is refreshed shortly before. */
  accessTokenExpiresAt?: number;
}

/**
 * Where a session keeps its tokens. The default keeps them in memory only; a browser app may keep the refresh token
 * in `sessionStorage`, a CLI in a file. Both methods may be async.
 */
export interface TokenStorage {
  load(): Tokens | null | undefined | Promise<Tokens | null | undefined>;
  save(tokens: Tokens | null): void | Promise<void>;
}

/** Keeps the tokens in memory: they are gone with the process or page. */
export function memoryStorage(initial: Tokens | null = null): TokenStorage {
  let tokens = initial;
  return { load: () => tokens, save: (next) => void (tokens = next) };
}

interface TokenResponse {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/** Refresh this long before the access token's known expiry. */
const EARLY_REFRESH_MS = 10_000;

/**
 * A signed-in session: holds the tokens, hands out the access token, and refreshes it when it has expired or the
 * server refused it: one refresh at a time, shared by every call that waits for it. When the refresh token is refused
 * too, the session ends (tokens cleared) and `onExpired` is called once.
 */
export class Session {
  private refreshing: Promise<string | null> | null = null;
  /** Access tokens already refreshed, and what replaced them: a late 401 does not refresh twice. */
  private readonly replaced = new Map<string, string>();

  constructor(
    private readonly url: (path: string) => string,
    private readonly fetchImpl: FetchLike,
    private readonly storage: TokenStorage,
    private readonly onExpired?: (reason: ProblemError) => void,
  ) {}

  /** Signs in with e-mail and password; the tokens go to the storage. */
  async login(email: string, password: string, signal?: AbortSignal): Promise<void> {
    const tokens = await this.post<TokenResponse>("api/v1/auth/login", { email, password }, signal);
    await this.keep(tokens);
  }

  /** Revokes the refresh token on the server (best effort) and forgets the tokens. */
  async logout(signal?: AbortSignal): Promise<void> {
    const tokens = await this.storage.load();
    await this.storage.save(null);
    if (tokens?.refreshToken) {
      await this.post<void>("api/v1/auth/logout", { refreshToken: tokens.refreshToken }, signal).catch(() => undefined);
    }
  }

  /** Whether tokens are held. */
  async isSignedIn(): Promise<boolean> {
    return !!(await this.storage.load())?.accessToken;
  }

  /** The access token to send, refreshed first when it is known to have expired; undefined when signed out. */
  async accessToken(): Promise<string | undefined> {
    const tokens = await this.storage.load();
    if (!tokens) return undefined;
    if (tokens.accessTokenExpiresAt !== undefined && Date.now() > tokens.accessTokenExpiresAt - EARLY_REFRESH_MS) {
      return (await this.refreshAfter(tokens.accessToken)) ?? undefined;
    }
    return tokens.accessToken;
  }

  /**
   * The server refused `stale`: returns a fresh access token, or null when the session has ended. A call that
   * arrives while a refresh is under way waits for it; one that arrives after it gets the new token at once.
   */
  async refreshAfter(stale: string): Promise<string | null> {
    const settled = () => this.replaced.get(stale) ?? this.refreshing;
    const early = settled();
    if (early) return early;
    const tokens = await this.storage.load();
    const late = settled(); // another call may have refreshed while the storage answered
    if (late) return late;
    if (!tokens) return null;
    if (tokens.accessToken !== stale) return tokens.accessToken;
    this.refreshing = this.refresh(tokens.refreshToken)
      .then((fresh) => {
        if (this.replaced.size > 16) this.replaced.clear();
        if (fresh) this.replaced.set(stale, fresh);
        return fresh;
      })
      .finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async refresh(refreshToken: string): Promise<string | null> {
    try {
      const tokens = await this.post<TokenResponse>("api/v1/auth/refresh", { refreshToken });
      await this.keep(tokens);
      return tokens.accessToken;
    } catch (error) {
      if (!(error instanceof ProblemError) || error.status >= 500 || error.status === 429) throw error;
      await this.storage.save(null);
      this.onExpired?.(error);
      return null;
    }
  }

  private async keep(tokens: TokenResponse): Promise<void> {
    await this.storage.save({
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      accessTokenExpiresAt: Date.now() + tokens.expiresIn * 1000,
    });
  }

  private async post<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
    const response = await this.fetchImpl(this.url(path), {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json, application/problem+json" },
      body: JSON.stringify(body),
      signal,
    });
    return read<T>(response);
  }
}
