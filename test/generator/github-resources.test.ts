/**
 * GitHub's REST spec (npm `@octokit/openapi`, a devDependency; 1,223 operations) in the default
 * grouped layout: tens of resources on the client, `gh.repos.get` strictly typed, and an editor's
 * completion on `gh.` (TypeScript's language service, as VS Code runs it) listing the resources,
 * not every operation.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { NAME_MAP_FILE } from "../../generator/sdk-state.js";
import { generateInto, outRoot, repoRoot, typecheck } from "../support/sdk.js";

const SPEC = path.join(repoRoot, "node_modules/@octokit/openapi/generated/api.github.com.json");
const probeDir = path.join(outRoot, "github-grouped-probe");
/** Apart from the probe: its half-typed `gh.` must not reach the type-check of a later run. */
const editorDir = path.join(outRoot, "github-grouped-editor");

/** Calls a user would write; `@ts-expect-error` lines prove the flat names are gone. */
const PROBE = `import { createClient } from "../github-grouped/index.js";

const gh = createClient({ headers: { authorization: "Bearer token" } });

export async function probe(): Promise<number> {
  const repo = await gh.repos.get({ owner: "octocat", repo: "hello-world" });
  const name: string = repo.full_name;
  let count = name.length;
  for await (const issue of gh.issues.listForRepo.paginate({ owner: "octocat", repo: "hello-world", state: "open" })) {
    const number: number = issue.number;
    count += number;
  }
  // @ts-expect-error the flat layout's name is not on the grouped client
  await gh.reposGet({ owner: "octocat", repo: "hello-world" });
  // @ts-expect-error a required argument is missing
  await gh.repos.get({ owner: "octocat" });
  return count;
}
`;

describe("GitHub's REST spec, grouped", () => {
  // Without the testing kit: its type-check is covered on the fixtures, and this test must stay affordable.
  const generated = generateInto(SPEC, "github-grouped", { testing: false });

  it("has tens of resources on the client and no method outside them", async () => {
    const { result } = await generated;
    const nameMap = JSON.parse(result.files.find((file) => file.path === NAME_MAP_FILE)?.contents ?? "{}") as { layout: string; resources: Record<string, string> };
    expect(nameMap.layout).toBe("grouped");
    const resources = new Set(Object.values(nameMap.resources).filter((resource) => resource !== "").map((resource) => resource.split(".")[0]));
    expect(resources.size).toBeGreaterThanOrEqual(20);
    expect(resources.size).toBeLessThan(100);
    expect([...resources]).toEqual(expect.arrayContaining(["repos", "issues", "pulls", "actions", "orgs", "users"]));
    expect(Object.values(nameMap.resources).filter((resource) => resource === "")).toEqual([]);
  });

  it("type-checks strictly with gh.repos.get and gh.issues.listForRepo.paginate", async () => {
    const { out } = await generated;
    await mkdir(probeDir, { recursive: true });
    await writeFile(path.join(probeDir, "probe.ts"), PROBE);
    expect(await typecheck([out, probeDir], "NodeNext", "github-grouped")).toBe("");
  });

  it("completes gh. in an editor with the resources, not 1,223 methods", async () => {
    await generated;
    const file = path.join(editorDir, "completion.ts");
    const text = `import { createClient } from "../github-grouped/index.js";\nconst gh = createClient();\ngh.`;
    await mkdir(editorDir, { recursive: true });
    await writeFile(file, text);
    const editor = languageService(file, text);
    const completions = editor.complete();
    expect(completions.length).toBeGreaterThanOrEqual(20);
    expect(completions.length).toBeLessThan(100);
    expect(completions).toEqual(expect.arrayContaining(["repos", "issues", "pulls"]));
    expect(completions).not.toContain("reposGet");
    // Typing on: a resource completes with its methods.
    expect(editor.type("repos.")).toEqual(expect.arrayContaining(["get", "listForOrg", "createWebhook"]));
  });
});

/**
 * TypeScript's language service, as an editor runs it, over the files on disk and one open file
 * whose text is the editor's buffer: `complete()` lists the completions at its end, `type()`
 * appends text first.
 */
function languageService(file: string, initial: string): { complete(): string[]; type(more: string): string[] } {
  let text = initial;
  let version = 1;
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2023,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    skipLibCheck: true,
    lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
    types: [],
  };
  const read = (name: string) => (name === file ? text : ts.sys.readFile(name));
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => options,
    getScriptFileNames: () => [file],
    getScriptVersion: (name) => (name === file ? String(version) : "1"),
    getScriptSnapshot: (name) => {
      const contents = read(name);
      return contents === undefined ? undefined : ts.ScriptSnapshot.fromString(contents);
    },
    getCurrentDirectory: () => repoRoot,
    getDefaultLibFileName: (settings) => ts.getDefaultLibFilePath(settings),
    fileExists: (name) => name === file || ts.sys.fileExists(name),
    readFile: read,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry());
  const complete = () => service.getCompletionsAtPosition(file, text.length, {})?.entries.map((entry) => entry.name) ?? [];
  return {
    complete,
    type(more) {
      text += more;
      version++;
      return complete();
    },
  };
}
