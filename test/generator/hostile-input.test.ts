/**
 * A spec is untrusted input. fast-check builds specs whose every string (titles, descriptions,
 * names, enum values, defaults, patterns) is hostile; each generated SDK must type-check, import,
 * and never run code from the spec: a canary global stays untouched.
 */
import fc from "fast-check";
import { writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { generate, writeSdk } from "../../generator/index.js";
import { outRoot, typecheck } from "../support/sdk.js";

const CANARY = "__genClientPwned";

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

const specArbitrary = fc
  .record({
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
  })
  .map((s) => ({
    openapi: "3.0.3",
    info: { title: s.title, version: s.description, description: s.description },
    servers: [{ url: `https://example.com/${s.path}` }],
    paths: {
      [`/items/{${s.parameterName}}`]: {
        get: {
          operationId: s.operationId,
          summary: s.summary,
          description: s.description,
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
  }));

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
        expect(await typecheck([out], "NodeNext", `hostile-${run}`)).toBe("");
        const sdk = (await import(pathToFileURL(path.join(out, "index.ts")).href)) as { createClient: () => unknown };
        sdk.createClient();
        expect(Reflect.get(globalThis, CANARY)).toBeUndefined();
        expect(Reflect.get(Object.prototype, CANARY)).toBeUndefined();
      }),
      { numRuns: 12, seed: 20261121, endOnFailure: true },
    );
  });
});
