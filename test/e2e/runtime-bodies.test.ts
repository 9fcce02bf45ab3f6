/**
 * Binary and file bodies through the generated SDK: downloads come back as the unread Response
 * (streamed, not buffered), uploads take Blobs, Files, typed arrays and streams, in
 * octet-stream and multipart bodies, and streams are sent as they are read.
 */
import { openAsBlob } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, expectTypeOf, it } from "vitest";
import type { NotFound } from "../.out/sdk/runtime-policies/index.js";
import { clientFor, closeServers, gate, rejectionOf, sendJson, startPolicyServer, until, type Handler, type RecordedRequest } from "./runtime-support.js";

afterEach(closeServers);

/** Stores uploads: answers with the size, and the name and type of a multipart `file` part. */
const storage: Handler = async (request, response) => {
  if (request.method === "PUT") return sendJson(response, 200, { size: request.body.length, contentType: request.headers["content-type"] });
  const form = await formOf(request);
  const file = form.get("file");
  if (!(file instanceof File)) return sendJson(response, 400, { message: "no file part" });
  sendJson(response, 201, { size: file.size, name: file.name, contentType: file.type, description: String(form.get("description")) });
};

function formOf(request: RecordedRequest): Promise<FormData> {
  const headers = { "content-type": String(request.headers["content-type"]) };
  return new Request("http://parse.test/", { method: "POST", headers, body: new Uint8Array(request.body) }).formData();
}

const bytes = new Uint8Array(Array.from({ length: 300 }, (_, i) => i % 256));

describe("binary downloads through a generated SDK", () => {
  it("returns the unread Response while the server is still sending, so the body streams", async () => {
    const rest = gate();
    const server = await startPolicyServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/octet-stream" });
      response.write("first chunk;");
      void rest.promise.then(() => response.end("last chunk"));
    });
    const download: Response = await clientFor(server, { auth: { bearerAuth: "t" } }).downloadFile({ fileId: "big" });
    expect(download.bodyUsed).toBe(false);
    const reader = download.body?.getReader();
    if (!reader) throw new Error("the download has no body");
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe("first chunk;");
    rest.open();
    let tail = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) tail += new TextDecoder().decode(chunk.value);
    expect(tail).toBe("last chunk");
  });

  it("reads a download's declared error body into a typed ApiError", async () => {
    const server = await startPolicyServer((_request, response) => sendJson(response, 404, { message: "no such file" }));
    const api = clientFor(server, { auth: { bearerAuth: "t" } });
    const error = await rejectionOf(api.downloadFile({ fileId: "gone" }));
    if (!api.downloadFile.isError(error)) throw new Error("expected the declared 404");
    expectTypeOf(error.body).toEqualTypeOf<NotFound>();
    expect(error.body.message).toBe("no such file");
  });
});

describe("uploads through a generated SDK", () => {
  it("sends a Blob, a Uint8Array and a ReadableStream as octet-stream, byte for byte", async () => {
    const server = await startPolicyServer(storage);
    const api = clientFor(server, { auth: { bearerAuth: "t" } });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.subarray(0, 100));
        controller.enqueue(bytes.subarray(100));
        controller.close();
      },
    });
    for (const body of [new Blob([bytes]), bytes, stream]) {
      await expect(api.uploadFile({ fileId: "f", body })).resolves.toEqual({ size: 300, contentType: "application/octet-stream" });
    }
    for (const request of server.requests) expect(new Uint8Array(request.body)).toEqual(bytes);
  });

  it("retries a Blob upload with the same bytes, but never a stream, which cannot be replayed", async () => {
    let seen = 0;
    const server = await startPolicyServer((request, response, raw) => (++seen % 2 === 1 ? sendJson(response, 503, {}) : storage(request, response, raw)));
    const api = clientFor(server, { auth: { bearerAuth: "t" } });
    await api.uploadFile({ fileId: "f", body: new Blob([bytes]) });
    expect(server.requests.map((request) => request.body.length)).toEqual([300, 300]);
    const stream = new ReadableStream<Uint8Array>({ start: (controller) => (controller.enqueue(bytes), controller.close()) });
    await expect(api.uploadFile({ fileId: "f", body: stream })).rejects.toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(3);
  });

  it("sends a multipart body with a File part (name and type kept) and a text field", async () => {
    const server = await startPolicyServer(storage);
    const file = new File([bytes], "photo.png", { type: "image/png" });
    const stored = await clientFor(server, { auth: { bearerAuth: "t" } }).uploadFiles({ body: { file, description: "a photo" } });
    expect(stored).toEqual({ size: 300, name: "photo.png", contentType: "image/png", description: "a photo" });
    expect(server.requests[0]?.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    const received = (await formOf(server.requests[0] as RecordedRequest)).get("file");
    if (!(received instanceof File)) throw new Error("the server received no file part");
    expect({ name: received.name, type: received.type, bytes: new Uint8Array(await received.arrayBuffer()) }).toEqual({ name: "photo.png", type: "image/png", bytes });
  });

  it("streams a ReadableStream part of a multipart body as it is read, and never retries it", async () => {
    let seen = 0;
    const server = await startPolicyServer((request, response, raw) => (++seen === 2 ? sendJson(response, 503, {}) : storage(request, response, raw)));
    let sentWhileIncomplete: boolean | undefined;
    const api = clientFor(server, {
      auth: { bearerAuth: "t" },
      fetch: (request, init) => ((sentWhileIncomplete ??= pulls < 3), fetch(request, init)),
    });
    const more = gate();
    let pulls = 0;
    const file = new ReadableStream<Uint8Array>({
      async pull(controller) {
        pulls++;
        if (pulls === 1) controller.enqueue(bytes.subarray(0, 100));
        else if (pulls === 2) await more.promise.then(() => controller.enqueue(bytes.subarray(100)));
        else controller.close();
      },
    });
    const upload = api.uploadFiles({ body: { file, description: "streamed" } });
    // The first chunk is on its way while the rest does not exist yet: nothing waits for the whole file.
    await until(() => pulls === 2);
    expect(sentWhileIncomplete).toBe(true);
    more.open();
    await expect(upload).resolves.toEqual({ size: 300, name: "blob", contentType: "application/octet-stream", description: "streamed" });
    const part = (await formOf(server.requests[0] as RecordedRequest)).get("file");
    expect(new Uint8Array(await (part as File).arrayBuffer())).toEqual(bytes);

    const again = new ReadableStream<Uint8Array>({ start: (controller) => (controller.enqueue(bytes), controller.close()) });
    await expect(api.uploadFiles({ body: { file: again } })).rejects.toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(2);
  });

  it("uploads a file from disk through fs.openAsBlob, which fetch reads as it sends", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "gen-client-upload-"));
    try {
      const file = path.join(folder, "data.bin");
      await writeFile(file, bytes);
      const server = await startPolicyServer(storage);
      const api = clientFor(server, { auth: { bearerAuth: "t" } });
      await expect(api.uploadFiles({ body: { file: await openAsBlob(file, { type: "application/octet-stream" }) } })).resolves.toMatchObject({ size: 300 });
      await expect(api.uploadFile({ fileId: "f", body: await openAsBlob(file) })).resolves.toMatchObject({ size: 300 });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
