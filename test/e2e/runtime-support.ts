/**
 * What the runtime-*.test.ts files share: the SDK generated from fixtures/runtime-policies.yaml,
 * a fault-injecting node:http server per test (its handler decides each answer), and a client for
 * it that fails fast (1 ms backoffs, nothing logged) unless a test says otherwise.
 */
import { createClient, type Auth, type Client, type ClientOptions, type RetryOptions } from "../.out/sdk/runtime-policies/index.js";
import { startServer, type Handler, type RecordedRequest, type TestServer } from "../support/http-server.js";

export { closeServers, gate, sendJson, sendText, until } from "../support/http-server.js";
export type { Handler, RecordedRequest } from "../support/http-server.js";

export interface PolicyServer extends TestServer {
  /** The SDK's base URL on this server: `http://127.0.0.1:<port>/v1`. */
  readonly baseUrl: string;
  /** When each request arrived (performance.now()), in order. */
  readonly arrivals: number[];
}

/** Starts a server whose every request, after being recorded with its arrival time, goes to `handler`. */
export async function startPolicyServer(handler: Handler): Promise<PolicyServer> {
  const arrivals: number[] = [];
  const server = await startServer((request, response, raw) => {
    arrivals.push(performance.now());
    return handler(request, response, raw);
  });
  return Object.assign(server, { baseUrl: `${server.url}/v1`, arrivals });
}

/** A client of `server` with 1 ms backoffs and logging off; `options` override, `retry` field by field. */
export function clientFor(server: PolicyServer, options: ClientOptions<Auth> = {}): Client {
  const retry: RetryOptions = typeof options.retry === "number" ? { limit: options.retry } : (options.retry ?? {});
  return createClient({ baseUrl: server.baseUrl, logLevel: "off", ...options, retry: { baseDelay: 1, ...retry } });
}

/** Answers request n (from 0) with `handlers[n]`, and every request after the last with the last one. */
export function inTurn(...handlers: readonly [Handler, ...Handler[]]): Handler {
  let seen = 0;
  return (request, response, raw) => (handlers[Math.min(seen++, handlers.length - 1)] ?? handlers[0])(request, response, raw);
}

/** Answers with `fault` for the first `failures` requests, then with `then`. */
export function failFirst(failures: number, fault: Handler, then: Handler): Handler {
  let seen = 0;
  return (request, response, raw) => (++seen <= failures ? fault(request, response, raw) : then(request, response, raw));
}

/** Writes the start of a JSON body, then destroys the socket: a connection reset mid-response. */
export const resetMidBody: Handler = (_request, response) => {
  response.writeHead(200, { "content-type": "application/json", "content-length": "200" });
  response.write('{"id": "1", "na');
  setTimeout(() => response.socket?.destroy(), 10);
};

/** The milliseconds between the arrivals of request `from` and request `from + 1`. */
export function gapAfter(server: PolicyServer, from: number): number {
  const [first, second] = [server.arrivals[from], server.arrivals[from + 1]];
  if (first === undefined || second === undefined) throw new Error(`request ${from + 1} or ${from + 2} never arrived`);
  return second - first;
}

/** A rejection's error, or a failed test when the promise resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value: unknown) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

export const delay = (milliseconds: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, milliseconds));

export function requestAt(server: PolicyServer, index: number): RecordedRequest {
  const request = server.requests[index];
  if (!request) throw new Error(`the server received no request #${index + 1}`);
  return request;
}
