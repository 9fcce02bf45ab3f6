/**
 * A spec is untrusted input. fast-check builds specs whose every string (titles, descriptions,
 * names, enum values, defaults, patterns, HTML descriptions) is hostile; each generated SDK must
 * type-check, import, and never run code from the spec: a canary global stays untouched. Its
 * README must carry no HTML and no code fence from the spec.
 */
import fc from "fast-check";
import { writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { generate, writeSdk } from "../../generator/index.js";
import { outRoot, typecheck } from "../support/sdk.js";

const CANARY = "__genClientPwned";

/** HTML descriptions are converted to Markdown: what the conversion decodes or adds stays text. */
const HTML_BREAKOUTS = [
  `<p>*/ globalThis.${CANARY} = 1; /*</p>`,
  `<p>&lt;script&gt;globalThis.${CANARY} = 1&lt;/script&gt;</p>`,
  `<a href="javascript:globalThis.${CANARY}=1">x</a><script>globalThis.${CANARY} = 1</script>`,
  "<pre><code>```\n</code></pre>\n```html\n<img src=x onerror=alert(1)>",
  "<p>a</p>\n\n<ul><li>*/</li><li>`</li></ul>",
];

/** Fragments that end a comment, a string, a template, a line or a regex in JS, then run code. */
const BREAKOUTS = [
  `*/ globalThis.${CANARY} = 1; /*`,
  `"; globalThis.${CANARY} = 1; "`,
  `'; globalThis.${CANARY} = 1; '`,
  "`; globalThis." + CANARY + " = 1; `",
  "${globalThis." + CANARY + " = 1}",
  `\u2028globalThis.${CANARY} = 1;\u2029`,
  `\n globalThis.${CANARY} = 1; //`,
  `\\"); globalThis.${CANARY} = 1; //`,
  `/ + (globalThis.${CANARY} = 1) + /`,
  "</script><script>",
  ...HTML_BREAKOUTS,
  "__proto__",
  "constructor",
  "",
  "\u0000\u001f\u007f",
];

const hostile = fc.oneof(
  fc.constantFrom(...BREAKOUTS),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.tuple(fc.constantFrom(...BREAKOUTS), fc.string({ maxLength: 6 })).map(([a, b]) => a + b),
);

const hostileStrings = {
  title: hostile,
  description: hostile,
  schemaName: hostile,
  propertyName: hostile,
  propertyDescription: hostile,
  enumValue: hostile,
  defaultValue: hostile,
  pattern: hostile,
  operationId: hostile,
  summary: hostile,
  parameterName: hostile,
  path: hostile,
};

type HostileStrings = Record<keyof typeof hostileStrings, string>;

const toSpec = (s: HostileStrings) => ({
  openapi: "3.0.3",
  info: { title: s.title, version: s.description, description: s.description },
  servers: [{ url: `https://example.com/${s.path}` }],
  paths: {
    [`/items/{${s.parameterName}}`]: {
      get: {
        operationId: s.operationId,
        summary: s.summary,
        description: s.description,
        externalDocs: { url: `https://example.com/${s.path}`, description: s.summary },
        parameters: [
          { name: s.parameterName, in: "path", required: true, description: s.description, schema: { type: "string" } },
          { name: s.propertyName, in: "query", schema: { type: "string", enum: [s.enumValue], default: s.enumValue } },
        ],
        responses: {
          "200": {
            description: s.description,
            content: { "application/json": { schema: { $ref: `#/components/schemas/${s.schemaName.replaceAll("~", "~0").replaceAll("/", "~1")}` } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      [s.schemaName]: {
        type: "object",
        description: s.description,
        properties: {
          [s.propertyName]: { type: "string", description: s.propertyDescription, default: s.defaultValue, pattern: s.pattern },
          kind: { type: "string", enum: [s.enumValue, "plain"] },
        },
      },
    },
  },
});

const specArbitrary = fc.record(hostileStrings).map(toSpec);

/** Every HTML breakout at once, in every string: the random runs may draw none of them. */
const allHtml = HTML_BREAKOUTS.join("\n");
const htmlSpec = toSpec(Object.fromEntries(Object.keys(hostileStrings).map((key) => [key, allHtml])) as HostileStrings);

describe("hostile specs", () => {
  it("never break out of their place in the emitted code", async () => {
    const dir = path.join(outRoot, "hostile");
    let run = 0;
    await fc.assert(
      fc.asyncProperty(specArbitrary, async (spec) => {
        const specFile = path.join(dir, `spec-${run}.json`);
        const out = path.join(dir, `sdk-${run++}`);
        await mkdir(dir, { recursive: true });
        await writeFile(specFile, JSON.stringify(spec));
        const result = await generate({ spec: specFile });
        await writeSdk(out, result.files);
        expect(specHtmlOrFences(result.files.find((file) => file.path === "README.md")?.contents ?? "")).toEqual([]);
        expect(await typecheck([out], "NodeNext", `hostile-${run}`)).toBe("");
        const sdk = (await import(pathToFileURL(path.join(out, "index.ts")).href)) as { createClient: () => unknown };
        sdk.createClient();
        expect(Reflect.get(globalThis, CANARY)).toBeUndefined();
        expect(Reflect.get(Object.prototype, CANARY)).toBeUndefined();
      }),
      { numRuns: 12, seed: 20261121, endOnFailure: true, examples: [[htmlSpec]] },
    );
  });
});

/**
 * What in a README could only have come from the spec: HTML outside code, and code fences the
 * template did not open (it opens only ```ts and ```sh blocks).
 */
function specHtmlOrFences(readme: string): string[] {
  const found: string[] = [];
  let fence: string | undefined;
  for (const line of readme.split("\n")) {
    const marker = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
    if (fence !== undefined) {
      if (marker?.[1]?.startsWith(fence) && marker[2]?.trim() === "") fence = undefined;
      continue;
    }
    if (marker) {
      if (line !== "```ts" && line !== "```sh") found.push(`fence: ${line}`);
      fence = marker[1]?.slice(0, 3);
      continue;
    }
    const html = /<[a-z/!?]/i.exec(line.replace(/`[^`]*`/g, ""));
    if (html) found.push(`html: ${line}`);
  }
  if (fence !== undefined) found.push("an unclosed fence");
  return found;
}
