import assert from "node:assert/strict";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { run } from "./support.js";

const page = (item: string) => ({
  type: "object",
  required: ["items", "nextCursor"],
  properties: { items: { type: "array", items: { $ref: `#/components/schemas/${item}` } }, nextCursor: { type: "string", nullable: true } },
});
const json = (schema: object) => ({ content: { "application/json": { schema } } });

/** A small document with the shapes the generator must handle. */
const document = {
  openapi: "3.0.0",
  info: { title: "t", version: "1" },
  paths: {
    "/api/v1/groups/{id}/members": {
      get: {
        operationId: "Groups_ListMembers",
        security: [{ Bearer: [] }],
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string" } },
          { name: "limit", in: "query", schema: { type: "integer" } },
          { name: "cursor", in: "query", schema: { type: "string" } },
        ],
        responses: { "200": json(page("Member")) },
      },
    },
    "/api/v1/groups/{id}/complete": {
      post: {
        operationId: "Groups_Complete",
        security: [{ Bearer: [] }],
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        requestBody: json({ $ref: "#/components/schemas/Done" }),
        responses: { "204": { description: "x" } },
      },
    },
    "/api/v1/search": {
      get: {
        operationId: "Search_Find",
        security: [],
        parameters: [{ name: "q", in: "query", required: true, schema: { type: "string" } }],
        responses: { "200": json({ type: "object", properties: { items: { type: "array", items: { type: "string" } } } }) },
      },
    },
  },
  components: { schemas: { Member: { type: "object" }, Done: { type: "object" } } },
};

test("the generator names methods after operation ids, takes options objects, and adds iterators to lists", async () => {
  const dir = await mkdtemp(join(tmpdir(), "mediavault-generator-"));
  await writeFile(join(dir, "openapi.json"), JSON.stringify(document));
  const { status, output } = run("node", ["scripts/generate-operations.mjs", join(dir, "openapi.json"), join(dir, "operations.ts")]);
  assert.equal(status, 0, output);
  const code = await readFile(join(dir, "operations.ts"), "utf8");

  // Path parameters first, then the optional query object; a cursor list gets a paging iterator without `cursor`.
  assert.match(code, /listMembers: \(id: string, query\?: Query<"Groups_ListMembers">, options\?: CallOptions\): Promise<Answer<"Groups_ListMembers", 200>>/);
  assert.match(code, /iterateMembers: \(id: string, query\?: Omit<Query<"Groups_ListMembers">, "cursor">, options\?: CallOptions\): AsyncIterableIterator<S\["Member"\]>/);
  // A body the document does not require is optional; no content answers void.
  assert.match(code, /complete: \(id: string, body\?: S\["Done"\], options\?: CallOptions\): Promise<void>/);
  // A required query parameter makes the query object required; an anonymous operation sends no token; a list
  // without a cursor is iterated in one answer.
  assert.match(code, /find: \(query: Query<"Search_Find">, options\?: CallOptions\)/);
  assert.match(code, /"GET", `\/api\/v1\/search`, \{ anonymous: true, query, \.\.\.options \}/);
  assert.match(code, /iterateFind: .*\n.*\{ single: true \}/);
  assert.match(code, /`\/api\/v1\/groups\/\$\{encodeURIComponent\(id\)\}\/members`/);
});
