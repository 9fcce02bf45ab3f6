/**
 * The generator's `pagination` option, end to end: an SDK generated from fixtures/pagination.yaml
 * with the option walks a list whose next-page URL is in a header no heuristic recognises, and
 * gives an operation the option turns off no paginator.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { ClientOptions, Item, OptionalArgsEndpoint } from "../.out/sdk/pagination/index.js";
import type { OptionalArgsPaginatedEndpoint } from "../.out/sdk/pagination/runtime/index.js";
import { generate, writeSdk } from "../../generator/index.js";
import { fixturePath, outRoot, repoRoot } from "../support/sdk.js";
import { ITEMS, startPaginationServer, type PaginationServer } from "./pagination-server.js";

/** The part of the generated SDK this test uses; its modules are imported at run time. */
interface ConfiguredSdk {
  createClient(options: ClientOptions<Record<string, never>>): {
    readonly listHeaderNextItems: OptionalArgsPaginatedEndpoint<Record<string, never>, Item[], Item, never>;
    readonly listOffsetItems: OptionalArgsEndpoint<{ offset?: number; limit?: number }, { data: Item[]; total: number }, never>;
  };
}

let server: PaginationServer;
let sdk: ConfiguredSdk;

beforeAll(async () => {
  server = await startPaginationServer();
  const out = path.join(outRoot, "sdk-options/pagination");
  const result = await generate({
    spec: path.relative(repoRoot, fixturePath("pagination.yaml")),
    pagination: { listHeaderNextItems: { style: "nextUrl", next: "$response.header.X-Next" }, listOffsetItems: false },
  });
  await writeSdk(out, result.files);
  sdk = (await import(pathToFileURL(path.join(out, "index.ts")).href)) as ConfiguredSdk;
});
afterAll(() => server.close());

it("walks the pages the option describes, and leaves the one it turns off unpaginated", async () => {
  const api = sdk.createClient({ baseUrl: server.baseUrl, logLevel: "off" });
  const ids: number[] = [];
  for await (const item of api.listHeaderNextItems.paginate()) ids.push(item.id);
  expect(ids).toEqual(ITEMS.map((item) => item.id));
  expect(server.requestsTo("/header-next/items").map((request) => request.rawQuery)).toEqual(["", "p=1", "p=2", "p=3", "p=4", "p=5"]);
  expect("paginate" in api.listOffsetItems).toBe(false);
  expect((await api.listOffsetItems({ limit: 2 })).data).toEqual(ITEMS.slice(0, 2));
});
