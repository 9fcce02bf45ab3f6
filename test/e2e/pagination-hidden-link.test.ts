/**
 * The warning a Link-header walk gives when a browser may have hidden the header (see
 * test/runtimes/matrix.runtimes.ts for the real cross-origin case in Chromium) stays silent where
 * no CORS applies: a one-page list without a Link header is just that.
 */
import { afterEach, expect, it } from "vitest";
import { createClient } from "../.out/sdk/pagination/index.js";
import { closeServers, sendJson, startServer } from "../support/http-server.js";

afterEach(closeServers);

it("says nothing when a one-page Link-header list has no Link header outside a browser", async () => {
  const server = await startServer((_request, response) => sendJson(response, 200, [{ id: 1, name: "only" }]));
  const warnings: string[] = [];
  const keep = (message: string): void => void warnings.push(message);
  const api = createClient({ baseUrl: server.url, logger: { debug: () => {}, info: () => {}, warn: keep, error: keep } });
  const ids: number[] = [];
  for await (const item of api.listLinkHeaderItems.paginate()) ids.push(item.id);
  expect(ids).toEqual([1]);
  expect(warnings).toEqual([]);
});
