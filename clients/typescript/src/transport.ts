import { ProblemError } from "./errors.js";
import type { Session } from "./session.js";

/** Per-call options every generated method takes last. */
export interface CallOptions {
  /** Aborts the call (and its retry after a refresh). */
  signal?: AbortSignal;
  /** Extra request headers. */
  headers?: Record<string, string>;
}

/** What a generated method hands the transport. */
export interface RequestSpec extends CallOptions {
  /** The operation needs no access token (`security: []`): none is sent and a 401 is not retried. */
  anonymous?: boolean;
  /** The JSON body, if any. */
  body?: unknown;
  /** Query parameters; `undefined` and `null` values are left out. */
  query?: object;
}

export interface Transport {
  request<T>(method: string, path: string, spec?: RequestSpec): Promise<T>;
}

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * Sends a call: JSON in and out, the bearer token of the session on every authenticated call, and on a 401 one
 * refresh of the session (shared with every other call that failed meanwhile) and one retry. Error responses become
 * {@link ProblemError}s.
 */
export class HttpTransport implements Transport {
  constructor(
    private readonly baseUrl: string,
    private readonly fetchImpl: FetchLike,
    private readonly session: Session,
  ) {}

  url(path: string, query?: object): string {
    const url = new URL(path.replace(/^\//, ""), this.baseUrl.endsWith("/") ? this.baseUrl : `${this.baseUrl}/`);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value === undefined || value === null) continue;
      for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(item));
    }
    return url.toString();
  }

  async request<T>(method: string, path: string, spec: RequestSpec = {}): Promise<T> {
    const url = this.url(path, spec.query);
    const send = (token: string | undefined) => {
      const headers: Record<string, string> = { Accept: "application/json, application/problem+json", ...spec.headers };
      if (spec.body !== undefined) headers["Content-Type"] = "application/json";
      if (token) headers.Authorization = `Bearer ${token}`;
      return this.fetchImpl(url, {
        method,
        headers,
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        signal: spec.signal,
      });
    };

    const token = spec.anonymous ? undefined : await this.session.accessToken();
    let response = await send(token);
    if (response.status === 401 && !spec.anonymous && token) {
      const fresh = await this.session.refreshAfter(token);
      if (fresh) {
        await response.body?.cancel();
        response = await send(fresh);
      }
    }
    return read<T>(response);
  }
}

/** The body of a successful response (undefined when it has none), or the problem it carries. */
export async function read<T>(response: Response): Promise<T> {
  if (!response.ok) throw await ProblemError.from(response);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
