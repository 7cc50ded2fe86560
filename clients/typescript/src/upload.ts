import { ProblemError } from "./errors.js";
import type { components } from "./generated/schema.js";
import type { Operations } from "./generated/operations.js";
import type { FetchLike } from "./transport.js";

type AssetResponse = components["schemas"]["AssetResponse"];
type UploadResponse = components["schemas"]["UploadResponse"];
type CompleteDropResponse = components["schemas"]["CompleteDropResponse"];

/** Anything `uploadFile` takes: a `File` or `Blob` (browsers, Node 20), bytes, or a stream of bytes. */
export type UploadInput = Blob | Uint8Array | ArrayBuffer | ReadableStream<Uint8Array>;

export interface UploadProgress {
  /** Bytes the storage has accepted so far. */
  loaded: number;
  total: number;
  /** 0 to 100. */
  percent: number;
}

export interface UploadOptions {
  /** Defaults to the `File`'s name, else `upload`. */
  fileName?: string;
  /** Defaults to the `Blob`'s type, else guessed from the file name's extension. */
  contentType?: string;
  title?: string;
  description?: string;
  tags?: string[];
  /** Called as parts reach the storage; `percent` only grows and ends at 100. */
  onProgress?: (progress: UploadProgress) => void;
  /** Aborts the upload: the pending asset is deleted and the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Parts sent at once in a multipart upload (default 4). */
  concurrency?: number;
  /** Attempts per part before giving up (default 4); waits 0.25 s, 0.5 s, 1 s… between them. */
  attempts?: number;
  /**
   * Declare the SHA-256 of the content (default: when the content is at most 512 MiB, which Web Crypto digests in
   * one piece). The server can then refuse corrupted uploads and find duplicates.
   */
  sha256?: boolean;
}

const SHA256_LIMIT = 512 * 1024 * 1024;

const TYPES: Record<string, string> = {
  jpg: "image/jpeg", jpeg: "image/jpeg", png: "image/png", gif: "image/gif", webp: "image/webp", avif: "image/avif",
  heic: "image/heic", svg: "image/svg+xml", mp4: "video/mp4", m4v: "video/mp4", mov: "video/quicktime", webm: "video/webm",
  mkv: "video/x-matroska", mp3: "audio/mpeg", m4a: "audio/mp4", wav: "audio/wav", ogg: "audio/ogg", flac: "audio/flac",
};

/**
 * Uploads a file in one call: registers the asset, sends the bytes straight to storage (one PUT, or the parts of a
 * multipart upload in parallel, each retried with backoff), completes the upload and returns the ready asset.
 */
export async function uploadFile(
  operations: Operations,
  fetchImpl: FetchLike,
  input: UploadInput,
  options: UploadOptions = {},
): Promise<AssetResponse> {
  const { signal } = options;
  signal?.throwIfAborted();
  const blob = await toBlob(input);
  const fileName = options.fileName ?? (typeof File !== "undefined" && blob instanceof File && blob.name ? blob.name : "upload");
  const contentType = options.contentType || blob.type || guessType(fileName);
  const declareSha = options.sha256 ?? blob.size <= SHA256_LIMIT;
  const sha256 = declareSha ? await digest(blob) : undefined;
  signal?.throwIfAborted();

  const created = await operations.assets.create(
    { fileName, contentType, sizeBytes: blob.size, sha256, title: options.title, description: options.description, tags: options.tags },
    { signal },
  );
  const assetId = created.asset.id;
  const progress = new Progress(blob.size, options.onProgress);
  try {
    const parts = await sendBytes(fetchImpl, created.upload, blob, progress, options);
    return await operations.assets.completeUpload(assetId, parts ? { parts } : {}, { signal });
  } catch (error) {
    // Nothing half-uploaded stays behind: the pending asset (and its reserved quota) goes.
    await operations.assets.delete(assetId).catch(() => undefined);
    throw error;
  } finally {
    progress.finish();
  }
}

/** What `dropFile` takes: the file's name and type (as for `uploadFile`), the link's password, progress and aborting. */
export interface DropOptions extends Pick<UploadOptions, "fileName" | "contentType" | "onProgress" | "signal" | "concurrency" | "attempts"> {
  /** The upload link's password, if it has one (sent in the bodies, never in a URL). */
  password?: string;
}

/**
 * Drops a file into a collection through an upload link, without signing in: starts the drop, sends the bytes straight
 * to storage exactly as `uploadFile` does, and completes it. Resolves to `{uploadId, status: "ready"}`: the file is now
 * the collection owner's, and the uploader learns nothing more about it. A drop that fails half-way is purged by the
 * server once its upload window has passed.
 */
export async function dropFile(
  operations: Operations,
  fetchImpl: FetchLike,
  token: string,
  input: UploadInput,
  options: DropOptions = {},
): Promise<CompleteDropResponse> {
  const { signal, password } = options;
  signal?.throwIfAborted();
  const blob = await toBlob(input);
  const fileName = options.fileName ?? (typeof File !== "undefined" && blob instanceof File && blob.name ? blob.name : "upload");
  const contentType = options.contentType || blob.type || guessType(fileName);
  const started = await operations.publicLinks.startUpload(token, { fileName, contentType, sizeBytes: blob.size, password }, { signal });
  const progress = new Progress(blob.size, options.onProgress);
  try {
    const parts = await sendBytes(fetchImpl, started.upload, blob, progress, options);
    return await operations.publicLinks.completeUpload(token, started.uploadId, parts ? { parts, password } : { password }, { signal });
  } finally {
    progress.finish();
  }
}

/** Sends the bytes as the upload instructions say: one PUT, or the parts in parallel (returned for the completion). */
async function sendBytes(
  fetchImpl: FetchLike,
  upload: UploadResponse,
  blob: Blob,
  progress: Progress,
  options: Pick<UploadOptions, "signal" | "concurrency" | "attempts">,
): Promise<{ partNumber: number; etag: string }[] | undefined> {
  const { signal } = options;
  if (upload.method === "MULTIPART") {
    const partSize = upload.partSizeBytes ?? 0;
    const parts = await inParallel(upload.parts ?? [], options.concurrency ?? 4, signal, async (part) => {
      const start = (part.partNumber - 1) * partSize;
      const body = blob.slice(start, Math.min(start + partSize, blob.size));
      const response = await putWithRetry(fetchImpl, part.url, {}, body, options.attempts ?? 4, signal);
      progress.add(body.size);
      const etag = response.headers.get("ETag");
      if (!etag) throw new Error(`part ${part.partNumber} was stored but its ETag is not readable (CORS: expose ETag)`);
      return { partNumber: part.partNumber, etag };
    });
    return parts.sort((a, b) => a.partNumber - b.partNumber);
  }
  if (!upload.url) throw new Error(`unknown upload method ${upload.method}`);
  await putWithRetry(fetchImpl, upload.url, upload.headers ?? {}, blob, options.attempts ?? 4, signal);
  progress.add(blob.size);
  return undefined;
}

class Progress {
  private loaded = 0;
  private reported = -1;

  constructor(
    private readonly total: number,
    private readonly listener?: (progress: UploadProgress) => void,
  ) {
    this.emit();
  }

  add(bytes: number): void {
    this.loaded = Math.min(this.total, this.loaded + bytes);
    this.emit();
  }

  finish(): void {
    this.listener && this.loaded === this.total && this.reported < 100 && this.emit();
  }

  private emit(): void {
    const percent = this.total === 0 ? 100 : Math.floor((this.loaded / this.total) * 100);
    if (!this.listener || percent < this.reported || (percent === this.reported && this.loaded !== this.total)) return;
    this.reported = percent;
    this.listener({ loaded: this.loaded, total: this.total, percent });
  }
}

async function putWithRetry(
  fetchImpl: FetchLike,
  url: string,
  headers: Record<string, string>,
  body: Blob,
  attempts: number,
  signal?: AbortSignal,
): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted();
    let failure: unknown;
    try {
      const response = await fetchImpl(url, { method: "PUT", headers, body, signal });
      if (response.ok) {
        await response.body?.cancel();
        return response;
      }
      failure = await ProblemError.from(response);
      if (response.status < 500 && response.status !== 408 && response.status !== 429) throw failure;
    } catch (error) {
      if (signal?.aborted || error instanceof ProblemError) throw error;
      failure = error;
    }
    if (attempt >= attempts) throw failure;
    await sleep(250 * 2 ** (attempt - 1) * (0.75 + Math.random() / 2), signal);
  }
}

/** Runs `work` over `items`, at most `limit` at once; the first failure stops the rest and is thrown. */
async function inParallel<T, R>(items: T[], limit: number, signal: AbortSignal | undefined, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      signal?.throwIfAborted();
      const item = items[next++] as T;
      try {
        results.push(await work(item));
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const outcomes = await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  const rejected = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected");
  if (rejected) throw rejected.reason;
  return results;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

async function toBlob(input: UploadInput): Promise<Blob> {
  if (input instanceof Blob) return input;
  if (input instanceof Uint8Array || input instanceof ArrayBuffer) return new Blob([input as BlobPart]);
  // A stream of unknown length: the size must be declared up front, so it is read to the end first.
  const chunks: Uint8Array[] = [];
  const reader = input.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return new Blob(chunks as BlobPart[]);
}

async function digest(blob: Blob): Promise<string> {
  const hash = await crypto.subtle.digest("SHA-256", await blob.arrayBuffer());
  return Array.from(new Uint8Array(hash), (b) => b.toString(16).padStart(2, "0")).join("");
}

function guessType(fileName: string): string {
  const extension = fileName.split(".").pop()?.toLowerCase() ?? "";
  return TYPES[extension] ?? "application/octet-stream";
}
