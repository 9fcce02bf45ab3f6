import { describe, expect, it } from "vitest";
import { GenError, generate } from "../../generator/index.js";
import { fixturePath } from "../support/sdk.js";

const spec = fixturePath("petstore.yaml");

async function failure(options: unknown): Promise<unknown> {
  return generate(options as Parameters<typeof generate>[0]).then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe("generate()'s options", () => {
  it("are checked by the config file's rules, with the same messages", async () => {
    const misspelt = await failure({ spec, ouput: "sdk" });
    expect(misspelt).toBeInstanceOf(GenError);
    expect(misspelt).toMatchObject({ code: "invalid-options", message: 'generate(): options: unknown key "ouput" — did you mean "out"?' });
    expect(await failure({ spec, validate: "loose" })).toMatchObject({ code: "invalid-options", message: expect.stringMatching(/^generate\(\): options\.validate: invalid option: expected one of "strict"\|"warn"\|"off"$/) });
    expect(await failure({ spec, pagination: { listPets: { style: "sideways" } } })).toMatchObject({
      message: "generate(): options.pagination.listPets: style must be one of offset, page, cursor, nextUrl, linkHeader",
    });
    expect(await failure({ spec, onPhase: "log" })).toMatchObject({ message: "generate(): options.onPhase: expected a function" });
  });

  it("accept what a config file's API takes, and a progress callback", async () => {
    const phases: string[] = [];
    const result = await generate({ spec, validate: "warn", pagination: { listPets: false }, onPhase: (phase) => phases.push(phase) });
    expect(phases).toEqual(["load", "model", "emit"]);
    expect(result.operations).toBeGreaterThan(0);
  });
});
