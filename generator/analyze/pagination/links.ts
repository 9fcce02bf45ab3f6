/** Styles that follow a next page's URL: the Link header (RFC 8288) and a next-URL field. */
import type { Candidate } from "./candidate.js";
import { type Facts, type Field, isStringy } from "./facts.js";
import { isUrlLike, LINK_WRAPPERS, NEXT_URL_FIELDS } from "./names.js";
import { stopFields } from "./stops.js";

export function linkHeaderStyle(facts: Facts, fields: readonly Field[]): Candidate | undefined {
  const link = facts.headers.get("link");
  if (link === undefined) return undefined;
  const { hasMore } = stopFields(facts, fields);
  return {
    spec: { style: "linkHeader", ...(hasMore && { hasMore }) },
    why: `the ${facts.response?.status ?? "success"} response declares a ${link} header: pages follow its rel="next" URL (RFC 8288)`,
  };
}

export function nextUrlField(fields: readonly Field[]): Field | undefined {
  const candidates = fields.filter(
    (f) =>
      isStringy(f.schema) &&
      (NEXT_URL_FIELDS.includes(f.name) || (f.name === "href" && f.parent === "next")) &&
      (f.parent === "" || f.parent === "next" || LINK_WRAPPERS.includes(f.parent)),
  );
  return candidates.sort((a, b) => Number(isUrlLike(b)) - Number(isUrlLike(a)) || a.path.length - b.path.length)[0];
}

export function nextUrlStyle(facts: Facts, fields: readonly Field[]): Candidate | undefined {
  const field = nextUrlField(fields);
  if (!field) return undefined;
  const { hasMore } = stopFields(facts, fields);
  return { spec: { style: "nextUrl", next: field.path, ...(hasMore && { hasMore }) }, why: `the response field ${field.path.join(".")} holds the next page's URL` };
}
