import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { createClient, ProblemError } from "../src/index.js";
import { signUp } from "./accounts.js";
import { ContractProxy } from "./contract-proxy.js";
import { apiUrl } from "./support.js";

// The flow runs through Prism's validating proxy: every request and answer must match the served document.
let contract: ContractProxy;
before(async () => (contract = await ContractProxy.start(apiUrl())));
after(() => contract.stop());
const through = () => ({ baseUrl: contract.origin, fetch: contract.fetch });

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function bytesAt(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  assert.equal(response.status, 200, `GET ${url}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Asserts that a call failed with a problem of this status (and type, when given). */
function isProblem(status: number, typeSuffix?: string) {
  return (error: unknown) => {
    assert.ok(error instanceof ProblemError, `expected a ProblemError, got ${String(error)}`);
    assert.equal(error.status, status, error.message);
    assert.ok(error.title, "a problem has a title");
    if (typeSuffix) assert.ok(error.type.endsWith(typeSuffix), `problem type ${error.type}`);
    return true;
  };
}

test("sign in, upload, share, download the same bytes, revoke, and download by public link, all as the document says", async () => {
  const alice = await signUp("alice");
  const bob = await signUp("bob");
  const content = randomBytes(300 * 1024);
  const aliceClient = createClient(through());
  await aliceClient.login(alice.email, alice.password);
  const bobClient = createClient(through());
  await bobClient.login(bob.email, bob.password);

  const asset = await aliceClient.uploadFile(content, {
    fileName: "holiday.mp4", contentType: "video/mp4", title: "Holiday", description: "Two minutes at the beach", tags: ["e2e", "beach"],
  });
  assert.equal(asset.status, "ready");
  assert.equal(asset.sha256, sha256(content));

  // Bob cannot see it until Alice shares it with him.
  await assert.rejects(bobClient.assets.get(asset.id), isProblem(404, "not-found"));
  const grant = await aliceClient.grants.create(asset.id, { granteeEmail: bob.email, role: "viewer" });
  assert.equal(grant.grantee?.email, bob.email);

  const seen = await bobClient.assets.get(asset.id);
  assert.equal(seen.access.canDownload, true);
  assert.equal(seen.access.canEdit, false);
  await assert.rejects(bobClient.assets.update(asset.id, { title: "Mine now" }), isProblem(403, "forbidden"));
  const download = await bobClient.assets.download(asset.id, { disposition: "attachment" });
  assert.equal(sha256(await bytesAt(download.url)), sha256(content));

  // Once revoked, the asset no longer exists for Bob.
  await aliceClient.grants.delete(asset.id, grant.id);
  await assert.rejects(bobClient.assets.get(asset.id), isProblem(404, "not-found"));

  // A public link with a password and one download, used without signing in.
  const link = await aliceClient.links.create(asset.id, { password: "open sesame", maxDownloads: 1 });
  const anonymous = createClient(through());
  const about = await anonymous.publicLinks.get(link.token);
  assert.equal(about.kind, "asset");
  assert.equal(about.asset?.fileName, "holiday.mp4");
  assert.equal(about.requiresPassword, true);
  await assert.rejects(anonymous.publicLinks.download(link.token, { password: "wrong" }), isProblem(401));
  const viaLink = await anonymous.publicLinks.download(link.token, { password: "open sesame" });
  assert.equal(sha256(await bytesAt(viaLink.url)), sha256(content));
  await assert.rejects(anonymous.publicLinks.get(link.token), isProblem(404));

  const actions: string[] = [];
  for await (const entry of aliceClient.activity.iterate(asset.id)) actions.push(entry.action);
  assert.ok(actions.includes("grant.revoked"), actions.join(", "));

  // Every status above (the 403, 404 and 401 too) is declared, and every body matches its schema.
  assert.deepEqual(contract.violations, [], contract.violations.join("\n"));
});

test("share through a group and through a collection: each path gives access on the next request and ends with it", async () => {
  const alice = await signUp("alice");
  const bob = await signUp("bob");
  const carol = await signUp("carol");
  const [aliceClient, bobClient, carolClient] = [createClient(through()), createClient(through()), createClient(through())];
  await aliceClient.login(alice.email, alice.password);
  await bobClient.login(bob.email, bob.password);
  await carolClient.login(carol.email, carol.password);
  const content = randomBytes(64 * 1024);
  const viaGroup = await aliceClient.uploadFile(content, { fileName: "group.mp4", contentType: "video/mp4" });
  const viaAlbum = await aliceClient.uploadFile(content, { fileName: "album.mp4", contentType: "video/mp4" });

  // A group grant reaches every member; leaving the group ends it at once.
  const family = await aliceClient.groups.create({ name: "Family" });
  const bobMember = await aliceClient.groups.addMember(family.id, { email: bob.email });
  const groupGrant = await aliceClient.grants.create(viaGroup.id, { groupId: family.id, role: "editor", allowDownload: false });
  assert.equal(groupGrant.grantee, null);
  assert.equal(groupGrant.group?.name, "Family");
  const seenByBob = await bobClient.assets.get(viaGroup.id);
  assert.equal(seenByBob.access.role, "editor");
  assert.equal(seenByBob.access.canDownload, false);
  await assert.rejects(bobClient.assets.download(viaGroup.id), isProblem(403));
  await assert.rejects(carolClient.assets.get(viaGroup.id), isProblem(404, "not-found"));

  // A collection grant reaches every asset in the collection that inherits access.
  const album = await aliceClient.collections.create({ name: "Summer" });
  const added = await aliceClient.collections.addAssets(album.id, { assetIds: [viaAlbum.id] });
  assert.deepEqual(added.added, [viaAlbum.id]);
  await aliceClient.collections.createGrant(album.id, { granteeEmail: carol.email, role: "viewer" });
  const carolsView = await carolClient.collections.get(album.id);
  assert.equal(carolsView.access.role, "viewer");
  const contents: string[] = [];
  for await (const asset of carolClient.collections.iterateAssets(album.id)) contents.push(asset.id);
  assert.deepEqual(contents, [viaAlbum.id]);
  const viaLink = await carolClient.assets.download(viaAlbum.id);
  assert.equal(sha256(await bytesAt(viaLink.url)), sha256(content));

  const why = await carolClient.assets.explainAccess(viaAlbum.id);
  assert.equal(why.paths[0]?.kind, "collection-grant");
  assert.equal(why.paths[0]?.collection?.name, "Summer");

  // Bob leaves the group; Alice opts the asset out of inheritance: both paths end on the next request.
  await bobClient.groups.removeMember(family.id, bobMember.userId);
  await assert.rejects(bobClient.assets.get(viaGroup.id), isProblem(404, "not-found"));
  await aliceClient.assets.update(viaAlbum.id, { inheritsAccess: false });
  await assert.rejects(carolClient.assets.get(viaAlbum.id), isProblem(404, "not-found"));

  assert.deepEqual(contract.violations, [], contract.violations.join("\n"));
});

test("delete moves an asset to the trash, where only its owner restores it exactly as it was or purges it", async () => {
  const carol = await signUp("carol");
  const dave = await signUp("dave");
  const carolClient = createClient(through());
  await carolClient.login(carol.email, carol.password);
  const daveClient = createClient(through());
  await daveClient.login(dave.email, dave.password);
  const asset = await carolClient.uploadFile(randomBytes(64 * 1024), { fileName: "trash.png", contentType: "image/png" });
  await carolClient.grants.create(asset.id, { granteeEmail: dave.email, role: "viewer" });

  await carolClient.assets.delete(asset.id);
  await assert.rejects(carolClient.assets.get(asset.id), isProblem(404, "not-found"));
  await assert.rejects(daveClient.assets.get(asset.id), isProblem(404, "not-found"));
  const trash = await carolClient.trash.list();
  assert.deepEqual(trash.items.map((i) => i.id), [asset.id]);
  assert.ok(Date.parse(trash.items[0].purgeAt) > Date.parse(trash.items[0].deletedAt));
  await assert.rejects(daveClient.trash.restore(asset.id), isProblem(404, "not-found"));

  const restored = await carolClient.trash.restore(asset.id);
  assert.equal(restored.status, "ready");
  assert.equal((await daveClient.assets.get(asset.id)).access.canView, true);

  await carolClient.assets.delete(asset.id);
  await carolClient.trash.purge(asset.id);
  assert.deepEqual((await carolClient.trash.list()).items, []);
  await assert.rejects(carolClient.trash.restore(asset.id), isProblem(404, "not-found"));

  assert.deepEqual(contract.violations, [], contract.violations.join("\n"));
});

test("drop a file through a collection's upload link without signing in: it lands in the owner's collection as the owner's", async (t) => {
  // Upload links are opened with POST /collections/{id}/links, built beside the drops; until that call is served, there is
  // no link to drop through.
  const served = (await (await fetch(`${apiUrl()}/swagger/v1/swagger.json`)).json()) as { paths: Record<string, unknown> };
  if (!served.paths["/api/v1/collections/{id}/links"]) {
    t.skip("POST /collections/{id}/links is not served by this build");
    return;
  }

  const erin = await signUp("erin");
  const erinClient = createClient(through());
  await erinClient.login(erin.email, erin.password);
  const album = await erinClient.collections.create({ name: "Class photos" });
  const opened = await fetch(`${apiUrl()}/api/v1/collections/${album.id}/links`, {
    method: "POST",
    headers: { authorization: `Bearer ${await erinClient.session.accessToken()}`, "content-type": "application/json" },
    body: JSON.stringify({ kind: "upload", password: "drop it here", maxUploads: 5 }),
  });
  assert.equal(opened.status, 201, await opened.clone().text());
  const { token } = (await opened.json()) as { token: string };

  const parent = createClient(through());
  const content = randomBytes(200 * 1024);
  await assert.rejects(parent.dropFile(token, content, { fileName: "sports-day.png", contentType: "image/png" }), isProblem(401));
  const dropped = await parent.dropFile(token, content, { fileName: "sports-day.png", contentType: "image/png", password: "drop it here" });
  assert.equal(dropped.status, "ready");
  assert.deepEqual(Object.keys(dropped).sort(), ["status", "uploadId"]);
  // The uploader's id is spent, and opens nothing else.
  await assert.rejects(parent.publicLinks.completeUpload(token, dropped.uploadId, { password: "drop it here" }), isProblem(404));

  const contents = [];
  for await (const asset of erinClient.collections.iterateAssets(album.id)) contents.push(asset);
  assert.equal(contents.length, 1);
  assert.equal(contents[0].fileName, "sports-day.png");
  assert.equal(contents[0].status, "ready");
  assert.equal(contents[0].access.role, "owner");
  const download = await erinClient.assets.download(contents[0].id);
  assert.equal(sha256(await bytesAt(download.url)), sha256(content));

  assert.deepEqual(contract.violations, [], contract.violations.join("\n"));
});
