import assert from "node:assert/strict";
import { test } from "node:test";
import { createClient, paginate } from "../src/index.js";
import { signUp } from "./accounts.js";
import { apiUrl } from "./support.js";

test("the iterator walks 250 assets, page by page, each exactly once", { timeout: 300_000 }, async () => {
  const account = await signUp("pages");
  const client = createClient({ baseUrl: apiUrl() });
  await client.login(account.email, account.password);
  const created = new Set<string>();
  for (let batch = 0; batch < 25; batch++) {
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) =>
      client.assets.create({ fileName: `photo-${batch * 10 + i}.jpg`, contentType: "image/jpeg", sizeBytes: 1024, title: `Photo ${batch * 10 + i}` })));
    for (const answer of answers) created.add(answer.asset.id);
  }

  const seen: string[] = [];
  let pages = 0;
  for await (const asset of paginate((cursor) => (pages++, client.assets.list({ scope: "owned", limit: 40, cursor })))) {
    seen.push(asset.id);
  }
  assert.equal(pages, 7);
  assert.equal(new Set(seen).size, seen.length, "no asset twice");
  assert.deepEqual(new Set(seen), created);

  const viaGroup: string[] = [];
  for await (const asset of client.assets.iterate({ scope: "owned" })) viaGroup.push(asset.id);
  assert.deepEqual(new Set(viaGroup), created);
  assert.equal(viaGroup.length, 250);
});
