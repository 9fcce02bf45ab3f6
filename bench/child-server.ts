/**
 * How a bench server runs as a child process: on a free port of 127.0.0.1, announced as a
 * `PORT n` line on stdout, and gone when the bench closes its stdin (or after an hour, so a stuck
 * bench leaves no server behind).
 */
import type { Server } from "node:http";

export function serveAsChild(server: Server): void {
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => {
    const address = server.address();
    if (address !== null && typeof address === "object") process.stdout.write(`PORT ${address.port}\n`);
  });
  process.stdin.on("end", () => process.exit(0));
  process.stdin.on("close", () => process.exit(0));
  process.stdin.resume();
  setTimeout(() => process.exit(0), 3_600_000).unref();
}
