import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A tiny HTTP proxy in front of the S3 test server, for uploads that meet trouble: every request is forwarded with
 * the presigned Host header (the signature covers it), except that `failOnce(partNumber)` makes the first PUT of that
 * part answer 500.
 */
export class StorageProxy {
  private readonly failing = new Set<string>();
  readonly seen: string[] = [];

  private constructor(private readonly server: Server, private readonly target: URL) {}

  static async start(target: string): Promise<StorageProxy> {
    const server = createServer();
    const proxy = new StorageProxy(server, new URL(target));
    server.on("request", (req, res) => {
      const url = new URL(req.url ?? "/", proxy.target);
      const part = url.searchParams.get("partNumber");
      proxy.seen.push(`${req.method} part ${part ?? "-"}`);
      if (req.method === "PUT" && part && proxy.failing.delete(part)) {
        req.resume();
        req.on("end", () => res.writeHead(500, { "Content-Type": "text/plain" }).end("injected failure"));
        return;
      }
      const upstream = request(url, { method: req.method, headers: { ...req.headers, host: proxy.target.host } }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on("error", () => res.writeHead(502).end());
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return proxy;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  failOnce(partNumber: number): void {
    this.failing.add(String(partNumber));
  }

  /** A fetch that sends storage requests through this proxy and everything else straight on. */
  fetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = String(input instanceof Request ? input.url : input);
    return fetch(url.startsWith(this.target.origin) ? this.origin + url.slice(this.target.origin.length) : url, init);
  };

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
