/**
 * Paginated operations through the kit: a handler computes each page from the args the walk
 * sends, as a fake server would, and `calls` shows the walk's requests.
 */
import { expect, it } from "vitest";
import { createClient } from "../.out/sdk/pagination/index.js";
import { createMockApi } from "../.out/sdk/pagination/testing.js";

const ITEMS = Array.from({ length: 5 }, (_, index) => ({ id: index + 1, name: `item ${index + 1}` }));

it("walks an offset-paginated list answered by a handler", async () => {
  const mock = createMockApi();
  const api = createClient({ baseUrl: "http://api.test", fetch: mock.fetch });
  mock.listOffsetItems.handles(({ offset = 0, limit = 2 }) => ({ body: { data: ITEMS.slice(offset, offset + limit), total: ITEMS.length } }));

  const names: string[] = [];
  for await (const item of api.listOffsetItems.paginate({ limit: 2 })) names.push(item.name);

  expect(names).toEqual(ITEMS.map((item) => item.name));
  expect(mock.listOffsetItems.calls).toEqual([
    { limit: 2 },
    { offset: 2, limit: 2 },
    { offset: 4, limit: 2 },
  ]);
});

it("walks a cursor-paginated list answered page by page", async () => {
  const mock = createMockApi();
  const api = createClient({ baseUrl: "http://api.test", fetch: mock.fetch });
  mock.listCursorItems
    .returnsOnce({ data: ITEMS.slice(0, 3), meta: { next_cursor: "c2" } })
    .returnsOnce({ data: ITEMS.slice(3), meta: { next_cursor: null } });

  const ids: number[] = [];
  for await (const item of api.listCursorItems.paginate()) ids.push(item.id);

  expect(ids).toEqual([1, 2, 3, 4, 5]);
  expect(mock.listCursorItems.calls).toEqual([{}, { cursor: "c2" }]);
  mock.assertAllCalled();
});
