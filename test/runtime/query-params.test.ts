import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParamSpec } from "../../runtime/index.js";
import { closeServers, sendJson, startServer, type TestServer } from "../support/http-server.js";
import { operation, param, runtimeFor } from "../support/runtime-fixtures.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer((_request, response) => sendJson(response, 200, {}));
});
afterAll(closeServers);

/** The raw query string the server received for one parameter. */
async function queryFor(value: unknown, extra: Partial<ParamSpec> = {}, name = "color"): Promise<string> {
  const before = server.requests.length;
  const endpoint = runtimeFor(server.url).endpoint<object, unknown>(operation({ path: "/q", params: [param(name, "query", extra)] }));
  await endpoint({ [name]: value });
  expect(server.requests.length).toBe(before + 1);
  return server.requests.at(-1)?.rawQuery ?? "";
}

const colors = ["blue", "black", "brown"];
const rgb = { R: 100, G: 200, B: 150 };

describe("query parameter styles", () => {
  it.each([
    ["form", true, "blue", "color=blue"],
    ["form", true, colors, "color=blue&color=black&color=brown"],
    ["form", false, colors, "color=blue,black,brown"],
    ["form", true, rgb, "R=100&G=200&B=150"],
    ["form", false, rgb, "color=R,100,G,200,B,150"],
    ["spaceDelimited", false, colors, "color=blue%20black%20brown"],
    ["spaceDelimited", true, colors, "color=blue&color=black&color=brown"],
    ["spaceDelimited", false, rgb, "color=R%20100%20G%20200%20B%20150"],
    ["pipeDelimited", false, colors, "color=blue|black|brown"],
    ["pipeDelimited", true, colors, "color=blue&color=black&color=brown"],
    ["pipeDelimited", false, rgb, "color=R|100|G|200|B|150"],
    ["deepObject", true, rgb, "color[R]=100&color[G]=200&color[B]=150"],
  ] as const)("style %s, explode %s: %j → %s", async (style, explode, value, expected) => {
    expect(await queryFor(value, { style, explode })).toBe(expected);
  });

  it("nests deepObject values to any depth, with indexed arrays", async () => {
    const filter = { name: "x y", age: { gte: 3, lte: 9 }, tags: ["a", "b"], skip: undefined };
    const query = await queryFor(filter, { style: "deepObject", explode: true }, "filter");
    expect(query).toBe("filter[name]=x%20y&filter[age][gte]=3&filter[age][lte]=9&filter[tags][0]=a&filter[tags][1]=b");
    expect(server.requests.at(-1)?.query.get("filter[age][gte]")).toBe("3");
  });

  it("encodes each item but keeps the delimiter, so commas inside items survive", async () => {
    expect(await queryFor(["a,b", "c d"], { explode: false })).toBe("color=a%2Cb,c%20d");
  });

  it("percent-encodes reserved and unicode characters", async () => {
    expect(await queryFor("a/b?c:d,e#f&g=h+ü")).toBe("color=a%2Fb%3Fc%3Ad%2Ce%23f%26g%3Dh%2B%C3%BC");
  });

  it("leaves reserved characters unencoded with allowReserved, except those that would break the query", async () => {
    expect(await queryFor("a/b?c:d,e#f&g=h+[i]@!", { allowReserved: true })).toBe("color=a/b?c:d,e%23f%26g%3Dh%2B[i]@!");
  });

  it("sends json parameters as encoded JSON text", async () => {
    expect(await queryFor({ a: [1, "x"] }, { json: true }, "filter")).toBe(`filter=${encodeURIComponent('{"a":[1,"x"]}')}`);
  });

  it("writes dates as ISO strings and booleans and numbers as text", async () => {
    expect(await queryFor(new Date("2024-01-02T03:04:05Z"))).toBe("color=2024-01-02T03%3A04%3A05.000Z");
    expect(await queryFor(true)).toBe("color=true");
    expect(await queryFor(0)).toBe("color=0");
  });

  it("omits undefined parameters and sends null as an empty value", async () => {
    expect(await queryFor(undefined)).toBe("");
    expect(await queryFor(null)).toBe("color=");
  });

  it("sends nothing for an empty exploded array and an empty value otherwise", async () => {
    expect(await queryFor([])).toBe("");
    expect(await queryFor([], { explode: false })).toBe("color=");
  });

  it("keeps the declaration order of several parameters", async () => {
    const endpoint = runtimeFor(server.url).endpoint<object, unknown>(
      operation({ path: "/q", params: [param("b", "query"), param("a", "query", { key: "query.a" }), param("c", "query")] }),
    );
    await endpoint({ b: 2, "query.a": 1, c: undefined });
    expect(server.requests.at(-1)?.rawQuery).toBe("b=2&a=1");
  });
});

describe("an OpenAPI 3.2 querystring parameter", () => {
  const querystring = (value: unknown, extra: Partial<ParamSpec> = {}) =>
    (async () => {
      const before = server.requests.length;
      const endpoint = runtimeFor(server.url).endpoint<object, unknown>(operation({ path: "/q", params: [param("q", "querystring", { style: "form", explode: true, ...extra })] }));
      await endpoint({ q: value });
      expect(server.requests.length).toBe(before + 1);
      return server.requests.at(-1)?.target ?? "";
    })();

  it.each([
    ["a form object, nested objects as deepObject", { a: 1, b: "x y", c: [true, false], d: { e: "f" } }, {}, "/q?a=1&b=x+y&c=true&c=false&d%5Be%5D=f"],
    ["a form string, taken as already encoded", "a=1&b=%20", {}, "/q?a=1&b=%20"],
    ["URLSearchParams", new URLSearchParams([["k", "v&w"]]), {}, "/q?k=v%26w"],
    ["an empty form object, sending no query", {}, {}, "/q"],
    ["JSON, percent-encoded", { text: "é & ?" }, { json: true }, `/q?${encodeURIComponent(JSON.stringify({ text: "é & ?" }))}`],
  ])("sends %s as the whole query string", async (_what, value, extra, target) => {
    expect(await querystring(value, extra)).toBe(target);
  });
});
