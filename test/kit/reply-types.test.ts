/**
 * TypeScript reports a mistaken mock reply against the reply the test meant: a wrong success body
 * against the operation's success type, a wrong error body against that status's body type,
 * never against some other declared error's `ErrorInit` (the union member TypeScript picked).
 * `getWidget` of the bodies fixture declares four error statuses, like GitHub's operations.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fixturePath, generateInto, outRoot, typecheck } from "../support/sdk.js";

const dir = path.join(outRoot, "kit-reply-types");

const header = `import { createMockApi } from "../sdk/testing.js";\n\nexport const mock = createMockApi();\n`;
const firstLine = header.split("\n").length;

const correct = [
  `mock.widgets.getWidget.handles(() => ({ body: { id: "w1", name: "Widget" } }));`,
  `mock.widgets.getWidget.handles(async () => ({ body: { name: "Widget" }, status: 200, headers: { etag: "1" } }));`,
  `mock.widgets.getWidget.handles(({ widgetId }) => (widgetId === "w1" ? { body: { name: "Widget" } } : { status: 404, body: { type: "about:blank", title: "gone" } }));`,
  `mock.widgets.getWidget.handles(() => ({ status: 500, body: { message: "boom" }, delay: 5 }));`,
  `mock.widgets.getWidget.handles(() => ({ network: true }));`,
  `mock.widgets.getWidget.returns({ name: "Widget" }, { status: 200 });`,
  `mock.widgets.getWidget.returns({ errors: [{ field: "name", message: "required" }] }, { status: 400 });`,
];

const mistakes = [
  // 0: a success body of the wrong shape, from an async handler (as with GitHub's reposGet in the issue)
  `mock.widgets.getWidget.handles(async () => ({ body: { id: 1, name: "Widget" } }));`,
  // 1: a success body without a required property
  `mock.widgets.getWidget.handles(() => ({ body: { id: "w1" } }));`,
  // 2: a 404 body with the 500's shape
  `mock.widgets.getWidget.handles(() => ({ status: 404, body: { message: "gone" } }));`,
  // 3: one branch right, the other a 401 body missing a property
  `mock.widgets.getWidget.handles(({ widgetId }) => (widgetId === "w1" ? { body: { name: "Widget" } } : { status: 401, body: { error_description: "expired" } }));`,
];

/** Diagnostics by file, then by statement (each statement is on its own line). */
let diagnostics: Map<string, Map<number, string>>;

beforeAll(async () => {
  await generateInto(fixturePath("bodies.yaml"), "kit-reply-types/sdk");
  const usage = path.join(dir, "usage");
  await mkdir(usage, { recursive: true });
  await writeFile(path.join(usage, "correct.ts"), `${header}${correct.join("\n")}\n`);
  await writeFile(path.join(usage, "mistakes.ts"), `${header}${mistakes.join("\n")}\n`);
  const output = await typecheck([usage], "NodeNext", "kit-reply-types");
  diagnostics = new Map();
  // A diagnostic starts with `path(line,column): error`; its continuation lines are indented.
  for (const diagnostic of output.split(/\n(?=\S)/).filter(Boolean)) {
    const [, file = "", line = "0"] = /usage\/(\w+)\.ts\((\d+),\d+\)/.exec(diagnostic) ?? [];
    const byStatement = diagnostics.get(file) ?? new Map<number, string>();
    const index = Number(line) - firstLine;
    byStatement.set(index, `${byStatement.get(index) ?? ""}${diagnostic}\n`);
    diagnostics.set(file, byStatement);
  }
});

describe("the types of mock replies", () => {
  it("accept every correct reply, and nothing else fails to compile", () => {
    expect([...diagnostics.keys()]).toEqual(["mistakes"]);
  });

  it("report a wrong body against the success type or the named status's body type", () => {
    const reported = diagnostics.get("mistakes") ?? new Map<number, string>();
    expect([...reported.keys()].sort()).toEqual([0, 1, 2, 3]);
    for (const text of reported.values()) {
      expect(text).not.toMatch(/Property 'status' is missing/);
      expect(text).not.toMatch(/ErrorInit</);
    }
    expect(reported.get(0)).toMatch(/not assignable to type 'SuccessReply<Widget>'/);
    expect(reported.get(0)).toMatch(/'body\.id' are incompatible[^]*Type 'number' is not assignable to type 'string'/);
    expect(reported.get(1)).toMatch(/Property 'name' is missing in type '\{ id: string; \}' but required in type 'Widget'/);
    expect(reported.get(2)).toMatch(/not assignable to type 'ErrorReply<404, Problem>'/);
    expect(reported.get(3)).toMatch(/not assignable to type 'ErrorReply<401, OAuthError>'/);
  });
});
