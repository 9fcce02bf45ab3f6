/**
 * What every runtime of the matrix runs: generated SDKs (fixtures/petstore.yaml and
 * fixtures/pagination.yaml, as test/global-setup.ts generates them) through calls, a typed error,
 * a retry, pagination and a streamed download, against the matrix server (server.ts).
 *
 * It uses only web-standard APIs, so the same code runs in Node, Deno, Bun, workerd and a browser;
 * each check reports instead of throwing, so that one failure does not hide the others.
 */
import { ApiError, ConnectionError, createClient as createPetstore, SdkError } from "../.out/sdk/petstore/index.js";
import { createClient as createPagination } from "../.out/sdk/pagination/index.js";
import { DOWNLOAD_CHUNK_BYTES, DOWNLOAD_CHUNKS, downloadByte } from "./download-pattern.js";

export interface CheckResult {
  readonly name: CheckName;
  readonly ok: boolean;
  /** What went wrong, or what was seen when it went right. */
  readonly detail: string;
}

export const CHECKS = [
  "GETs with query parameters and returns the typed list",
  "POSTs a JSON body and returns the created resource",
  "throws an ApiError whose body is typed by the declared error response",
  "retries a GET after a 503 and returns the second response",
  "retries a connection reset, then throws a ConnectionError",
  "walks a Link-header paginated list to its end",
  "walks a cursor paginated list to its end",
  "streams a binary download chunk by chunk",
] as const;

export type CheckName = (typeof CHECKS)[number];

/** `origin` is the matrix server's; `runtime` names the caller, so its calls get their own prefix. */
export async function runScenario(origin: string, runtime: string): Promise<CheckResult[]> {
  const petstore = createPetstore({ baseUrl: `${origin}/${runtime}/v1`, logLevel: "off", auth: { bearerAuth: "token-123" } });
  const pages = createPagination({ baseUrl: `${origin}/${runtime}/pages`, logLevel: "off" });

  const checks: Record<CheckName, () => Promise<string>> = {
    "GETs with query parameters and returns the typed list": async () => {
      const pets = await petstore.pets.listPets({ limit: 5, tags: ["dog"] });
      expect(pets.map((pet) => pet.name).join(), "Rex");
      return `${pets.length} pet`;
    },
    "POSTs a JSON body and returns the created resource": async () => {
      const pet = await petstore.pets.addPet({ body: { name: "Nemo", tag: "fish" } });
      expect(`${pet.id} ${pet.name} ${pet.tag ?? ""}`, "3 Nemo fish");
      return pet.name;
    },
    "throws an ApiError whose body is typed by the declared error response": async () => {
      const error = await petstore.pets.addPet({ body: { name: "" } }).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
      if (!petstore.pets.addPet.isError(error) || error.status !== 422) throw new Error(`expected a declared 422, got ${error.status}`);
      expect(error.body.fields?.join() ?? "", "name");
      return error.message;
    },
    "retries a GET after a 503 and returns the second response": async () => {
      const pet = await petstore.pets.getPetById({ petId: 77 });
      expect(pet.name, "Lucky");
      return pet.name;
    },
    "retries a connection reset, then throws a ConnectionError": async () => {
      const error = await petstore.pets.getPetById({ petId: 66 }, { retry: { limit: 1, baseDelay: 10 } }).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      if (!(error instanceof ConnectionError) || !(error instanceof SdkError)) {
        throw new Error(`expected a ConnectionError, got ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
      }
      expect(String(error.attempts), "2");
      return error.message;
    },
    "walks a Link-header paginated list to its end": async () => {
      const ids: number[] = [];
      for await (const item of pages.listLinkHeaderItems.paginate({ per_page: 2 })) ids.push(item.id);
      expect(ids.join(), "1,2,3,4,5");
      return ids.join();
    },
    "walks a cursor paginated list to its end": async () => {
      const ids: number[] = [];
      for await (const item of pages.listCursorItems.paginate({ limit: 2 })) ids.push(item.id);
      expect(ids.join(), "1,2,3,4,5");
      return ids.join();
    },
    "streams a binary download chunk by chunk": async () => {
      const response: Response = await petstore.pets.downloadPetPhoto({ petId: 1 });
      if (!response.body) throw new Error("the download has no body stream");
      const reader = response.body.getReader();
      let length = 0;
      let reads = 0;
      for (let result = await reader.read(); !result.done; result = await reader.read()) {
        reads++;
        for (const byte of result.value) {
          if (byte !== downloadByte(length)) throw new Error(`byte ${length} is ${byte}, expected ${downloadByte(length)}`);
          length++;
        }
      }
      expect(String(length), String(DOWNLOAD_CHUNK_BYTES * DOWNLOAD_CHUNKS));
      if (reads < 2) throw new Error(`read in ${reads} chunk: not streamed`);
      return `${length} bytes in ${reads} reads`;
    },
  };

  const results: CheckResult[] = [];
  for (const name of CHECKS) {
    try {
      results.push({ name, ok: true, detail: await checks[name]() });
    } catch (error) {
      results.push({ name, ok: false, detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    }
  }
  return results;
}

/**
 * Walks the Link-header list with a logger that keeps the warnings, for a page whose API server
 * may hide the `Link` header from scripts (no `Access-Control-Expose-Headers: Link`).
 */
export async function walkLinkHeaderList(origin: string, runtime: string): Promise<{ ids: number[]; warnings: string[] }> {
  const warnings: string[] = [];
  const keep = (message: string): void => void warnings.push(message);
  const pages = createPagination({ baseUrl: `${origin}/${runtime}/pages`, logger: { debug: () => {}, info: () => {}, warn: keep, error: keep } });
  const ids: number[] = [];
  for await (const item of pages.listLinkHeaderItems.paginate({ per_page: 2 })) ids.push(item.id);
  return { ids, warnings };
}

function expect(actual: string, expected: string): void {
  if (actual !== expected) throw new Error(`expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
