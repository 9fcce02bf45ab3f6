import { afterEach, describe, expect, it } from "vitest";
import type { BodySpec } from "../../runtime/index.js";
import { closeServers, sendJson, startServer, type RecordedRequest } from "../support/http-server.js";
import { operation, runtimeFor } from "../support/runtime-fixtures.js";

afterEach(closeServers);

async function sendBody(body: BodySpec, value: unknown, options: Parameters<typeof runtimeFor>[1] = {}): Promise<RecordedRequest> {
  const server = await startServer((_request, response) => sendJson(response, 200, {}));
  await runtimeFor(server.url, options).endpoint<object, unknown>(operation({ method: "POST", path: "/upload", body }))({ body: value });
  const request = server.requests[0];
  if (!request) throw new Error("the server saw no request");
  return request;
}

/** Parses a multipart body the way a server would, with the web's own parser. */
async function parseMultipart(request: RecordedRequest): Promise<FormData> {
  return new Response(new Uint8Array(request.body), { headers: { "content-type": String(request.headers["content-type"]) } }).formData();
}

describe("json bodies", () => {
  it("sends JSON with the operation's media type", async () => {
    const request = await sendBody({ kind: "json", mediaType: "application/merge-patch+json" }, { name: "Rex", born: new Date("2020-01-01T00:00:00Z") });
    expect(request.headers["content-type"]).toBe("application/merge-patch+json");
    expect(JSON.parse(request.body.toString())).toEqual({ name: "Rex", born: "2020-01-01T00:00:00.000Z" });
  });

  it("sends no body and no Content-Type when the body is undefined", async () => {
    const request = await sendBody({ kind: "json", mediaType: "application/json" }, undefined);
    expect(request.body.length).toBe(0);
    expect(request.headers).not.toHaveProperty("content-type");
  });
});

describe("form bodies", () => {
  it("repeats arrays, nests objects deepObject-style and writes scalars as text", async () => {
    const request = await sendBody(
      { kind: "form", mediaType: "application/x-www-form-urlencoded" },
      { name: "Rex Jr", tags: ["a", "b"], address: { city: "Oslo", geo: { lat: 1 } }, vaccinated: true, skip: undefined, none: null },
    );
    expect(request.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded/);
    expect(request.body.toString()).toBe("name=Rex+Jr&tags=a&tags=b&address%5Bcity%5D=Oslo&address%5Bgeo%5D%5Blat%5D=1&vaccinated=true&none=");
  });

  it("follows per-property encoding: style, explode and JSON content", async () => {
    const request = await sendBody(
      {
        kind: "form",
        mediaType: "application/x-www-form-urlencoded",
        encoding: { tags: { style: "pipeDelimited", explode: false }, meta: { contentType: "application/json" } },
      },
      { tags: ["a", "b"], meta: { x: 1 } },
    );
    const form = new URLSearchParams(request.body.toString());
    expect(form.get("tags")).toBe("a|b");
    expect(form.get("meta")).toBe('{"x":1}');
  });
});

describe("multipart bodies", () => {
  it("sends Blob fields as files with their bytes and type, and lets fetch set the boundary", async () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    const request = await sendBody(
      { kind: "multipart", mediaType: "multipart/form-data" },
      { file: new File([bytes], "photo.png", { type: "image/png" }), raw: new Blob([bytes]), caption: "Rex", count: 3 },
    );
    expect(request.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    const form = await parseMultipart(request);
    const file = form.get("file");
    expect(file).toBeInstanceOf(File);
    expect((file as File).name).toBe("photo.png");
    expect((file as File).type).toBe("image/png");
    expect(new Uint8Array(await (file as File).arrayBuffer())).toEqual(bytes);
    expect(new Uint8Array(await (form.get("raw") as File).arrayBuffer())).toEqual(bytes);
    expect(form.get("caption")).toBe("Rex");
    expect(form.get("count")).toBe("3");
  });

  it("encodes parts itself when one is a stream, as FormData would: names escaped, files named, types kept", async () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    const stream = new ReadableStream<Uint8Array>({ start: (controller) => (controller.enqueue(bytes), controller.close()) });
    const request = await sendBody(
      { kind: "multipart", mediaType: "multipart/form-data", encoding: { video: { contentType: "video/mp4" } } },
      { video: stream, 'odd "name"\r\n': "x", photo: new File([bytes], 'a "b".png', { type: "image/png" }), raw: new Blob([bytes]), tags: ["a", "b"], meta: { x: 1 } },
    );
    expect(request.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=----gen-client-[0-9a-f]{24}$/);
    expect(request.body.toString("latin1")).toContain('Content-Disposition: form-data; name="odd %22name%22%0D%0A"\r\n\r\nx\r\n');
    const form = await parseMultipart(request);
    const video = form.get("video") as File;
    expect([video.name, video.type, new Uint8Array(await video.arrayBuffer())]).toEqual(["blob", "video/mp4", bytes]);
    const photo = form.get("photo") as File;
    expect([photo.name, photo.type]).toEqual(['a "b".png', "image/png"]);
    expect(new Uint8Array(await (form.get("raw") as File).arrayBuffer())).toEqual(bytes);
    expect((form.get("raw") as File).type).toBe("application/octet-stream");
    expect(form.getAll("tags")).toEqual(["a", "b"]);
    expect(JSON.parse(await (form.get("meta") as File).text())).toEqual({ x: 1 });
  });

  it("repeats arrays and sends objects as application/json parts", async () => {
    const request = await sendBody(
      { kind: "multipart", mediaType: "multipart/form-data" },
      { tags: ["a", "b"], meta: { x: 1 }, owners: [{ id: 1 }, { id: 2 }] },
    );
    const form = await parseMultipart(request);
    expect(form.getAll("tags")).toEqual(["a", "b"]);
    const meta = form.get("meta") as File;
    expect(meta.type).toBe("application/json");
    expect(JSON.parse(await meta.text())).toEqual({ x: 1 });
    const owners = form.getAll("owners") as File[];
    expect(await Promise.all(owners.map(async (part) => [part.type, JSON.parse(await part.text())]))).toEqual([
      ["application/json", { id: 1 }],
      ["application/json", { id: 2 }],
    ]);
    expect(request.body.toString()).toMatch(/name="meta"[^\r]*\r\nContent-Type: application\/json\r\n\r\n\{"x":1\}/);
  });

  it("applies an encoding's content type to untyped blobs and to scalar parts", async () => {
    const request = await sendBody(
      {
        kind: "multipart",
        mediaType: "multipart/form-data",
        encoding: { doc: { contentType: "application/pdf" }, note: { contentType: "text/markdown" }, list: { contentType: "application/json" } },
      },
      { doc: new Blob(["%PDF"]), note: "# hi", list: ["a", "b"] },
    );
    const form = await parseMultipart(request);
    expect((form.get("doc") as File).type).toBe("application/pdf");
    expect((form.get("note") as File).type).toBe("text/markdown");
    expect(form.getAll("list")).toHaveLength(1);
    expect(JSON.parse(await (form.get("list") as File).text())).toEqual(["a", "b"]);
  });
});

describe("text and binary bodies", () => {
  it("sends text with its media type", async () => {
    const request = await sendBody({ kind: "text", mediaType: "text/csv" }, "a,b\n1,2");
    expect(request.headers["content-type"]).toBe("text/csv");
    expect(request.body.toString()).toBe("a,b\n1,2");
  });

  it("passes Blob, ArrayBuffer and typed array bodies through byte for byte", async () => {
    const bytes = new Uint8Array([1, 2, 3, 0, 255]);
    for (const value of [new Blob([bytes]), bytes.buffer, bytes, new DataView(bytes.buffer)]) {
      const request = await sendBody({ kind: "binary", mediaType: "application/octet-stream" }, value);
      expect(new Uint8Array(request.body)).toEqual(bytes);
      expect(request.headers["content-type"]).toBe("application/octet-stream");
    }
  });

  it("uses the Blob's own type when the spec gives only a media range", async () => {
    const request = await sendBody({ kind: "binary", mediaType: "image/*" }, new Blob(["GIF89a"], { type: "image/gif" }));
    expect(request.headers["content-type"]).toBe("image/gif");
  });

  it("streams a ReadableStream body", async () => {
    const chunks = ["chunk one, ", "chunk two"];
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
        controller.close();
      },
    });
    const request = await sendBody({ kind: "binary", mediaType: "application/octet-stream" }, stream);
    expect(request.body.toString()).toBe(chunks.join(""));
    expect(request.headers["transfer-encoding"]).toBe("chunked");
  });
});
