import path from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../../generator/index.js";
import { SURFACE_FILE } from "../../generator/sdk-state.js";
import { parseSurface } from "../../generator/surface/file.js";
import type { ApiSurface, OperationSurface, SchemaSurface, Side, Slot } from "../../generator/surface/model.js";
import { diffSurfaces } from "../../generator/surface/diff.js";
import { fixturePath, fixtures, repoRoot } from "../support/sdk.js";

const op = (parts: Partial<OperationSurface> = {}): OperationSurface => ({
  route: "GET /pets",
  params: {},
  result: { type: "Pet[]" },
  errors: {},
  ...parts,
});

const type = (sides: readonly Side[], slots: Record<string, Slot>): SchemaSurface => ({ sides, slots: { "": { type: "object" }, ...slots } });

const surface = (parts: Partial<ApiSurface>): ApiSurface => ({ strict: false, operations: {}, schemas: {}, ...parts });

const ops = (operations: Record<string, OperationSurface>) => surface({ operations });
const types = (schemas: Record<string, SchemaSurface>) => surface({ schemas });

const response: Side[] = ["response"];
const request: Side[] = ["request"];
const both: Side[] = ["request", "response"];

/** [what, before, after, the changes: message and whether it breaks] */
const cases: readonly (readonly [string, ApiSurface, ApiSurface, readonly (readonly [string, boolean])[]])[] = [
  // Environments and server variables: createClient's options
  ["an added environment", surface({ environments: ["production"] }), surface({ environments: ["production", "sandbox"] }), [['createClient: new environment "sandbox"', false]]],
  ["a removed environment", surface({ environments: ["production", "sandbox"] }), surface({ environments: ["production"] }), [['createClient: environment "sandbox" removed', true]]],
  [
    "a new default environment",
    surface({ environments: ["production", "sandbox"] }),
    surface({ environments: ["sandbox", "production"] }),
    [['createClient: the default environment is now "sandbox" (was "production")', true]],
  ],
  [
    "a server variable's value removed",
    surface({ serverVariables: { region: { type: "enum", values: ["us", "eu"] } } }),
    surface({ serverVariables: { region: { type: "enum", values: ["us"] } } }),
    [['createClient: server variable "region" no longer has the value "eu"', true]],
  ],
  ["a new server variable", surface({}), surface({ serverVariables: { port: { type: "string" } } }), [['createClient: new optional server variable "port" (string)', false]]],
  // Operations
  ["an added operation", ops({}), ops({ listPets: op() }), [["api.listPets (GET /pets) added", false]]],
  ["a removed operation", ops({ listPets: op() }), ops({}), [["api.listPets (GET /pets) removed", true]]],
  ["a renamed operation (same route)", ops({ listPets: op() }), ops({ getPets: op() }), [["api.listPets renamed to api.getPets (GET /pets)", true]]],
  ["a moved route", ops({ listPets: op() }), ops({ listPets: op({ route: "GET /v2/pets" }) }), [["api.listPets: now GET /v2/pets (was GET /pets)", false]]],
  // Parameters: the user writes them
  [
    "a new required parameter",
    ops({ listPets: op() }),
    ops({ listPets: op({ params: { limit: { type: "integer", required: true, in: "query" } } }) }),
    [['api.listPets: new required parameter "limit" (integer)', true]],
  ],
  [
    "a new optional parameter",
    ops({ listPets: op() }),
    ops({ listPets: op({ params: { limit: { type: "integer", in: "query" } } }) }),
    [['api.listPets: new optional parameter "limit" (integer)', false]],
  ],
  [
    "a removed parameter",
    ops({ listPets: op({ params: { limit: { type: "integer", in: "query" } } }) }),
    ops({ listPets: op() }),
    [['api.listPets: parameter "limit" removed', true]],
  ],
  [
    "a parameter made required",
    ops({ listPets: op({ params: { limit: { type: "integer", in: "query" } } }) }),
    ops({ listPets: op({ params: { limit: { type: "integer", required: true, in: "query" } } }) }),
    [['api.listPets: parameter "limit" is now required', true]],
  ],
  [
    "a parameter made optional",
    ops({ listPets: op({ params: { limit: { type: "integer", required: true, in: "query" } } }) }),
    ops({ listPets: op({ params: { limit: { type: "integer", in: "query" } } }) }),
    [['api.listPets: parameter "limit" is now optional', false]],
  ],
  [
    "a parameter type changed",
    ops({ getPet: op({ params: { petId: { type: "string", required: true, in: "path" } } }) }),
    ops({ getPet: op({ params: { petId: { type: "integer", required: true, in: "path" } } }) }),
    [['api.getPet: parameter "petId" type string → integer', true]],
  ],
  [
    "a parameter narrowed to an enum",
    ops({ listPets: op({ params: { sort: { type: "string", in: "query" } } }) }),
    ops({ listPets: op({ params: { sort: { type: "enum", values: ["asc", "desc"], in: "query" } } }) }),
    [['api.listPets: parameter "sort" type string → "asc" | "desc" (narrowed)', true]],
  ],
  [
    "a parameter widened from integer to number",
    ops({ listPets: op({ params: { limit: { type: "integer", in: "query" } } }) }),
    ops({ listPets: op({ params: { limit: { type: "number", in: "query" } } }) }),
    [['api.listPets: parameter "limit" type integer → number (widened)', false]],
  ],
  [
    "a parameter moved to a header",
    ops({ listPets: op({ params: { tenant: { type: "string", in: "query" } } }) }),
    ops({ listPets: op({ params: { tenant: { type: "string", in: "header" } } }) }),
    [['api.listPets: parameter "tenant" now sent in the header (was query)', false]],
  ],
  [
    "an object parameter that becomes the whole query string (OpenAPI 3.2 querystring)",
    ops({ listPets: op({ params: { filter: { type: "object", in: "query" } } }) }),
    ops({ listPets: op({ params: { filter: { type: "object", in: "querystring" } } }) }),
    [['api.listPets: parameter "filter" now sent in the querystring (was query)', false]],
  ],
  ["a removed custom-method operation", ops({ purgePets: op({ route: "PURGE /pets" }) }), ops({}), [["api.purgePets (PURGE /pets) removed", true]]],
  // Bodies and results
  [
    "a new required request body",
    ops({ addPet: op() }),
    ops({ addPet: op({ body: { type: "NewPet", required: true, media: "application/json" } }) }),
    [["api.addPet: new required request body (NewPet)", true]],
  ],
  [
    "a request body media type changed",
    ops({ addPet: op({ body: { type: "NewPet", required: true, media: "application/json" } }) }),
    ops({ addPet: op({ body: { type: "NewPet", required: true, media: "multipart/form-data" } }) }),
    [["api.addPet: request body now sent as multipart/form-data (was application/json)", false]],
  ],
  ["a result type changed", ops({ listPets: op() }), ops({ listPets: op({ result: { type: "PetPage" } }) }), [["api.listPets: result type Pet[] → PetPage", true]]],
  ["a result that can now be null", ops({ getPet: op({ result: { type: "Pet" } }) }), ops({ getPet: op({ result: { type: "Pet", nullable: true } }) }), [["api.getPet: result can now be null", true]]],
  [
    "a result widened to unknown",
    ops({ getPet: op({ result: { type: "Pet" } }) }),
    ops({ getPet: op({ result: { type: "unknown" } }) }),
    [["api.getPet: result type Pet → unknown (widened)", true]],
  ],
  [
    "error responses added and removed",
    ops({ getPet: op({ errors: { "404": "Error" } }) }),
    ops({ getPet: op({ errors: { "409": "Error" } }) }),
    [
      ["api.getPet: error response 404 removed", true],
      ["api.getPet: new error response 409 (Error)", false],
    ],
  ],
  ["a paginator removed", ops({ listPets: op({ pagination: "cursor" }) }), ops({ listPets: op() }), [["api.listPets: .paginate() and .pages() removed", true]]],
  ["a paginator added", ops({ listPets: op() }), ops({ listPets: op({ pagination: "offset" }) }), [["api.listPets: new .paginate() and .pages() (offset pagination)", false]]],
  ["an operation deprecated", ops({ listPets: op() }), ops({ listPets: op({ deprecated: true }) }), [["api.listPets: now deprecated", false]]],
  // Exported types: the side they are met on decides
  ["a new type", types({}), types({ Pet: type(response, {}) }), [["Pet: new type", false]]],
  ["a removed type", types({ Pet: type(response, {}) }), types({}), [["Pet: type removed", true]]],
  [
    "a request-side view no longer needed",
    types({ Pet: { ...type(both, { id: { type: "integer", readOnly: true } }), writable: true } }),
    types({ Pet: type(both, { id: { type: "integer" } }) }),
    [
      ['Pet: new optional field "id" (integer)', false],
      ["PetWritable: type removed", true],
    ],
  ],
  ["a field removed from a response type", types({ Pet: type(response, { tag: { type: "string" } }) }), types({ Pet: type(response, {}) }), [['Pet: field "tag" removed', true]]],
  ["a field removed from a request type", types({ NewPet: type(request, { tag: { type: "string" } }) }), types({ NewPet: type(request, {}) }), [['NewPet: field "tag" removed', true]]],
  [
    "a required field added to a response type",
    types({ Pet: type(response, {}) }),
    types({ Pet: type(response, { age: { type: "integer", required: true } }) }),
    [['Pet: new required field "age" (integer)', false]],
  ],
  [
    "a required field added to a request type",
    types({ NewPet: type(request, {}) }),
    types({ NewPet: type(request, { age: { type: "integer", required: true } }) }),
    [['NewPet: new required field "age" (integer)', true]],
  ],
  [
    "a response field made optional",
    types({ Pet: type(response, { name: { type: "string", required: true } }) }),
    types({ Pet: type(response, { name: { type: "string" } }) }),
    [['Pet: field "name" is now optional', true]],
  ],
  [
    "a request field made optional",
    types({ NewPet: type(request, { name: { type: "string", required: true } }) }),
    types({ NewPet: type(request, { name: { type: "string" } }) }),
    [['NewPet: field "name" is now optional', false]],
  ],
  [
    "a field made optional in a type used on both sides breaks readers",
    types({ Pet: type(both, { name: { type: "string", required: true } }) }),
    types({ Pet: type(both, { name: { type: "string" } }) }),
    [['Pet: field "name" is now optional', true]],
  ],
  [
    "a new enum value in a response (tolerated by older SDKs)",
    types({ Status: { sides: response, slots: { "": { type: "enum", values: ["a"] } } } }),
    types({ Status: { sides: response, slots: { "": { type: "enum", values: ["a", "b"] } } } }),
    [['Status: has a new value "b"', false]],
  ],
  [
    "a new enum value in a strict SDK's response",
    { ...types({ Status: { sides: response, slots: { "": { type: "enum", values: ["a"] } } } }), strict: true },
    { ...types({ Status: { sides: response, slots: { "": { type: "enum", values: ["a", "b"] } } } }), strict: true },
    [['Status: has a new value "b"', true]],
  ],
  [
    "an enum value removed from a request",
    types({ Status: { sides: request, slots: { "": { type: "enum", values: ["a", "b"] } } } }),
    types({ Status: { sides: request, slots: { "": { type: "enum", values: ["a"] } } } }),
    [['Status: no longer has the value "b"', true]],
  ],
  [
    "an enum value removed from a response",
    types({ Status: { sides: response, slots: { "": { type: "enum", values: ["a", "b"] } } } }),
    types({ Status: { sides: response, slots: { "": { type: "enum", values: ["a"] } } } }),
    [['Status: no longer has the value "b"', false]],
  ],
  [
    "a union variant added to a response",
    types({ Shape: { sides: response, slots: { "": { type: "union", variants: ["Circle"] } } } }),
    types({ Shape: { sides: response, slots: { "": { type: "union", variants: ["Circle", "Square"] } } } }),
    [["Shape: can now be Square", true]],
  ],
  [
    "a format added to a request string",
    types({ NewPet: type(request, { born: { type: "string" } }) }),
    types({ NewPet: type(request, { born: { type: "string(date)" } }) }),
    [['NewPet: field "born" type string → string(date) (narrowed)', true]],
  ],
  [
    "a type narrowed by an intersection, in a type used on both sides",
    types({ Config: type(both, { options: { type: "Options" } }) }),
    types({ Config: type(both, { options: { type: "Options & object" } }) }),
    [['Config: field "options" type Options → Options & object (narrowed)', true]],
  ],
  [
    "a response type widened by dropping an intersection",
    types({ Config: type(response, { options: { type: "Options & object" } }) }),
    types({ Config: type(response, { options: { type: "Options" } }) }),
    [['Config: field "options" type Options & object → Options (widened)', true]],
  ],
  [
    "a field that became readOnly leaves requests only",
    types({ Pet: type(both, { id: { type: "integer", required: true } }) }),
    types({ Pet: type(both, { id: { type: "integer", required: true, readOnly: true } }) }),
    [['Pet: field "id" removed', true]],
  ],
  [
    "a required readOnly field added to a type used on both sides",
    types({ Pet: type(both, {}) }),
    types({ Pet: type(both, { id: { type: "integer", required: true, readOnly: true } }) }),
    [['Pet: new required field "id" (integer)', false]],
  ],
  [
    "a change deep inside an inline object is reported at its field",
    types({ Pet: type(response, { owner: { type: "object" }, "owner.name": { type: "string", required: true }, "owner.age": { type: "integer" } }) }),
    types({ Pet: type(response, { owner: { type: "object" }, "owner.name": { type: "string", required: true } }) }),
    [['Pet: field "owner.age" removed', true]],
  ],
  [
    "a field whose type changed is one change, not one per nested field",
    types({ Pet: type(response, { owner: { type: "object" }, "owner.name": { type: "string" } }) }),
    types({ Pet: type(response, { owner: { type: "Owner" } }) }),
    [['Pet: field "owner" type object → Owner', true]],
  ],
];

describe("the API surface diff", () => {
  it.each(cases)("%s", (_what, before, after, expected) => {
    expect(diffSurfaces(before, after).map((change) => [change.message, change.breaking])).toEqual(expected);
  });

  it("finds nothing between equal surfaces", () => {
    const pets = surface({ operations: { listPets: op() }, schemas: { Pet: type(both, { name: { type: "string", required: true } }) } });
    expect(diffSurfaces(pets, structuredClone(pets))).toEqual([]);
  });

  it.each(fixtures)("reads back $file's stored surface and finds no change against itself", async ({ file }) => {
    const { files } = await generate({ spec: path.relative(repoRoot, fixturePath(file)) });
    const stored = files.find((each) => each.path === SURFACE_FILE)?.contents ?? "";
    const surface = parseSurface(stored, SURFACE_FILE);
    expect(Object.keys(surface.operations).length + Object.keys(surface.schemas).length).toBeGreaterThan(0);
    expect(diffSurfaces(surface, parseSurface(stored, SURFACE_FILE))).toEqual([]);
  });

  it("reports switching date-times from strings to Dates as breaking", async () => {
    const surfaceOf = async (dates: "string" | "date") => {
      const { files } = await generate({ spec: path.relative(repoRoot, fixturePath("petstore.yaml")), dates });
      return parseSurface(files.find((each) => each.path === SURFACE_FILE)?.contents ?? "", SURFACE_FILE);
    };
    const changes = diffSurfaces(await surfaceOf("string"), await surfaceOf("date"));
    expect(changes.map((change) => [change.message, change.breaking])).toEqual([
      ['api.pets.searchPets: parameter "bornAfter" type string(date-time) → Date', true],
      ['Pet: field "createdAt" type string(date-time) → Date', true],
      ['UploadPetPhotoBody: field "metadata.takenAt" type string(date-time) → Date', true],
    ]);
  });

  it.each([
    ["{", "x.json is not JSON; regenerate the SDK to replace it"],
    ["{}", "x.json is not an API surface gen-client wrote; regenerate the SDK to replace it"],
    ['{ "strict": false, "schemas": {}, "operations": { "getPet": { "route": 1 } } }', 'x.json has an unreadable entry for operation "getPet"; regenerate the SDK to replace it'],
  ])("rejects a stored surface it did not write: %s", (text, message) => {
    expect(() => parseSurface(text, "x.json")).toThrow(message);
  });
});
