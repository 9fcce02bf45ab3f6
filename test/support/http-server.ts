/**
 * A real HTTP server on 127.0.0.1 with an ephemeral port, for tests of code that makes requests.
 * Each request's body is read completely before the handler runs, and every request is recorded.
 *
 * @example
 * ```
 * afterEach(closeServers);
 * const server = await startServer((request, response) => sendJson(response, 200, { ok: true }));
 * await fetch(`${server.url}/pets`);
 * server.requests[0]?.path; // "/pets"
 * ```
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  readonly method: string;
  /** The request target as sent: path and raw (still encoded) query. */
  readonly target: string;
  /** The path, still percent-encoded. */
  readonly path: string;
  /** The raw query string, without `?`. */
  readonly rawQuery: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export type Handler = (request: RecordedRequest, response: ServerResponse, raw: IncomingMessage) => void | Promise<void>;

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** How many requests are being handled right now, and the most there ever were at once. */
  readonly inFlight: { current: number; max: number };
  close(): Promise<void>;
}

const open = new Set<TestServer>();

export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const inFlight = { current: 0, max: 0 };
  const server = createServer((raw, response) => {
    inFlight.current++;
    inFlight.max = Math.max(inFlight.max, inFlight.current);
    let done = false;
    const finish = (): void => {
      if (!done) inFlight.current--;
      done = true;
    };
    response.on("close", finish);
    const chunks: Buffer[] = [];
    raw.on("data", (chunk: Buffer) => chunks.push(chunk));
    raw.on("end", () => {
      const target = raw.url ?? "/";
      const queryStart = target.indexOf("?");
      const rawQuery = queryStart === -1 ? "" : target.slice(queryStart + 1);
      const recorded: RecordedRequest = {
        method: raw.method ?? "GET",
        target,
        path: queryStart === -1 ? target : target.slice(0, queryStart),
        rawQuery,
        query: new URLSearchParams(rawQuery),
        headers: raw.headers,
        body: Buffer.concat(chunks),
      };
      requests.push(recorded);
      Promise.resolve(handler(recorded, response, raw)).catch((error: unknown) => {
        if (!response.headersSent) response.writeHead(599, { "content-type": "text/plain" });
        response.end(`test handler failed: ${String(error)}`);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const testServer: TestServer = {
    url: `http://127.0.0.1:${port}`,
    requests,
    inFlight,
    close: () =>
      new Promise<void>((resolve) => {
        open.delete(testServer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  open.add(testServer);
  return testServer;
}

/** Closes every server still open: `afterEach(closeServers)`. */
export async function closeServers(): Promise<void> {
  await Promise.all([...open].map((server) => server.close()));
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}

export function sendText(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers });
  response.end(body);
}

/** A promise with its resolve function outside, to hold a response until the test lets it go. */
export function gate(): { readonly promise: Promise<void>; open(): void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/** Resolves once `condition` holds, polling; fails the test after `timeout` ms. */
export async function until(condition: () => boolean, timeout = 2_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
