import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { chromium } from "playwright-core";
import { signUp } from "./accounts.js";
import { apiUrl, packageRoot, s3Url } from "./support.js";

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const cors = { "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Methods": "GET, PUT, HEAD", "Access-Control-Allow-Headers": "*", "Access-Control-Expose-Headers": "ETag" };

test("a page uploads a file through the package in Chromium (File, Web Crypto, fetch)", { timeout: 120_000 }, async () => {
  const account = await signUp("browser");
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage();
    // The page and the package's modules are served at the API's origin (as an app behind the same host would be);
    // the storage answers as a CORS-configured bucket would (exposing ETag).
    const page_ = `${apiUrl()}/__client-test/`;
    await page.route(`${page_}**`, async (route) => {
      const path = new URL(route.request().url()).pathname.slice("/__client-test/".length);
      if (path === "" || path === "index.html") {
        return route.fulfill({ contentType: "text/html", body: "<!doctype html><input id=file type=file><pre id=out></pre>" });
      }
      const file = join(packageRoot, "dist-test", "src", ...path.split("/").filter((p) => p !== ".."));
      return route.fulfill({ contentType: "text/javascript", body: await readFile(file, "utf8") });
    });
    await page.route(`${s3Url()}/**`, async (route) => {
      if (route.request().method() === "OPTIONS") return route.fulfill({ status: 204, headers: cors });
      const answer = await route.fetch();
      return route.fulfill({ response: answer, headers: { ...answer.headers(), ...cors } });
    });
    await page.goto(`${page_}index.html`);
    await page.locator("#file").setInputFiles({ name: "sunset.png", mimeType: "image/png", buffer: Buffer.alloc(64 * 1024, 7) });

    const result = await page.evaluate(async ({ baseUrl, email, password }) => {
      const { createClient } = await import(`${location.origin}/__client-test/index.js`);
      const client = createClient({ baseUrl });
      await client.login(email, password);
      const input = document.querySelector("#file") as HTMLInputElement;
      const percents: number[] = [];
      const asset = await client.uploadFile(input.files![0], { title: "From the browser", onProgress: (p: { percent: number }) => percents.push(p.percent) });
      return { status: asset.status, fileName: asset.fileName, contentType: asset.contentType, sha256: asset.sha256, percents };
    }, { baseUrl: apiUrl(), email: account.email, password: account.password });

    assert.equal(result.status, "ready");
    assert.equal(result.fileName, "sunset.png");
    assert.equal(result.contentType, "image/png");
    assert.match(result.sha256 ?? "", /^[0-9a-f]{64}$/);
    assert.equal(result.percents.at(-1), 100);
  } finally {
    await browser.close();
  }
});
