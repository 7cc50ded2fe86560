import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FetchLike } from "../src/index.js";
import { packageRoot } from "./support.js";

interface Violation {
  location?: string[];
  severity?: string;
  code?: string | number;
  message?: string;
}

/**
 * Stoplight Prism's validating proxy in front of the live API, with the document the API serves: every request and
 * response passing through is checked against it, and what does not match comes back in the `sl-violations` header,
 * which {@link fetch} collects.
 */
export class ContractProxy {
  readonly violations: string[] = [];

  private constructor(private readonly process: ChildProcess, readonly origin: string, private readonly output: () => string) {}

  static async start(apiUrl: string): Promise<ContractProxy> {
    const document = join(await mkdtemp(join(tmpdir(), "mediavault-prism-")), "openapi.json");
    await writeFile(document, await (await fetch(`${apiUrl}/swagger/v1/swagger.json`)).text());
    const port = await freePort();
    const prism = join(packageRoot, "node_modules", "@stoplight", "prism-cli", "dist", "index.js");
    const child = spawn(process.execPath, [prism, "proxy", document, apiUrl, "--host", "127.0.0.1", "--port", String(port), "--errors", "false"], {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, SCARF_ANALYTICS: "false" },
    });
    let output = "";
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    const proxy = new ContractProxy(child, `http://127.0.0.1:${port}`, () => output);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`Prism exited:\n${output}`);
      const answered = await fetch(`${proxy.origin}/api/v1/me`).then((r) => r.status, () => 0);
      if (answered === 401) return proxy;
      await new Promise((r) => setTimeout(r, 250));
    }
    child.kill();
    throw new Error(`Prism did not start within 60 s:\n${output}`);
  }

  /** A fetch that records every violation Prism reports on the way. */
  fetch: FetchLike = async (input, init) => {
    const response = await fetch(input, init);
    const header = response.headers.get("sl-violations");
    if (header) {
      const method = init?.method ?? "GET";
      const url = String(input instanceof Request ? input.url : input);
      for (const v of JSON.parse(header) as Violation[]) {
        this.violations.push(`${method} ${new URL(url).pathname} → ${response.status}: ${v.severity} ${v.code} at ${(v.location ?? []).join(".")}: ${v.message}`);
      }
    }
    return response;
  };

  log(): string {
    return this.output();
  }

  stop(): void {
    this.process.kill();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
