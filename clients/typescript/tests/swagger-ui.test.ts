import assert from "node:assert/strict";
import { mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { chromium } from "playwright-core";
import { signUp } from "./accounts.js";
import { apiUrl, packageRoot } from "./support.js";

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

test("QA can authorize in the NSwag UI, read the documented example and execute GET /api/v1/me", async () => {
  const account = await signUp("qa");
  // A fresh profile each run; flags keep Chromium off the (closed) network.
  const context = await chromium.launchPersistentContext(await mkdtemp(join(tmpdir(), "mediavault-chromium-")), {
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run",
    ],
  });
  try {
    const page = await context.newPage();
    await page.goto(`${apiUrl()}/swagger/index.html`);

    await page.locator("button.authorize").first().click();
    await page.locator(".auth-container input").first().fill(account.accessToken);
    await page.locator(".auth-btn-wrapper button.authorize").click();
    await page.locator(".auth-btn-wrapper button.btn-done, .auth-btn-wrapper button.close-modal").first().click();

    const operation = page.locator('[id^="operations-"][id$="Me_Get"]').first();
    await operation.locator(".opblock-summary").click();
    // The documented 200 answer shows the document's example.
    const documented = operation.locator(".responses-wrapper").first();
    await documented.waitFor();
    assert.match(await documented.innerText(), /ana@example\.com/);
    const execute = operation.locator("button.execute");
    if (!(await execute.isVisible())) {
      await operation.locator("button.try-out__btn").click(); // "Try it out", unless the UI starts in that mode
    }
    await execute.click();

    const status = operation.locator(".live-responses-table .response .response-col_status").first();
    await status.waitFor({ timeout: 15_000 });
    assert.equal((await status.innerText()).trim(), "200");
    const body = await operation.locator(".live-responses-table .response-col_description pre").first().innerText();
    assert.match(body, new RegExp(account.email.replace(/[.+]/g, "\\$&")));

    const artifacts = join(packageRoot, "test-artifacts");
    await mkdir(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, "swagger-ui-me.png"), fullPage: true });
  } finally {
    await context.close();
  }
});
