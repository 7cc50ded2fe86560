import assert from "node:assert/strict";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, test } from "node:test";
import { run, apiUrl, repoRoot } from "./support.js";

process.env.REDOCLY_TELEMETRY = "off";
process.env.REDOCLY_SUPPRESS_UPDATE_NOTICE = "true";

let liveDocument: string;
before(async () => {
  const response = await fetch(`${apiUrl()}/swagger/v1/swagger.json`);
  assert.equal(response.status, 200);
  liveDocument = join(await mkdtemp(join(tmpdir(), "mediavault-openapi-")), "openapi.json");
  await writeFile(liveDocument, await response.text());
});

test("the package compiles under strict TypeScript", () => {
  const { status, output } = run("npx", ["tsc", "-p", "tsconfig.json", "--noEmit"]);
  assert.equal(status, 0, output);
});

test("the committed generated client and OpenAPI document match what the live API serves", () => {
  const { status, output } = run("bash", [`${repoRoot}/scripts/generate-client.sh`, "--from", apiUrl(), "--check"], repoRoot);
  assert.equal(status, 0, `${output}\nRegenerate with: scripts/generate-client.sh`);
});

test("the live OpenAPI document passes our Spectral ruleset with zero warnings", () => {
  const { status, output } = run("npx", ["spectral", "lint", "--ruleset", ".spectral.yaml", "--fail-severity", "warn", liveDocument]);
  assert.equal(status, 0, output);
  assert.match(output, /No results with a severity of 'warn' or higher found/);
});

test("the live OpenAPI document passes Redocly's recommended ruleset with 0 errors and 0 warnings", () => {
  const { status, output } = run("npx", ["redocly", "lint", "--max-problems", "50", liveDocument]);
  assert.equal(status, 0, output);
  assert.match(output, /Your API description is valid/);
  assert.doesNotMatch(output, /\d+ warnings?\b/i);
});
