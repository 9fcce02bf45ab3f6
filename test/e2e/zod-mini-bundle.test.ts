/**
 * What `zod: "mini"` is for: a bundle of one function of such an SDK holds zod/mini and zod's
 * core, never zod's classic API, whose schema classes carry every method and cannot be shaken.
 */
import { describe, expect, it } from "vitest";
import { bundleSize } from "../support/bundle-size.js";
import { fixturePath, generateInto } from "../support/sdk.js";

const oneFunc = 'import { createClientCore } from "./core.js"; import { getPetById } from "./funcs.js"; console.log(await getPetById(createClientCore(), { petId: 1 }));';

// Dates too, so that the runtime's date codec (runtime/dates.ts) is in the bundle.
const classic = generateInto(fixturePath("petstore.yaml"), "zod-mini-bundle/classic", { dates: "date" });
const mini = generateInto(fixturePath("petstore.yaml"), "zod-mini-bundle/mini", { dates: "date", zod: "mini" });

describe("a bundle of one function of an SDK generated with zod: mini", () => {
  it("holds zod/mini and the runtime's date codec, and nothing of zod's classic API", async () => {
    const { inputs } = await bundleSize({ dir: (await mini).out, app: oneFunc });
    expect(inputs).toEqual(expect.arrayContaining(["schemas.ts", "runtime/dates.ts"]));
    expect(inputs.some((input) => input.includes("node_modules/zod/v4/mini/"))).toBe(true);
    expect(inputs.filter((input) => input.includes("node_modules/zod/v4/classic/"))).toEqual([]);
  });

  it("is over 10 KB (min+gz) smaller than the same app's bundle with classic zod validators", async () => {
    const [withClassic, withMini] = await Promise.all([bundleSize({ dir: (await classic).out, app: oneFunc }), bundleSize({ dir: (await mini).out, app: oneFunc })]);
    expect(withMini.initialBytes).toBeLessThan(withClassic.initialBytes - 10_000);
  });
});
