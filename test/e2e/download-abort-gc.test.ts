/**
 * Aborting cancels a binary download even after a garbage collection: undici follows a request's
 * signal through weak references (nodejs/node#55428), and ky always builds a `Request`, so once
 * the call has resolved a collection could cut the caller's signal off from the body. Watched from
 * a fresh `node --expose-gc` process running the Petstore SDK compiled to JavaScript, against a
 * server here that streams a photo slowly.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { closeServers, startServer } from "../support/http-server.js";
import { compileWithProbe, outRoot } from "../support/sdk.js";

const run = promisify(execFile);
const sdk = path.join(outRoot, "sdk/petstore");
const compiled = path.join(outRoot, "download-abort-gc");

/** Reads the first chunk, collects garbage, aborts, and reports how reading the rest ended. */
const probe = `
const { createClient } = await import("./index.js");
const api = createClient({ baseUrl: process.argv[2], auth: { bearerAuth: "t" } });
const controller = new AbortController();
const photo = await api.pets.downloadPetPhoto({ petId: 1 }, { signal: controller.signal });
const reader = photo.body.getReader();
await reader.read();
globalThis.gc();
await new Promise((resolve) => setTimeout(resolve, 10));
globalThis.gc();
controller.abort(new Error("no longer needed"));
let outcome = "read to the end";
try {
  while (!(await reader.read()).done);
} catch (error) {
  outcome = "rejected: " + error.message;
}
process.stdout.write(JSON.stringify({ outcome }));
`;

const CHUNKS = 100;
const CHUNK_INTERVAL_MS = 20;

beforeAll(async () => {
  await compileWithProbe(sdk, compiled, probe);
});
afterAll(closeServers);

it("cancels a binary download when the caller aborts after a garbage collection", async () => {
  const stream = { written: 0, startedAt: 0, closedAfter: Number.NaN, ended: false };
  const server = await startServer((_request, response) => {
    response.writeHead(200, { "content-type": "image/png" });
    stream.startedAt = performance.now();
    const timer = setInterval(() => {
      response.write(Buffer.alloc(100));
      if (++stream.written === CHUNKS) {
        clearInterval(timer);
        response.end();
        stream.ended = true;
      }
    }, CHUNK_INTERVAL_MS);
    response.on("close", () => {
      clearInterval(timer);
      stream.closedAfter = performance.now() - stream.startedAt;
    });
  });
  const { stdout } = await run(process.execPath, ["--expose-gc", path.join(compiled, "probe.js"), `${server.url}/v1`], { cwd: compiled });
  expect(JSON.parse(stdout)).toEqual({ outcome: "rejected: no longer needed" });
  expect(stream.ended).toBe(false);
  expect(stream.written).toBeLessThan(CHUNKS / 2);
  expect(stream.closedAfter).toBeLessThan((CHUNKS * CHUNK_INTERVAL_MS) / 2);
});
