/**
 * The SDK runtime's RFC 8288 `Link` header parser (the copy in the generated pagination SDK):
 * given a header value, want the links and the `rel="next"` target.
 */
import { describe, expect, it } from "vitest";
import { nextLink, parseLinkHeader } from "../.out/sdk/pagination/runtime/pagination/link-header.js";

describe("parseLinkHeader", () => {
  it("reads GitHub's header: several links, quoted rel values", () => {
    const header =
      '<https://api.github.com/repositories/1/issues?page=2>; rel="next", <https://api.github.com/repositories/1/issues?page=5>; rel="last"';
    expect(parseLinkHeader(header)).toEqual([
      { target: "https://api.github.com/repositories/1/issues?page=2", rel: ["next"], params: { rel: "next" } },
      { target: "https://api.github.com/repositories/1/issues?page=5", rel: ["last"], params: { rel: "last" } },
    ]);
  });

  it.each([
    ["an unquoted rel", "</items?page=2>; rel=next", "/items?page=2"],
    ["a rel with several types, in any case", '</items?page=3>; rel="Last NEXT"', "/items?page=3"],
    ["commas and semicolons inside a quoted parameter", '</a>; title="x, y; z"; rel="prev", </b>; rel="next"', "/b"],
    ["a comma inside the URL", '</items?ids=1,2>; rel="next"', "/items?ids=1,2"],
    ["whitespace around everything", '  < /items?page=2 > ;  rel = "next" ', "/items?page=2"],
    ["an escaped quote", '</a>; title="say \\"next\\""; rel="prev", </b>; rel="next"', "/b"],
    ["the first rel of a link, as RFC 8288 says", '</a>; rel="next"; rel="prev"', "/a"],
    ["garbage before a valid link", 'nonsense, </b>; rel="next"', "/b"],
    ["no next link", '</a>; rel="prev", </b>; rel="last"', undefined],
    ["an empty header", "", undefined],
    ["an unterminated target", '</a; rel="next"', undefined],
  ])("finds the next link with %s", (_, header, want) => {
    expect(nextLink(header)).toBe(want);
  });

  it("reads nothing from a missing header", () => {
    expect(nextLink(null)).toBeUndefined();
  });
});
