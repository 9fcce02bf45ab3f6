import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generate, GenError, writeSdk } from "../../generator/index.js";
import { analyze } from "../../generator/analyze/index.js";
import { convert } from "../../generator/convert/index.js";
import type { ApiModel } from "../../generator/model/model.js";
import type { RecordedNames } from "../../generator/model/naming.js";
import { nameMapFile, parseNameMap } from "../../generator/name-map.js";
import { NAME_MAP_FILE } from "../../generator/sdk-state.js";

type Document = Record<string, unknown>;

const ok = { "200": { description: "ok" } };

function spec(schemas: Document, paths: Document = {}): Document {
  return { openapi: "3.0.3", info: { title: "names", version: "1" }, paths, components: { schemas } };
}

function model(document: Document, recorded?: RecordedNames): ApiModel {
  return analyze(convert({ file: "spec.json", text: JSON.stringify(document), version: "3.0", document, files: [] }, recorded), {}, recorded);
}

/** The names a model's name map records: what the next generation reads back. */
function recordedBy(built: ApiModel): RecordedNames {
  return parseNameMap(nameMapFile(built).contents, NAME_MAP_FILE);
}

function schemaNames(built: ApiModel): Record<string, string> {
  return Object.fromEntries(built.schemas.map((named) => [named.pointer, named.name]));
}

const pet = { type: "object", properties: { name: { type: "string" } } };
const petV2 = { type: "object", properties: { species: { type: "string" } } };

describe("the name map", () => {
  it("keeps a webhook's headers type name when the next spec adds a schema that claims it first", () => {
    const petAdopted = { post: { parameters: [{ name: "X-Shop", in: "header", required: true, schema: { type: "string" } }], requestBody: { content: { "application/json": { schema: { type: "object" } } } }, responses: ok } };
    const v1 = model({ ...spec({ Pet: pet }), openapi: "3.1.0", webhooks: { petAdopted } });
    expect(schemaNames(v1)["#/webhooks/petAdopted/post/parameters"]).toBe("PetAdoptedHeaders");
    expect(v1.webhooks[0]?.headers?.declared).toEqual([{ name: "X-Shop", required: true }]);

    const v2 = { ...spec({ PetAdoptedHeaders: pet, Pet: pet }), openapi: "3.1.0", webhooks: { petAdopted } };
    expect(schemaNames(model(v2))["#/webhooks/petAdopted/post/parameters"]).toBe("PetAdoptedHeaders2");
    const kept = schemaNames(model(v2, recordedBy(v1)));
    expect([kept["#/webhooks/petAdopted/post/parameters"], kept["#/components/schemas/PetAdoptedHeaders"]]).toEqual(["PetAdoptedHeaders", "PetAdoptedHeaders2"]);
  });

  it("keeps a schema's name when the next spec adds a schema that claims it first", () => {
    const v1 = model(spec({ Pet: pet }));
    expect(schemaNames(v1)).toEqual({ "#/components/schemas/Pet": "Pet" });

    // `pet` comes first in the document: without the map it would take `Pet` and rename the old one.
    const v2 = spec({ pet: petV2, Pet: pet });
    expect(schemaNames(model(v2))).toEqual({ "#/components/schemas/pet": "Pet", "#/components/schemas/Pet": "Pet2" });
    expect(schemaNames(model(v2, recordedBy(v1)))).toEqual({ "#/components/schemas/pet": "Pet2", "#/components/schemas/Pet": "Pet" });
  });

  it("keeps an operation's method name and its Args/Error type names when a new operation or schema collides", () => {
    const listPets = { get: { operationId: "listPets", responses: ok } };
    const v1 = model(spec({}, { "/pets": listPets }));

    // A new operation whose name camelCases the same, earlier in the document, and a schema named
    // like the old operation's error type (component schemas claim their names first).
    const v2 = spec({ ListPetsError: pet }, { "/animals": { get: { operationId: "list-pets", responses: ok } }, "/pets": listPets });
    const fresh = model(v2);
    expect(fresh.operations.map((op) => [op.path, op.name, op.typeName])).toEqual([
      ["/animals", "listPets", "ListPets2"],
      ["/pets", "listPets2", "ListPets22"],
    ]);
    const kept = model(v2, recordedBy(v1));
    expect(kept.operations.map((op) => [op.path, op.name, op.typeName])).toEqual([
      ["/animals", "listPets2", "ListPets2"],
      ["/pets", "listPets", "ListPets"],
    ]);
    expect(schemaNames(kept)).toEqual({ "#/components/schemas/ListPetsError": "ListPetsError2" });
  });

  it("follows a rename in the spec: a recorded name is kept only while the key still asks for it", () => {
    const v1 = model(spec({}, { "/pets": { get: { operationId: "listPets", responses: ok } } }));
    const renamed = model(spec({}, { "/pets": { get: { operationId: "fetchPets", responses: ok } } }), recordedBy(v1));
    expect(renamed.operations.map((op) => [op.name, op.typeName])).toEqual([["fetchPets", "FetchPets"]]);
  });

  it("drops the names of schemas and operations that are gone", () => {
    const v1 = model(spec({ Pet: pet, Owner: pet }, { "/pets": { get: { operationId: "listPets", responses: ok } } }));
    const v2 = model(spec({ Pet: pet }), recordedBy(v1));
    expect(recordedBy(v2)).toEqual({
      schemas: new Map([["#/components/schemas/Pet", "Pet"]]),
      operations: new Map(),
      operationTypes: new Map(),
      environments: new Map(),
      resources: new Map(),
      members: new Map(),
      // A model built with no name map is a new SDK's: grouped, and the map pins that.
      layout: "grouped",
    });
  });

  it("keeps a numbered name after the schema holding the plain one is removed", () => {
    const v1 = model(spec({ Pet: pet, pet: petV2 }));
    const v2 = model(spec({ pet: petV2 }), recordedBy(v1));
    const v3 = model(spec({ pet: petV2 }), recordedBy(v2));
    expect([schemaNames(v1), schemaNames(v2), schemaNames(v3)].map((names) => names["#/components/schemas/pet"])).toEqual(["Pet2", "Pet2", "Pet2"]);
  });

  it("never lets two exports share a name, nor renames one that outlives a spec edit (property)", () => {
    // Names that collide after PascalCase, with the SDK's own exports, or with derived names.
    const schemaKeys = ["Pet", "pet", "pet_", "PET", "pet-item", "PetItem", "pet.item", "PetSchema", "PetWritable", "Client", "ClientModel", "Pet2", "ListPetsError", "ListPetsArgs"];
    const operationIds = ["listPets", "list-pets", "ListPets", "list_pets", "listPets2", "pet", "Pet"];
    // A spec version: which schemas and operations exist, in which document order.
    const version = fc.record({ schemas: fc.shuffledSubarray(schemaKeys), operations: fc.shuffledSubarray(operationIds) });
    const documentOf = ({ schemas, operations }: { schemas: readonly string[]; operations: readonly string[] }): Document =>
      spec(
        Object.fromEntries(schemas.map((key) => [key, pet])),
        Object.fromEntries(operations.map((id) => [`/${id}`, { get: { operationId: id, responses: ok } }])),
      );
    fc.assert(
      fc.property(fc.array(version, { minLength: 2, maxLength: 4 }), (versions) => {
        let previous: ApiModel | undefined;
        for (const each of versions) {
          const current: ApiModel = model(documentOf(each), previous && recordedBy(previous));
          const typeNames = current.schemas
            .flatMap((s) => [s.name, `${s.name}Schema`, `${s.name}Writable`])
            .concat(current.operations.flatMap((op) => [`${op.typeName}Args`, `${op.typeName}Error`]));
          expect(new Set(typeNames).size).toBe(typeNames.length);
          expect(new Set(current.operations.map((op) => op.name)).size).toBe(current.operations.length);
          for (const named of previous?.schemas ?? []) {
            const same = current.schemas.find((s) => s.pointer === named.pointer);
            if (same) expect(same.name).toBe(named.name);
          }
          for (const op of previous?.operations ?? []) {
            const same = current.operations.find((o) => o.path === op.path);
            if (same) expect([same.name, same.typeName]).toEqual([op.name, op.typeName]);
          }
          previous = current;
        }
      }),
      { numRuns: 300 },
    );
  });

  it("is read back from the output folder by generate({ out }), and a second run changes nothing", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "gen-client-names-"));
    const file = path.join(dir, "spec.json");
    const out = path.join(dir, "sdk");
    await writeFile(file, JSON.stringify(spec({ Pet: pet }, { "/pets": { get: { operationId: "listPets", responses: ok } } })));
    await writeSdk(out, (await generate({ spec: file, out })).files);

    await writeFile(file, JSON.stringify(spec({ pet: petV2, Pet: pet }, { "/pets": { get: { operationId: "listPets", responses: ok } } })));
    const v2 = await generate({ spec: file, out });
    const types = v2.files.find((f) => f.path === "types.ts")?.contents ?? "";
    expect(types).toMatch(/export interface Pet \{\n {2}name\?: string;\n\}/);
    expect(types).toMatch(/export interface Pet2 \{\n {2}species\?: string;\n\}/);
    await writeSdk(out, v2.files);
    expect(await readFile(path.join(out, NAME_MAP_FILE), "utf8")).toContain('"#/components/schemas/pet": "Pet2"');
    expect((await generate({ spec: file, out })).files).toEqual(v2.files);
  });

  it("rejects a name map that is not JSON with one line naming the file", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "gen-client-names-"));
    const file = path.join(dir, "spec.json");
    await writeFile(file, JSON.stringify(spec({ Pet: pet })));
    await writeFile(path.join(dir, NAME_MAP_FILE), "{ not json");
    const failure = await generate({ spec: file, out: dir }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GenError);
    expect((failure as GenError).code).toBe("invalid-sdk-file");
    expect((failure as GenError).format()).toBe(`${path.join(dir, NAME_MAP_FILE)}: ${path.join(dir, NAME_MAP_FILE)} is not JSON; fix it or delete it (names are then chosen afresh)`);
  });
});
