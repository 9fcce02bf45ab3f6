/**
 * The loopback server for the runtime and streaming benchmarks, run as its own process so that its
 * CPU and memory are not the client's: `GET /items` → 100-object JSON list, `GET /files/:id?size=N`
 * → N bytes of application/octet-stream, written chunk by chunk with backpressure. It listens on
 * 127.0.0.1 only, prints `PORT <n>`, and exits when its parent closes stdin.
 */
import { createServer } from "node:http";
import { itemsBody } from "./perf-spec.ts";
import { serveAsChild } from "./child-server.ts";

const items = Buffer.from(itemsBody(100));
const chunk = Buffer.alloc(64 * 1024, 0x61);

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  if (req.method === "GET" && url.pathname === "/items") {
    res.writeHead(200, { "content-type": "application/json", "content-length": items.length });
    res.end(items);
    return;
  }
  if (req.method === "GET" && url.pathname.startsWith("/files/")) {
    const size = Number(url.searchParams.get("size") ?? 200 * 1024 * 1024);
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": size });
    let left = size;
    const pump = (): void => {
      while (left > 0) {
        const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
        left -= piece.length;
        if (!res.write(piece)) {
          res.once("drain", pump);
          return;
        }
      }
      res.end();
    };
    pump();
    return;
  }
  res.writeHead(404, { "content-type": "application/json" });
  res.end('{"message":"not found"}');
});
serveAsChild(server);
