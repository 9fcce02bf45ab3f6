import { describe, expect, it } from "vitest";
import { encodePathTemplate } from "../../generator/emit/path-template.js";

describe("path templates as the runtime sends them", () => {
  it.each([
    ["a literal # that would start a fragment", "/deletepermission#permissionArn", "/deletepermission%23permissionArn"],
    ["a literal ? that would start the query", "/what?/{id}", "/what%3F/{id}"],
    ["a % that starts no escape, and spaces", "/files/{name}/100% done", "/files/{name}/100%25%20done"],
    ["backslashes, quotes and brackets", '/a\\b/"c"/<d>/[e]/^|`', "/a%5Cb/%22c%22/%3Cd%3E/%5Be%5D/%5E%7C%60"],
    ["non-ASCII letters, as UTF-8", "/caf\u00e9/\u{1F600}", "/caf%C3%A9/%F0%9F%98%80"],
    ["a lone surrogate, as U+FFFD", "/x\uD800y", "/x%EF%BF%BDy"],
    ["braces that hold no placeholder", "/a{}/b{c", "/a%7B%7D/b%7Bc"],
  ])("encodes %s", (_name, template, expected) => {
    expect(encodePathTemplate(template)).toBe(expected);
  });

  it.each([
    ["placeholders, whatever their names", "/things/{thing id#1}/{petId}", "/things/{thing id#1}/{petId}"],
    ["escapes the spec already wrote", "/files/a%20b%2Fc", "/files/a%20b%2Fc"],
    ["every character RFC 3986 allows in a path", "/az-AZ_09.~!$&'()*+,;=:@/x", "/az-AZ_09.~!$&'()*+,;=:@/x"],
    ["matrix-style templates", "/styles/matrix{id}{ids}", "/styles/matrix{id}{ids}"],
  ])("keeps %s", (_name, template, expected) => {
    expect(encodePathTemplate(template)).toBe(expected);
  });
});
