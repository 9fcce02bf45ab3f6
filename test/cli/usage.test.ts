import { existsSync } from "node:fs";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { countWarnings } from "../../corpus/generate.ts";
import { copyProject, genClient, scratchDir } from "../support/cli.js";
import { fixturePath, repoRoot } from "../support/sdk.js";

describe("the CLI's everyday output", () => {
  it("prints the package's version", async () => {
    const { version } = JSON.parse(await readFile(path.join(repoRoot, "package.json"), "utf8")) as { version: string };
    expect(await genClient(repoRoot, "--version")).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });

  it("shows examples in --help", async () => {
    const result = await genClient(repoRoot, "--help");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Usage: gen-client [options] [spec]");
    expect(result.stdout).toContain("$ gen-client specs/petstore.yaml --out src/sdk/petstore");
    expect(result.stdout).toContain("$ gen-client --check");
  });

  it("prints only the summary line without a TTY, and no color codes", async () => {
    const dir = await scratchDir("usage");
    const result = await genClient(dir, fixturePath("petstore.yaml"), "--out", "sdk");
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^gen-client: \S+petstore\.yaml → sdk: 13 operations \(0 paginated\), 13 schemas, \d+ files \(\d+ written\) in [\d.]+ s\n$/);
  });

  it("prints the summary line the README shows for the Petstore, but for the time", async () => {
    const readme = await readFile(path.join(repoRoot, "README.md"), "utf8");
    const shown = /^gen-client: fixtures\/petstore\.yaml → .+$/m.exec(readme)?.[0] ?? "";
    const dir = await scratchDir("usage");
    await mkdir(path.join(dir, "fixtures"));
    await copyFile(fixturePath("petstore.yaml"), path.join(dir, "fixtures/petstore.yaml"));
    const result = await genClient(dir, "fixtures/petstore.yaml", "--out", "generated/petstore");
    const seconds = / in [\d.]+ s$/;
    expect(result.stdout.trimEnd().replace(seconds, " in … s")).toBe(shown.replace(seconds, " in … s"));
  });

  it("adds phase timings and the files written with --verbose", async () => {
    const dir = await scratchDir("usage");
    const result = await genClient(dir, fixturePath("petstore.yaml"), "--out", "sdk", "--verbose");
    expect(result.stderr).toMatch(/^ {2}phases: load \d+ ms, model \d+ ms, emit \d+ ms, write \d+ ms\n {2}written: \.gen-client-names\.json, \.gen-client-surface\.json, README\.md, client\.ts, core\.ts, funcs\.ts, index\.ts, load-validators\.ts, operations\.ts, schemas\.ts, testing\.ts, types\.ts, validators\.ts, runtime\/ \(\d+ files\)\n$/);
  });

  it("explains pagination with --explain-pagination and writes nothing", async () => {
    const dir = await scratchDir("usage");
    const result = await genClient(dir, fixturePath("pagination.yaml"), "--out", "sdk", "--explain-pagination");
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines).toContain(
      "GET /cursor/items listCursorItems: cursor [heuristics] query parameter cursor is fed from the response field meta.next_cursor; items: data; stops on an empty page or when no cursor comes back",
    );
    expect(lines.every((line) => /^GET \/\S* \w+: \w+ \[[\w-]+\] /.test(line))).toBe(true);
    expect(existsSync(path.join(dir, "sdk"))).toBe(false);
  });

  it("explains streaming responses with --explain-streaming, naming where each item schema comes from, and writes nothing", async () => {
    const dir = await scratchDir("usage");
    const result = await genClient(dir, fixturePath("openapi32.yaml"), "--out", "sdk", "--explain-streaming");
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split("\n")).toEqual([
      "GET /events feeds.events.streamEvents: 200 text/event-stream: its itemSchema describes each event (OpenAPI 3.2): items follow its data's contentSchema",
      "GET /notices notices.streamNotices: 200 text/event-stream: its itemSchema describes each event (OpenAPI 3.2): items are its data; a plain string, so items are the text as sent",
      "GET /activity streamActivity: 200 text/event-stream: its itemSchema describes each event (OpenAPI 3.2): a union of events by name: items are { event, data }, the data per its event's contentSchema",
      "POST /jobs runJob: 200 text/event-stream: items follow its itemSchema (OpenAPI 3.2)",
      "GET /changes.jsonl feeds.listChanges: 200 application/jsonl: items follow its itemSchema (OpenAPI 3.2)",
      "GET /changes.seq listChangeSequence: 200 application/json-seq: its schema is an array (the whole stream): items follow its items",
      "QUERY /search searchChanges: 200 application/x-ndjson: items follow its itemSchema (OpenAPI 3.2)",
    ]);
    // An additionalOperations entry no SDK can send is a warning that names its pointer.
    expect(result.stderr).toContain("#/paths/~1changes~1{seq}/additionalOperations/TRACK: fetch refuses to send a TRACK request, so no SDK can call it: this operation is skipped");
    expect(existsSync(path.join(dir, "sdk"))).toBe(false);
  });

  it("explains every API of a config under its spec's name, and refuses to explain while checking", async () => {
    const dir = await copyProject("multi-api");
    const result = await genClient(dir, "--explain-pagination");
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toMatch(/^specs\/petstore\.yaml:\nGET \/pets pets\.listPets: none \[heuristics\] .+\n(.+\n)*specs\/pagination\.yaml:\nGET \/offset\/items /);
    expect(existsSync(path.join(dir, "src/sdk"))).toBe(false);
    const both = await genClient(dir, "--explain-pagination", "--check");
    expect(both).toMatchObject({ code: 1, stdout: "" });
    expect(both.stderr).toContain("option '--explain-pagination' cannot be used with option '--check'");
  });

  it("ends each warning with its code, and leaves warnings out with --quiet", async () => {
    const dir = await scratchDir("usage");
    await writeFile(path.join(dir, "warn.yaml"), "openapi: 3.0.3\ninfo: { title: W, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    Bad: { type: string, pattern: '(' }\n");
    const loud = await genClient(dir, "warn.yaml", "--out", "sdk");
    expect(loud.stderr).toMatch(/^gen-client: warning: warn\.yaml #\/components\/schemas\/Bad\/pattern: .* \[invalid-pattern\]$/m);
    // The corpus run counts degraded specs by these codes.
    expect(countWarnings(loud.stderr, "warn.yaml")).toEqual({ "invalid-pattern": { count: 1, first: expect.stringMatching(/^#\/components\/schemas\/Bad\/pattern: /) } });
    const quiet = await genClient(dir, "warn.yaml", "--out", "sdk", "--quiet");
    expect(quiet.stderr).toBe("");
    expect(quiet.stdout).toMatch(/, 1 warning\n$/);
  });

  it("bakes --validate into the client as its default, and refuses an unknown mode", async () => {
    const dir = await scratchDir("usage");
    expect((await genClient(dir, fixturePath("petstore.yaml"), "--out", "sdk", "--validate", "warn")).code).toBe(0);
    expect(await readFile(path.join(dir, "sdk/client.ts"), "utf8")).toContain('validate: "warn",');
    const bad = await genClient(dir, fixturePath("petstore.yaml"), "--out", "sdk", "--validate", "loose");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("argument 'loose' is invalid. Allowed choices are strict, warn, off.");
    expect(await genClient(dir, "--validate", "off")).toEqual({ code: 1, stdout: "", stderr: "gen-client: error: --validate needs a spec; with a config file, set it per API in the config\n" });
  });

  it("makes date-times Dates with --dates date, and refuses an unknown mode", async () => {
    const dir = await scratchDir("usage");
    expect((await genClient(dir, fixturePath("petstore.yaml"), "--out", "sdk", "--dates", "date")).code).toBe(0);
    expect(await readFile(path.join(dir, "sdk/types.ts"), "utf8")).toContain("createdAt?: Date;");
    expect(await readFile(path.join(dir, "sdk/client.ts"), "utf8")).toContain('dates: "date",');
    const bad = await genClient(dir, fixturePath("petstore.yaml"), "--out", "sdk", "--dates", "Date");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("argument 'Date' is invalid. Allowed choices are string, date.");
    expect(await genClient(dir, "--dates", "date")).toEqual({ code: 1, stdout: "", stderr: "gen-client: error: --dates needs a spec; with a config file, set it per API in the config\n" });
  });

  it("writes validators with zod/mini with --zod mini, and refuses an unknown API", async () => {
    const dir = await scratchDir("usage");
    expect((await genClient(dir, fixturePath("petstore.yaml"), "--out", "sdk", "--zod", "mini")).code).toBe(0);
    expect(await readFile(path.join(dir, "sdk/schemas.ts"), "utf8")).toContain('import * as z from "zod/mini";');
    const bad = await genClient(dir, fixturePath("petstore.yaml"), "--out", "sdk", "--zod", "v3");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("argument 'v3' is invalid. Allowed choices are classic, mini.");
    expect(await genClient(dir, "--zod", "mini")).toEqual({ code: 1, stdout: "", stderr: "gen-client: error: --zod needs a spec; with a config file, set it per API in the config\n" });
  });

  it("refuses --verbose with --quiet, and --out without a spec", async () => {
    const dir = await scratchDir("usage");
    expect((await genClient(dir, "x.yaml", "--verbose", "--quiet")).stderr).toContain("option '--verbose' cannot be used with option '-q, --quiet'");
    expect(await genClient(dir, "--out", "sdk")).toEqual({ code: 1, stdout: "", stderr: "gen-client: error: --out needs a spec; with a config file, set it per API in the config\n" });
  });
});
