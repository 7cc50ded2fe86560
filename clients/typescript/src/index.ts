/**
 * The MediaVault client: `createClient({ baseUrl })`, then `client.login(...)`, `client.uploadFile(...)`, `client.dropFile(...)`,
 * `client.assets.list(...)`, `for await (const asset of client.assets.iterate())`. Every error response is thrown as a
 * {@link ProblemError}.
 */
import { ProblemError } from "./errors.js";
import { createOperations, type Operations } from "./generated/operations.js";
import type { components } from "./generated/schema.js";
import { memoryStorage, Session, type TokenStorage } from "./session.js";
import { HttpTransport, type FetchLike } from "./transport.js";
import { dropFile, uploadFile, type DropOptions, type UploadInput, type UploadOptions } from "./upload.js";

export { ProblemError } from "./errors.js";
export { paginate, type Page } from "./paginate.js";
export { memoryStorage, Session, type Tokens, type TokenStorage } from "./session.js";
export type { CallOptions, FetchLike } from "./transport.js";
export type { DropOptions, UploadInput, UploadOptions, UploadProgress } from "./upload.js";
export type { Operations } from "./generated/operations.js";
export type * from "./generated/schema.js";

/** The shape of every request and response body, by schema name: `Schemas["AssetResponse"]`. */
export type Schemas = components["schemas"];

export interface ClientOptions {
  /** Where the API is, e.g. `https://media.example.com` (the paths carry `/api/v1`). */
  baseUrl: string;
  /** The `fetch` to use (default: the global one). */
  fetch?: FetchLike;
  /** Where the session keeps its tokens (default: in memory). */
  storage?: TokenStorage;
  /** Called when the session ends because the refresh token was refused: sign in again. */
  onSessionExpired?: (reason: ProblemError) => void;
}

export type MediaVaultClient = Operations & {
  /** The session behind the client: its tokens, refreshed on demand. */
  readonly session: Session;
  /** Signs in; every later call carries the access token, refreshed as needed. */
  login(email: string, password: string, options?: { signal?: AbortSignal }): Promise<void>;
  /** Revokes the refresh token and forgets the tokens. */
  logout(options?: { signal?: AbortSignal }): Promise<void>;
  /** Registers, uploads and completes a file in one call; resolves to the ready asset. */
  uploadFile(input: UploadInput, options?: UploadOptions): Promise<Schemas["AssetResponse"]>;
  /**
   * Drops a file into a collection through its upload link `token`, anonymously (no sign-in needed): starts, uploads
   * and completes the drop; resolves to `{uploadId, status: "ready"}`.
   */
  dropFile(token: string, input: UploadInput, options?: DropOptions): Promise<Schemas["CompleteDropResponse"]>;
};

/** A client of one MediaVault server. */
export function createClient(options: ClientOptions): MediaVaultClient {
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  let transport: HttpTransport | undefined;
  const session = new Session((path) => transport!.url(path), fetchImpl, options.storage ?? memoryStorage(), options.onSessionExpired);
  transport = new HttpTransport(options.baseUrl, fetchImpl, session);
  const operations = createOperations(transport);
  return {
    ...operations,
    session,
    login: (email, password, callOptions) => session.login(email, password, callOptions?.signal),
    logout: (callOptions) => session.logout(callOptions?.signal),
    uploadFile: (input, uploadOptions) => uploadFile(operations, fetchImpl, input, uploadOptions),
    dropFile: (token, input, dropOptions) => dropFile(operations, fetchImpl, token, input, dropOptions),
  };
}
