/**
 * Every error response of the API, as one class: an RFC 9457 problem (`type`, `title`, `status`, `detail`, and for
 * validation failures `errors` keyed by camelCase field). A response that is not a problem (a proxy's HTML page, say)
 * is one too, with `type` `about:blank` and the body text as `detail`.
 */
export class ProblemError extends Error {
  override readonly name = "ProblemError";
  /** The HTTP status. */
  readonly status: number;
  /** The problem type URI, e.g. `https://mediavault.dev/problems/not-found`. */
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  /** Field errors of a validation problem (400), keyed by camelCase field name; `{}` otherwise. */
  readonly errors: Record<string, string[]>;
  /** The whole problem body, extension members (`traceId`) included. */
  readonly body: Record<string, unknown>;
  /** Seconds the server asked to wait (`Retry-After`), on 429 and 503. */
  readonly retryAfter: number | undefined;

  constructor(status: number, body: Record<string, unknown>, retryAfter?: number) {
    const title = typeof body.title === "string" ? body.title : `HTTP ${status}`;
    const detail = typeof body.detail === "string" ? body.detail : undefined;
    super(detail ? `${status} ${title}: ${detail}` : `${status} ${title}`);
    this.status = status;
    this.type = typeof body.type === "string" ? body.type : "about:blank";
    this.title = title;
    this.detail = detail;
    this.errors = isErrors(body.errors) ? body.errors : {};
    this.body = body;
    this.retryAfter = retryAfter;
  }

  /** Reads an error response into a ProblemError (the body is consumed). */
  static async from(response: Response): Promise<ProblemError> {
    const text = await response.text().catch(() => "");
    let body: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(text);
      body = parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { detail: text };
    } catch {
      body = text ? { detail: text.slice(0, 500) } : {};
    }
    const retryAfter = Number(response.headers.get("Retry-After"));
    return new ProblemError(response.status, body, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
  }
}

function isErrors(value: unknown): value is Record<string, string[]> {
  return value !== null && typeof value === "object" && Object.values(value).every((v) => Array.isArray(v));
}
