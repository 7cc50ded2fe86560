import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { createClient, ProblemError, type UploadProgress } from "../src/index.js";
import { signUp } from "./accounts.js";
import { StorageProxy } from "./storage-proxy.js";
import { apiUrl, s3Url } from "./support.js";

const MiB = 1024 * 1024;
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
let proxy: StorageProxy;
before(async () => (proxy = await StorageProxy.start(s3Url())));
after(async () => proxy.close());

async function signedInClient(name: string) {
  const account = await signUp(name);
  const client = createClient({ baseUrl: apiUrl(), fetch: proxy.fetch });
  await client.login(account.email, account.password);
  return client;
}

async function bytesAt(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  assert.equal(response.status, 200, `GET ${url}`);
  return new Uint8Array(await response.arrayBuffer());
}

test("a 100 MiB file goes up in parallel parts, a part that fails once is retried, progress climbs to 100%", { timeout: 600_000 }, async () => {
  const client = await signedInClient("bigupload");
  const content = randomBytes(100 * MiB);
  const progress: UploadProgress[] = [];
  proxy.failOnce(3);

  const asset = await client.uploadFile(new Blob([content], { type: "video/mp4" }), {
    fileName: "big.mp4", title: "Big", tags: ["multipart"], concurrency: 3, onProgress: (p) => progress.push(p),
  });

  assert.equal(asset.status, "ready");
  assert.equal(asset.sizeBytes, content.length);
  assert.equal(asset.sha256, sha256(content));
  assert.equal(proxy.seen.filter((s) => s === "PUT part 3").length, 2, "part 3 was sent twice");
  assert.equal(progress.at(-1)?.percent, 100);
  assert.equal(progress.at(-1)?.loaded, content.length);
  for (let i = 1; i < progress.length; i++) {
    assert.ok(progress[i]!.loaded >= progress[i - 1]!.loaded && progress[i]!.percent >= progress[i - 1]!.percent, "progress never goes back");
  }
  const download = await client.assets.download(asset.id, { disposition: "attachment" });
  assert.equal(sha256(await bytesAt(download.url)), sha256(content));
});

test("aborting mid-upload rejects with the abort reason and leaves no ready asset behind", { timeout: 600_000 }, async () => {
  const client = await signedInClient("abort");
  const content = randomBytes(70 * MiB);
  const controller = new AbortController();

  await assert.rejects(
    client.uploadFile(new Blob([content], { type: "video/mp4" }), {
      fileName: "aborted.mp4", title: "Aborted", concurrency: 1, signal: controller.signal,
      onProgress: (p) => p.loaded > 0 && controller.abort(new Error("user cancelled")),
    }),
    /user cancelled/,
  );

  const left: string[] = [];
  for await (const asset of client.assets.iterate({ scope: "owned" })) left.push(`${asset.title}: ${asset.status}`);
  assert.deepEqual(left.filter((a) => a.endsWith("ready")), []);
});

test("a small file goes up in one PUT and comes back byte for byte; bad input is a ProblemError naming the field", async () => {
  const client = await signedInClient("smallupload");
  const content = randomBytes(200 * 1024);
  let last: UploadProgress | undefined;

  const asset = await client.uploadFile(content, { fileName: "photo.jpg", onProgress: (p) => (last = p) });

  assert.equal(asset.contentType, "image/jpeg");
  assert.equal(asset.status, "ready");
  assert.equal(last?.percent, 100);
  const download = await client.assets.download(asset.id);
  assert.equal(sha256(await bytesAt(download.url)), sha256(content));

  const error = await client.assets.create({ fileName: "", contentType: "image/jpeg", sizeBytes: 1 }).catch((e: unknown) => e);
  assert.ok(error instanceof ProblemError);
  assert.equal(error.status, 400);
  assert.ok(error.type.endsWith("/validation"), error.type);
  assert.ok(error.errors.fileName?.length, JSON.stringify(error.body));
});
