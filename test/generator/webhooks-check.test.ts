/** What `--check` reports when a spec's webhooks change: payloads follow the response rules. */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { generate } from "../../generator/index.js";
import { diffSurfaces } from "../../generator/surface/diff.js";
import { SURFACE_FILE } from "../../generator/sdk-state.js";
import { parseSurface } from "../../generator/surface/file.js";
import { fixturePath } from "../support/sdk.js";
import { specFileIn } from "../support/spec-file.js";

async function surfaceOf(text: string, name: string) {
  const { files } = await generate({ spec: await specFileIn("check", `${name}.yaml`, text) });
  const stored = files.find((file) => file.path === SURFACE_FILE);
  return parseSurface(stored?.contents ?? "", SURFACE_FILE);
}

const changes = async (edit: (spec: string) => string) => {
  const original = await readFile(fixturePath("webhooks.yaml"), "utf8");
  const edited = edit(original);
  expect(edited).not.toBe(original);
  return diffSurfaces(await surfaceOf(original, "before"), await surfaceOf(edited, "after")).map((change) => [change.message, change.breaking]);
};

describe("--check on webhooks", () => {
  it("does not call a field the sender adds breaking, even a required one", async () => {
    const addShelter = (spec: string) =>
      spec
        .replace("required: [type, pet, adoptedAt]", "required: [type, pet, adoptedAt, shelter]")
        .replace('adopter: { $ref: "#/components/schemas/Adopter" }', 'adopter: { $ref: "#/components/schemas/Adopter" }\n        shelter: { type: string }');
    expect(await changes(addShelter)).toEqual([
      ['PetAdopted: new required field "shelter" (string)', false],
    ]);
  });

  it("calls a required field the sender drops breaking", async () => {
    expect(await changes((spec) => spec.replace("required: [type, pet, adoptedAt]", "required: [type, pet]"))).toEqual([['PetAdopted: field "adoptedAt" is now optional', true]]);
  });

  it("judges declared headers as payload fields: one the sender stops requiring is breaking, a new one is not", async () => {
    const optionalShop = (spec: string) => spec.replace(/(name: X-Shop-Domain\n\s+in: header\n)\s+required: true\n/, "$1");
    expect(await changes(optionalShop)).toEqual([['PetAdoptedHeaders: field "[\\"x-shop-domain\\"]" is now optional', true]]);
    const newHeader = (spec: string) => spec.replace("        - name: X-Shelter-Tier", "        - { name: X-Shop-Region, in: header, required: true, schema: { type: string } }\n        - name: X-Shelter-Tier");
    expect(await changes(newHeader)).toEqual([['PetAdoptedHeaders: new required field "[\\"x-shop-region\\"]" (string)', false]]);
  });

  it("reports added and removed webhooks, a removal as breaking", async () => {
    const removed = await changes((spec) => spec.replace(/ {2}petCreated:[^]*?(?=components:)/, ""));
    expect(removed).toContainEqual(['webhook "petCreated" removed', true]);
    const renamed = await changes((spec) => spec.replace("  petCreated:", "  petArrived:"));
    expect(renamed).toContainEqual(['webhook "petArrived" added (PetArrivedPayload)', false]);
    expect(renamed).toContainEqual(['webhook "petCreated" removed', true]);
  });
});
