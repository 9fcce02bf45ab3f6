/**
 * A small in-memory Petstore over node:http on 127.0.0.1, implementing fixtures/petstore.yaml
 * closely enough to exercise every operation of its generated SDK over a real socket.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  readonly method: string;
  /** Path and query exactly as received. */
  readonly url: string;
  readonly headers: IncomingMessage["headers"];
  readonly body: Buffer;
}

export interface PetstoreServer {
  /** The base URL to give the SDK, e.g. `http://127.0.0.1:43123/v1`. */
  readonly baseUrl: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

interface Pet {
  id: number;
  name: string;
  tag?: string;
  status?: string;
  category?: { id: number; name: string } | null;
  photoUrls?: string[];
  createdAt: string;
}

export const PHOTO_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 250, 251, 252]);

export async function startPetstore(): Promise<PetstoreServer> {
  const pets = new Map<number, Pet>([
    [1, { id: 1, name: "Rex", tag: "dog", status: "available", category: { id: 7, name: "Dogs" }, createdAt: "2026-01-02T03:04:05Z" }],
    [2, { id: 2, name: "Tom", tag: "cat", status: "sold", createdAt: "2026-01-02T03:04:05+02:00" }],
  ]);
  let nextId = 3;
  const requests: RecordedRequest[] = [];

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
    try {
      await route(req, res, body);
    } catch (error) {
      json(res, 500, { code: 500, message: String(error) });
    }
  });

  async function route(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname.replace(/^\/v1/, "");
    const method = req.method ?? "GET";
    const petMatch = /^\/pets\/(\d+)(\/photo|\/form|\/health)?$/.exec(path);

    if (path === "/ping" && method === "GET") return void res.writeHead(204).end();
    if (path === "/store/inventory" && method === "GET") {
      if (req.headers["x-api-key"] !== "secret-key") return json(res, 401, { code: 401, message: "no key" });
      const counts: Record<string, number> = {};
      for (const pet of pets.values()) counts[pet.status ?? "unknown"] = (counts[pet.status ?? "unknown"] ?? 0) + 1;
      return json(res, 200, counts);
    }
    if (path === "/pets" && method === "GET") {
      const tags = url.searchParams.getAll("tags");
      const limit = Number(url.searchParams.get("limit") ?? 100);
      const list = [...pets.values()].filter((pet) => tags.length === 0 || (pet.tag !== undefined && tags.includes(pet.tag)));
      res.setHeader("x-next", "/v1/pets?page=2");
      if (req.headers["x-request-id"]) res.setHeader("x-request-id", String(req.headers["x-request-id"]));
      return json(res, 200, list.slice(0, limit));
    }
    if (path === "/pets" && method === "POST") {
      const input = JSON.parse(body.toString("utf8")) as { name?: string; tag?: string; status?: string };
      if (!input.name) return json(res, 422, { code: 422, message: "invalid pet", fields: ["name"] });
      const pet: Pet = { id: nextId++, name: input.name, createdAt: "2026-11-21T10:00:00.000Z" };
      if (input.tag !== undefined) pet.tag = input.tag;
      if (input.status !== undefined) pet.status = input.status;
      pets.set(pet.id, pet);
      return json(res, 201, pet);
    }
    if (path === "/pets/search" && method === "GET") {
      const name = url.searchParams.get("filter[name]");
      const gte = Number(url.searchParams.get("filter[age][gte]") ?? 0);
      return json(res, 200, [...pets.values()].filter((pet) => (name === null || pet.name === name) && pet.id >= gte));
    }
    if (path === "/pets/777" && method === "GET") {
      // A status added to the API after the SDK was generated.
      return json(res, 200, { id: 777, name: "Newt", status: "adopted" });
    }
    if (path === "/pets/778" && method === "GET") {
      // An unlisted status beside a date-time.
      return json(res, 200, { id: 778, name: "Newt", status: "adopted", createdAt: "2026-01-02T03:04:05Z" });
    }
    if (path === "/pets/889" && method === "GET") {
      // A body that breaks the schema (the id is a string) beside a date-time.
      return json(res, 200, { id: "889", name: "Ghost", createdAt: "2026-01-02T03:04:05Z" });
    }
    if (path === "/pets/888" && method === "GET") {
      // A body that breaks the schema: the name is missing and the id is a string.
      return json(res, 200, { id: "888", tag: "ghost" });
    }
    if (path === "/pets/666" && method === "GET") {
      // A hostile body: keys that pollute prototypes when copied carelessly.
      res.writeHead(200, { "content-type": "application/json" });
      return void res.end('{"id":666,"name":"Imp","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}');
    }
    if (!petMatch) return json(res, 404, { code: 404, message: `no route ${method} ${path}` });

    const id = Number(petMatch[1]);
    const pet = pets.get(id);
    const sub = petMatch[2];
    if (!pet) return json(res, 404, { code: 404, message: `pet ${id} not found` });
    if (sub === "/photo" && method === "GET") {
      res.writeHead(200, { "content-type": "image/png", "content-length": PHOTO_BYTES.length });
      return void res.end(PHOTO_BYTES);
    }
    if (sub === "/photo" && method === "POST") {
      const form = await new Request("http://localhost/", { method: "POST", headers: { "content-type": String(req.headers["content-type"]) }, body: new Uint8Array(body) }).formData();
      const file = form.get("file");
      if (!(file instanceof Blob)) return json(res, 400, { code: 400, message: "file is not a file part" });
      return json(res, 200, { url: `/v1/pets/${id}/photo`, size: file.size, caption: String(form.get("caption") ?? "") });
    }
    if (sub === "/form" && method === "POST") {
      const form = new URLSearchParams(body.toString("utf8"));
      pet.name = form.get("name") ?? pet.name;
      const status = form.get("status");
      if (status !== null) pet.status = status;
      return json(res, 200, pet);
    }
    if (sub === "/health" && method === "GET") {
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
      return void res.end(`${pet.name} is healthy`);
    }
    if (method === "GET") return json(res, 200, pet);
    if (method === "PUT") {
      const input = JSON.parse(body.toString("utf8")) as Omit<Pet, "id" | "createdAt">;
      const updated = { ...input, id, createdAt: pet.createdAt };
      pets.set(id, updated);
      return json(res, 200, updated);
    }
    if (method === "PATCH") {
      Object.assign(pet, JSON.parse(body.toString("utf8")));
      return json(res, 200, pet);
    }
    if (method === "DELETE") {
      pets.delete(id);
      return void res.writeHead(204).end();
    }
    return json(res, 405, { code: 405, message: "method not allowed" });
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(value));
}
