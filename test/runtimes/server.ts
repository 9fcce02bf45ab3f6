/**
 * The API that every runtime of the matrix calls: the Petstore and Pagination fixtures' operations
 * that the scenario (scenario.ts) uses, over node:http on 127.0.0.1, with CORS so that a page on
 * another origin may call it. Each runtime calls under its own prefix (`/<runtime>/…`) so that the
 * state of one (the retry's first 503) does not leak into another.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { DOWNLOAD_CHUNK_BYTES, DOWNLOAD_CHUNKS, downloadByte } from "./download-pattern.js";

export interface RecordedCall {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingMessage["headers"];
}

export interface MatrixServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** The calls received, by runtime prefix. Preflights (OPTIONS) are recorded too. */
  readonly calls: Map<string, RecordedCall[]>;
  /** When true, Link headers are sent but not exposed to cross-origin scripts. */
  hideLinkHeader: boolean;
  close(): Promise<void>;
}

const PETS = [
  { id: 1, name: "Rex", tag: "dog", status: "available" },
  { id: 2, name: "Tom", tag: "cat", status: "sold" },
];
const ITEMS = Array.from({ length: 5 }, (_, index) => ({ id: index + 1, name: `item ${index + 1}` }));

export async function startMatrixServer(): Promise<MatrixServer> {
  const calls = new Map<string, RecordedCall[]>();
  const state: { hideLinkHeader: boolean } = { hideLinkHeader: false };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      try {
        route(request, response, Buffer.concat(chunks));
      } catch (error) {
        json(response, 500, { code: 500, message: String(error) });
      }
    });
  });

  function route(request: IncomingMessage, response: ServerResponse, body: Buffer): void {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const [, runtime = "", ...rest] = url.pathname.split("/");
    const path = `/${rest.join("/")}`;
    const method = request.method ?? "GET";
    const recorded = calls.get(runtime) ?? [];
    calls.set(runtime, recorded);
    recorded.push({ method, path, headers: request.headers });

    response.setHeader("access-control-allow-origin", "*");
    if (!state.hideLinkHeader) response.setHeader("access-control-expose-headers", "Link");
    if (method === "OPTIONS") {
      // The preflight a browser sends before a request with custom headers (Authorization,
      // X-Client-Info) or a JSON body.
      response.setHeader("access-control-allow-methods", "GET, POST, PUT, PATCH, DELETE");
      response.setHeader("access-control-allow-headers", request.headers["access-control-request-headers"] ?? "");
      response.setHeader("access-control-max-age", "600");
      return void response.writeHead(204).end();
    }

    if (path === "/v1/pets" && method === "GET") {
      const limit = Number(url.searchParams.get("limit") ?? 100);
      const tags = url.searchParams.getAll("tags");
      return json(response, 200, PETS.filter((pet) => tags.length === 0 || tags.includes(pet.tag)).slice(0, limit));
    }
    if (path === "/v1/pets" && method === "POST") {
      const input = JSON.parse(body.toString("utf8")) as { name?: string; tag?: string };
      if (!input.name) return json(response, 422, { code: 422, message: "invalid pet", fields: ["name"] });
      return json(response, 201, { id: 3, name: input.name, ...(input.tag === undefined ? {} : { tag: input.tag }) });
    }
    if (path === "/v1/pets/77" && method === "GET") {
      const attempts = recorded.filter((call) => call.method === "GET" && call.path === path).length;
      if (attempts === 1) return json(response, 503, { code: 503, message: "try again" }, { "retry-after": "0" });
      return json(response, 200, { id: 77, name: "Lucky" });
    }
    // A connection that the server drops before answering, every time.
    if (path === "/v1/pets/66" && method === "GET") return void request.socket.destroy();
    if (path === "/v1/pets/1/photo" && method === "GET") return void download(response);
    if (path === "/pages/link/items" && method === "GET") {
      const perPage = Number(url.searchParams.get("per_page") ?? 30);
      const page = Number(url.searchParams.get("page") ?? 1);
      const slice = ITEMS.slice((page - 1) * perPage, page * perPage);
      const headers: Record<string, string> = {};
      if (page * perPage < ITEMS.length) {
        const next = new URL(url.href);
        next.searchParams.set("page", String(page + 1));
        headers.link = `<${`http://${request.headers.host ?? ""}${next.pathname}${next.search}`}>; rel="next"`;
      }
      return json(response, 200, slice, headers);
    }
    if (path === "/pages/cursor/items" && method === "GET") {
      const start = Number(url.searchParams.get("cursor") ?? 0);
      const limit = Number(url.searchParams.get("limit") ?? 2);
      const end = start + limit;
      return json(response, 200, { data: ITEMS.slice(start, end), meta: { next_cursor: end < ITEMS.length ? String(end) : null } });
    }
    json(response, 404, { code: 404, message: `no route for ${method} ${path}` });
  }

  async function download(response: ServerResponse): Promise<void> {
    response.writeHead(200, { "content-type": "image/png" });
    for (let chunk = 0; chunk < DOWNLOAD_CHUNKS; chunk++) {
      const bytes = Buffer.alloc(DOWNLOAD_CHUNK_BYTES);
      for (let i = 0; i < bytes.length; i++) bytes[i] = downloadByte(chunk * DOWNLOAD_CHUNK_BYTES + i);
      if (!response.write(bytes)) await new Promise((resolve) => response.once("drain", resolve));
    }
    response.end();
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    calls,
    get hideLinkHeader() {
      return state.hideLinkHeader;
    },
    set hideLinkHeader(value: boolean) {
      state.hideLinkHeader = value;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}
