/**
 * One spec's conformance run: generate its SDK, start Prism on it, call every operation through the
 * SDK with valid arguments (once as Prism chooses, then once per declared status with
 * `Prefer: code=…` and once per named example with `Prefer: example=…`), classify each call, stop
 * Prism by its PID.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { generate as Generate, OperationSelector, writeSdk as WriteSdk } from "../generator/index.ts";
import { buildArgs, type BuiltArg, type SdkOperation } from "./args.ts";
import { classify, requestViolations, type Judgement, type SdkResult } from "./classify.ts";
import { Judge } from "./judge.ts";
import { GENERATOR_INDEX } from "./paths.ts";
import { startPrism, type PrismServer } from "./prism.ts";
import { isJsonMedia, isObject, loadOpenApi, locate, operationPointer, type JsonObject } from "./spec.ts";
import { recordingFetch, type Exchange } from "./wire.ts";

export interface CallRecord extends Judgement {
  readonly operation: string;
  readonly route: string;
  /** The Prefer header sent, if any. */
  readonly prefer?: string;
  readonly status?: number;
  readonly request?: Exchange["request"];
  readonly args?: Readonly<Record<string, string>>;
}

export interface SpecRun {
  readonly id: string;
  readonly operations: number;
  readonly calls: readonly CallRecord[];
  readonly prismStartMs: number;
  readonly generateMs: number;
  readonly callMs: number;
  /** Set when the spec could not be run at all (generation, Prism start-up). */
  readonly error?: string;
}

export interface SpecInput {
  readonly id: string;
  /** The spec gen-client generates from. */
  readonly file: string;
  /** The file Prism serves, when not `file` (e.g. a trimmed copy). */
  readonly prismFile?: string;
  /** Only these operations (a subset of a big API), as `generate()`'s `include`. */
  readonly include?: OperationSelector;
}

interface SdkModule {
  createClient(options: Record<string, unknown>): Record<string, unknown>;
  SdkError: new (...args: never[]) => Error;
  ApiError: new (...args: never[]) => Error & { status: number; body: unknown };
  ResponseValidationError: new (...args: never[]) => Error & { status: number };
}
interface NameMap {
  readonly layout?: string;
  readonly operations: Record<string, string>;
  readonly resources?: Record<string, string>;
  readonly members?: Record<string, string>;
}

/** Route → the method's path on the grouped client, `pets.listPets` (or `ping` on the client itself). */
function placesOf(names: NameMap): Record<string, string> {
  return Object.fromEntries(Object.entries(names.members ?? {}).map(([route, member]) => [route, [names.resources?.[route], member].filter((part) => part !== undefined && part !== "").join(".")]));
}

/** The client's member at a dotted path, if it is a method. */
function methodAt(client: Record<string, unknown>, path: string): SdkMethod | undefined {
  let value: unknown = client;
  for (const key of path.split(".")) value = typeof value === "object" && value !== null && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
  return typeof value === "function" ? (value as SdkMethod) : undefined;
}

interface SdkMethod {
  (args?: Record<string, unknown>, options?: Record<string, unknown>): Promise<unknown>;
  isError(error: unknown): boolean;
}

function credentials(document: JsonObject): Record<string, unknown> {
  const schemes = isObject(document.components) && isObject(document.components.securitySchemes) ? document.components.securitySchemes : {};
  const auth: Record<string, unknown> = {};
  for (const [name, scheme] of Object.entries(schemes)) {
    if (!isObject(scheme)) continue;
    const basic = scheme.type === "http" && typeof scheme.scheme === "string" && scheme.scheme.toLowerCase() === "basic";
    auth[name] = basic ? { username: "conformance", password: "secret" } : scheme.type === "apiKey" ? "conformance-key" : "conformance-token";
  }
  return auth;
}

/** Each declared numeric status and each named example, as `Prefer` values. */
function preferences(document: JsonObject, operationPtr: string): string[] {
  const operation = locate(document, operationPtr);
  const responses = operation !== undefined && isObject(operation.node.responses) ? operation.node.responses : {};
  const prefer: string[] = [];
  for (const code of Object.keys(responses).filter((c) => /^[2-5]\d\d$/.test(c)).sort()) {
    prefer.push(`code=${code}`);
    const response = locate(document, `${operationPtr}/responses/${code}`);
    const content = response !== undefined && isObject(response.node.content) ? response.node.content : {};
    for (const [media, object] of Object.entries(content)) {
      if (!isJsonMedia(media) || !isObject(object) || !isObject(object.examples)) continue;
      for (const name of Object.keys(object.examples)) prefer.push(`code=${code}, example=${name}`);
    }
  }
  return [...new Set(prefer)];
}

function shown(value: unknown): string {
  if (value instanceof Blob) return `Blob(${value.size})`;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

async function outcomeOf(sdk: SdkModule, method: SdkMethod, args: Record<string, unknown>, options: Record<string, unknown>): Promise<SdkResult> {
  try {
    const data = await method(args, options);
    if (data instanceof Response) await data.body?.cancel();
    return { kind: "data", status: 0 };
  } catch (error) {
    if (error instanceof sdk.ApiError) return { kind: "api-error", status: error.status, isError: method.isError(error) };
    if (error instanceof sdk.ResponseValidationError) return { kind: "refused", status: error.status, message: error.message };
    if (error instanceof sdk.SdkError) return { kind: "sdk-error", name: error.name, message: error.message };
    const e = error instanceof Error ? error : new Error(String(error));
    return { kind: "untyped", name: e.name, message: e.message };
  }
}

/**
 * Prism's process ended while answering: its limitation when the request used a style it cannot
 * read (matrix, label, or simple with an array or object in the path; a pipe- or space-delimited
 * object in the query), otherwise still a failure.
 */
function prismCrash(op: SdkOperation, args: readonly BuiltArg[], exchange: Exchange | undefined, judgement: Judgement): Judgement {
  const styled = op.params.filter((p) => p.in === "path" && p.style !== "simple");
  const evidence = exchange === undefined ? "no request was sent" : `the SDK sent ${exchange.request.method} ${new URL(exchange.request.url).pathname}`;
  if (exchange !== undefined && (styled.length > 0 || /\/[^/]*,[^/]*(\/|$)/.test(new URL(exchange.request.url).pathname))) {
    return { outcome: "prism-limitation", rule: "crash on a path style", reason: `Prism crashed on ${styled.map((p) => `${p.style}-style`).join(", ") || "simple-style array/object"} path parameters (${evidence}, per OpenAPI's style rules)` };
  }
  const delimited = args.filter((a) => a.param?.in === "query" && (a.param.style === "pipeDelimited" || a.param.style === "spaceDelimited") && typeof a.value === "object" && a.value !== null && !Array.isArray(a.value));
  if (exchange !== undefined && delimited.length > 0) {
    return { outcome: "prism-limitation", rule: "crash on a delimited object", reason: `Prism crashed on ${delimited.map((a) => `the ${a.param!.style} object parameter ${a.param!.name}`).join(", ")} (the SDK sent ?${decodeURIComponent(new URL(exchange.request.url).search.slice(1))}: names and values joined by the delimiter, as OpenAPI's style table shows)` };
  }
  return { ...judgement, reason: `Prism crashed (${evidence}); ${judgement.reason}` };
}

export async function runSpec(input: SpecInput, workDir: string, log: (line: string) => void): Promise<SpecRun> {
  const out = join(workDir, "sdk", input.id.replace(/[^A-Za-z0-9._-]/g, "_"));
  const logs = join(workDir, "logs");
  mkdirSync(logs, { recursive: true });
  const base = { id: input.id, operations: 0, calls: [] as CallRecord[], prismStartMs: 0, generateMs: 0, callMs: 0 };
  const t0 = performance.now();
  let spec;
  try {
    const generator = (await import(pathToFileURL(GENERATOR_INDEX).href)) as { generate: typeof Generate; writeSdk: typeof WriteSdk };
    rmSync(out, { recursive: true, force: true });
    const generated = await generator.generate({ spec: input.file, testing: false, ...(input.include && { include: input.include }) });
    await generator.writeSdk(out, generated.files);
    spec = await loadOpenApi(input.file);
  } catch (error) {
    return { ...base, generateMs: performance.now() - t0, error: `generate: ${error instanceof Error ? error.message : String(error)}` };
  }
  const generateMs = performance.now() - t0;
  // A spec with webhooks only has no operations.ts: nothing to call.
  if (!existsSync(join(out, "operations.ts"))) return { ...base, generateMs };
  let sdk: SdkModule;
  let operations: { name: string; spec: SdkOperation }[];
  try {
    sdk = (await import(pathToFileURL(join(out, "index.ts")).href)) as SdkModule;
    // The client's member for each route, as the SDK records it (operations.ts escapes reserved words: `delete_`):
    // its place in a resource (`pets.listPets`) in the grouped layout.
    const names = JSON.parse(readFileSync(join(out, ".gen-client-names.json"), "utf8")) as NameMap;
    const methodNames = names.layout === "grouped" ? placesOf(names) : names.operations;
    const operationSpecs = (await import(pathToFileURL(join(out, "operations.ts")).href)) as Record<string, unknown>;
    operations = Object.entries(operationSpecs)
      .filter(([name, value]) => typeof value === "function" && name !== "loadValidators" && name !== "useValidators")
      .map(([exported, value]) => ({ exported, spec: (value as () => SdkOperation)() }))
      .map(({ exported, spec }) => ({ name: methodNames[`${spec.method} ${spec.path}`] ?? exported, spec }));
  } catch (error) {
    return { ...base, generateMs, error: `import: ${error instanceof Error ? error.message : String(error)}` };
  }
  const judge = new Judge(spec);
  const document = spec.document;
  const prismLog = join(logs, `${input.id.replace(/[^A-Za-z0-9._-]/g, "_")}.prism.log`);
  let prism: PrismServer;
  try {
    prism = await startPrism(input.prismFile ?? input.file, prismLog);
  } catch (error) {
    return { ...base, operations: operations.length, generateMs, error: `prism: ${error instanceof Error ? error.message : String(error)}` };
  }
  const prismStartMs = prism.startMs;
  log(`${input.id}: ${operations.length} operations; SDK in ${(generateMs / 1000).toFixed(1)} s, Prism listening after ${(prism.startMs / 1000).toFixed(1)} s (pid ${prism.pid})`);
  const calls: CallRecord[] = [];
  const t1 = performance.now();
  const exchanges: Exchange[] = [];
  const newClient = (): Record<string, unknown> =>
    sdk.createClient({ baseUrl: prism.url, auth: credentials(document), retry: 0, timeout: 30_000, logLevel: "off", fetch: recordingFetch(exchanges) });
  let client = newClient();
  let failure: string | undefined;
  try {
    for (const { name, spec: op } of operations) {
      const pointer = operationPointer(op.path, op.method);
      const operation = locate(document, pointer);
      const method = methodAt(client, name);
      if (operation === undefined || method === undefined) {
        calls.push({ operation: name, route: `${op.method} ${op.path}`, outcome: "sdk-error", reason: `no ${pointer} in the spec, or no client.${name}` });
        continue;
      }
      const args = buildArgs(document, operation, op, judge);
      const argValues: Record<string, unknown> = Object.fromEntries(args.map((a) => [a.key, a.value]));
      for (const prefer of [undefined, ...preferences(document, operation.pointer)]) {
        exchanges.length = 0;
        const result = await outcomeOf(sdk, methodAt(client, name) ?? method, argValues, prefer === undefined ? {} : { headers: { Prefer: prefer } });
        const exchange = exchanges.at(-1);
        let judgement = classify({ judge, document, operation, sdk: op, args, exchange, result });
        const crashed = result.kind === "sdk-error" && result.name === "ConnectionError" ? await prism.waitExit(2_000) : prism.exited();
        if (crashed) {
          judgement = prismCrash(op, args, exchange, judgement);
          log(`${input.id}: Prism crashed on ${name}; restarting it`);
          await prism.stop();
          prism = await startPrism(input.prismFile ?? input.file, prismLog);
          client = newClient();
        }
        calls.push({
          operation: name,
          route: `${op.method} ${op.path}`,
          ...(prefer !== undefined && { prefer }),
          ...judgement,
          ...(exchange?.response && { status: exchange.response.status }),
          ...(judgement.outcome !== "ok" && exchange && { request: { ...exchange.request, ...(exchange.request.body !== undefined && { body: exchange.request.body.slice(0, 2000) }) } }),
          ...(judgement.outcome !== "ok" && { args: Object.fromEntries(args.map((a) => [a.key, `${shown(a.value)} (${a.source})`])) }),
        });
        // A request Prism rejects (or crashes on) is rejected whatever the Prefer header: one record is enough.
        if (prefer === undefined && (crashed || (exchange !== undefined && requestViolations(exchange) !== undefined))) break;
      }
    }
  } catch (error) {
    // A Prism that will not restart: the spec's run stops here, reported rather than thrown.
    failure = `calls: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    await prism.stop();
  }
  const callMs = performance.now() - t1;
  writeFileSync(join(logs, `${input.id.replace(/[^A-Za-z0-9._-]/g, "_")}.calls.json`), `${JSON.stringify(calls, null, 2)}\n`);
  return { id: input.id, operations: operations.length, calls, prismStartMs, generateMs, callMs, ...(failure !== undefined && { error: failure }) };
}
