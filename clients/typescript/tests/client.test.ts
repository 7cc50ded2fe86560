import assert from "node:assert/strict";
import { test } from "node:test";
import { run, apiUrl, repoRoot } from "./support.js";

test("the committed client compiles under strict TypeScript", () => {
  const { status, output } = run("npx", ["tsc", "-p", "tsconfig.json", "--noEmit"]);
  assert.equal(status, 0, output);
});

test("the committed client and OpenAPI document match what the live API serves", () => {
  const { status, output } = run("bash", [`${repoRoot}/scripts/generate-client.sh`, "--from", apiUrl(), "--check"], repoRoot);
  assert.equal(status, 0, `${output}\nRegenerate with: scripts/generate-client.sh`);
});

test("the live OpenAPI document passes the Spectral ruleset with zero errors", async () => {
  const { writeFile, mkdtemp } = await import("node:fs/promises");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const response = await fetch(`${apiUrl()}/swagger/v1/swagger.json`);
  assert.equal(response.status, 200);
  const file = join(await mkdtemp(join(tmpdir(), "mediavault-openapi-")), "openapi.json");
  await writeFile(file, await response.text());
  const { status, output } = run("npx", ["spectral", "lint", "--ruleset", ".spectral.yaml", "--fail-severity", "error", file]);
  assert.equal(status, 0, output);
});
