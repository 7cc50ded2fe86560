import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { test } from "node:test";
import {
  ApiException,
  AssetsClient,
  AssetStatus,
  Disposition,
  GrantsClient,
  LinksClient,
  PublicLinksClient,
  type ProblemDetails,
} from "../src/client.js";
import { signUp } from "./accounts.js";
import { apiUrl } from "./support.js";

/** The generated clients take any fetch; this one adds the bearer token. */
function signedIn(accessToken: string) {
  return {
    fetch: (url: RequestInfo, init?: RequestInit) =>
      fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), Authorization: `Bearer ${accessToken}` } }),
  };
}

const anonymous = { fetch: (url: RequestInfo, init?: RequestInit) => fetch(url, init) };
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function bytesAt(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  assert.equal(response.status, 200, `GET ${url}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * The generated client throws a declared error response as its typed problem body, and any other as an
 * ApiException carrying the raw response: either way the caller gets the RFC 9457 problem.
 */
function isProblem(status: number, typeSuffix?: string) {
  return (error: unknown) => {
    const problem = error instanceof ApiException ? (JSON.parse(error.response) as ProblemDetails) : (error as ProblemDetails);
    assert.equal(problem?.status, status, `expected a ${status} problem, got ${JSON.stringify(error)}`);
    assert.ok(problem.title, "a problem has a title");
    if (typeSuffix) assert.ok(problem.type?.endsWith(typeSuffix), `problem type ${problem.type}`);
    return true;
  };
}

test("sign up, upload through the instruction, share, download the same bytes, revoke, and download by public link", async () => {
  const alice = await signUp("alice");
  const bob = await signUp("bob");
  const content = randomBytes(300 * 1024);

  // Alice registers a video and sends its bytes straight to storage, as the upload instruction says.
  const aliceAssets = new AssetsClient(apiUrl(), signedIn(alice.accessToken));
  const created = await aliceAssets.create({
    fileName: "holiday.mp4", contentType: "video/mp4", sizeBytes: content.length, sha256: sha256(content),
    title: "Holiday", description: "Two minutes at the beach", tags: ["e2e", "beach"],
  });
  assert.equal(created.asset.status, AssetStatus.Pending);
  assert.equal(created.upload.method, "PUT");
  const put = await fetch(created.upload.url!, { method: "PUT", headers: created.upload.headers, body: content });
  assert.equal(put.status, 200, await put.text());
  const ready = await aliceAssets.completeUpload(created.asset.id, { parts: undefined });
  assert.equal(ready.status, AssetStatus.Ready);

  // Bob cannot see it until Alice shares it with him.
  const bobAssets = new AssetsClient(apiUrl(), signedIn(bob.accessToken));
  await assert.rejects(bobAssets.get(created.asset.id), isProblem(404, "not-found"));
  const grants = new GrantsClient(apiUrl(), signedIn(alice.accessToken));
  const grant = await grants.create(created.asset.id, { granteeEmail: bob.email, role: "viewer", expiresAt: undefined });
  assert.equal(grant.grantee.email, bob.email);

  // Bob downloads exactly the bytes Alice uploaded.
  const seen = await bobAssets.get(created.asset.id);
  assert.equal(seen.access.canDownload, true);
  assert.equal(seen.access.canEdit, false);
  const download = await bobAssets.download(created.asset.id, Disposition.Attachment);
  assert.equal(sha256(await bytesAt(download.url)), sha256(content));

  // Once revoked, the asset no longer exists for Bob: a typed not-found error.
  await grants.delete(created.asset.id, grant.id);
  await assert.rejects(bobAssets.get(created.asset.id), isProblem(404, "not-found"));
  await assert.rejects(bobAssets.download(created.asset.id, Disposition.Attachment), isProblem(404));

  // A public link with a password and one download.
  const link = await new LinksClient(apiUrl(), signedIn(alice.accessToken))
    .create(created.asset.id, { expiresAt: undefined, password: "open sesame", maxDownloads: 1 });
  const publicLinks = new PublicLinksClient(apiUrl(), anonymous);
  const about = await publicLinks.get(link.token);
  assert.equal(about.asset.fileName, "holiday.mp4");
  assert.equal(about.requiresPassword, true);
  await assert.rejects(publicLinks.download(link.token, { password: "wrong" }), isProblem(401));
  const viaLink = await publicLinks.download(link.token, { password: "open sesame" });
  assert.equal(sha256(await bytesAt(viaLink.url)), sha256(content));
  await assert.rejects(publicLinks.get(link.token), isProblem(404));
});
