import { describe, expect, it } from "vitest";
import { generate } from "../../generator/index.js";

const client = async (options: Parameters<typeof generate>[0]) => {
  const result = await generate(options);
  return { result, client: result.files.find((file) => file.path === "client.ts")?.contents ?? "" };
};

describe("operation include/exclude", () => {
  it("keeps the operations with an included tag or path, less the excluded ones, and every schema", async () => {
    const all = await generate({ spec: "fixtures/petstore.yaml" });
    const { result, client: code } = await client({
      spec: "fixtures/petstore.yaml",
      include: { tags: ["pets"], paths: ["/store/**"] },
      exclude: { paths: ["/pets/{petId}/**"] },
    });
    const kept = ["listPets", "addPet", "searchPets", "getPetById", "updatePet", "patchPet", "deletePet", "getInventory"];
    expect(result.operations).toBe(kept.length);
    for (const name of kept) expect(code).toContain(`  ${name}: `);
    for (const name of ["uploadPetPhoto", "downloadPetPhoto", "getPetHealth", "ping"]) expect(code).not.toContain(`${name}`);
    expect(result.schemas).toBe(all.schemas);
  });

  it("matches a path with {parameters} exactly, not as a glob", async () => {
    const { result } = await client({ spec: "fixtures/petstore.yaml", include: { paths: ["/pets/{petId}"] } });
    expect(result.operations).toBe(4);
  });
});
