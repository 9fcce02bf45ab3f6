/**
 * A discriminated union's variant the spec does not list, through the generated composition SDK
 * over a real socket: kept and logged once by default, typed so the listed variants still narrow,
 * rejected by an SDK generated with --strict.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, ResponseValidationError, type Shape } from "../.out/sdk/composition/index.js";
import * as strictSdk from "../.out/sdk/composition-strict/index.js";

/** POST /shapes answers with the shape the test put in the request's `x-answer` header. */
async function startShapes() {
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      const shape: unknown = JSON.parse(String(request.headers["x-answer"]));
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ shape, area: 1 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function describeShape(shape: Shape): string {
  switch (shape.shapeType) {
    case "circle":
      return `circle of radius ${shape.radius}`;
    case "square":
      return `square of side ${shape.side}`;
    case "tri":
      return `triangle with sides ${shape.sides.join(", ")}`;
    default:
      return `unlisted shape ${String(shape.shapeType)}`;
  }
}

let server: Awaited<ReturnType<typeof startShapes>>;
beforeAll(async () => {
  server = await startShapes();
});
afterAll(() => server.close());

const circle = { shapeType: "circle", radius: 2 } as const;
const answering = (shape: unknown) => ({ headers: { "x-answer": JSON.stringify(shape) } });

describe("a discriminated variant the spec does not list", () => {
  it("is returned as received, narrowed away from the listed variants, and logged once", async () => {
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, warn: (line: string) => warnings.push(line), error() {} };
    const api = createClient({ baseUrl: server.baseUrl, logger });
    const hexagon = { shapeType: "hexagon", corners: 6 };
    const first = await api.createShape({ body: circle }, answering(hexagon));
    await api.createShape({ body: circle }, answering(hexagon));
    expect(first.shape).toEqual(hexagon);
    expect(describeShape(first.shape)).toBe("unlisted shape hexagon");
    expect(warnings).toEqual([expect.stringContaining('shape.shapeType = "hexagon"')]);
  });

  it("still narrows listed variants by their tag", async () => {
    const api = createClient({ baseUrl: server.baseUrl, logLevel: "off" });
    const { shape } = await api.createShape({ body: circle }, answering(circle));
    expect(describeShape(shape)).toBe("circle of radius 2");
  });

  it("is a mismatch when the tag is missing or a listed variant is malformed", async () => {
    const api = createClient({ baseUrl: server.baseUrl, logLevel: "off" });
    await expect(api.createShape({ body: circle }, answering({ corners: 6 }))).rejects.toBeInstanceOf(ResponseValidationError);
    await expect(api.createShape({ body: circle }, answering({ shapeType: "circle", side: 1 }))).rejects.toBeInstanceOf(ResponseValidationError);
  });

  it("fails validation in an SDK generated with --strict", async () => {
    const api = strictSdk.createClient({ baseUrl: server.baseUrl, logLevel: "off" });
    await expect(api.createShape({ body: circle }, answering({ shapeType: "hexagon" }))).rejects.toBeInstanceOf(strictSdk.ResponseValidationError);
  });
});
