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
  assert.equal(about.asset.fileName, "holiday.mp4");
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
