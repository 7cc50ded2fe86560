import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { signUp } from "./accounts.js";
import { apiUrl, packageRoot, run } from "./support.js";

/**
 * The README's TypeScript snippets, joined into one program (imports merged), with the placeholders replaced by a live
 * server and real accounts.
 */
async function readmeProgram(replacements: Record<string, string>): Promise<string> {
  const readme = await readFile(join(packageRoot, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
  assert.ok(blocks.length >= 6, `the README has its snippets (${blocks.length})`);
  const imports = new Map<string, Set<string>>();
  const body: string[] = [];
  for (const block of blocks) {
    for (const line of block.split("\n")) {
      const named = /^import \{([^}]+)\} from "([^"]+)";$/.exec(line);
      if (named) {
        const names = imports.get(named[2]!) ?? new Set<string>();
        named[1]!.split(",").map((n) => n.trim()).filter(Boolean).forEach((n) => names.add(n));
        imports.set(named[2]!, names);
      } else {
        body.push(line);
      }
    }
  }
  let program = [...imports].map(([from, names]) => `import { ${[...names].join(", ")} } from "${from}";`).join("\n");
  program += `\n${body.join("\n")}\nexport {};\n`;
  for (const [placeholder, value] of Object.entries(replacements)) program = program.split(placeholder).join(value);
  return program;
}

test("the README snippets type-check under strict against the packed package, and run against the live API", { timeout: 300_000 }, async () => {
  const ana = await signUp("readme-ana");
  const bo = await signUp("readme-bo");

  // npm pack (which builds), then install the tarball into a scratch project, as a consumer would.
  const scratch = await mkdtemp(join(tmpdir(), "mediavault-readme-"));
  const pack = run("npm", ["pack", "--pack-destination", scratch]);
  assert.equal(pack.status, 0, pack.output);
  const tarball = (await readdir(scratch)).find((f) => f.endsWith(".tgz"));
  assert.ok(tarball, pack.output);
  await writeFile(join(scratch, "package.json"), JSON.stringify({ name: "scratch", private: true, type: "module" }));
  const install = run("npm", ["install", "--no-audit", "--no-fund", "--offline", join(scratch, tarball)], scratch);
  assert.equal(install.status, 0, install.output);

  await writeFile(join(scratch, "main.ts"), await readmeProgram({
    "https://media.example.com": apiUrl(),
    "ana@example.com": ana.email,
    "a long passphrase": ana.password,
    "bo@example.com": bo.email,
  }));
  await writeFile(join(scratch, "tsconfig.json"), JSON.stringify({
    compilerOptions: {
      target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", lib: ["ES2022", "DOM", "DOM.Iterable"],
      strict: true, skipLibCheck: false, types: ["node"], typeRoots: [join(packageRoot, "node_modules", "@types")],
    },
    files: ["main.ts"],
  }));
  await writeFile(join(scratch, "holiday.mp4"), randomBytes(256 * 1024));

  const compile = run(join(packageRoot, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.json"], scratch);
  assert.equal(compile.status, 0, `${compile.output}\n${await readFile(join(scratch, "main.ts"), "utf8")}`);
  const execute = run("node", ["main.js"], scratch);
  assert.equal(execute.status, 0, execute.output);
  assert.match(execute.output, /Signed in as readme-ana/);
  assert.match(execute.output, /uploaded 100%/);
  assert.match(execute.output, /ready/);
  assert.match(execute.output, /Public link: http/);
  assert.match(execute.output, /404 https:\/\/mediavault\.dev\/problems\/not-found/);
  assert.match(execute.output, /fileName/);
});
