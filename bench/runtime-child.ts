/**
 * One fresh process per (client, transport): warms up, then times rounds of `GET /items` calls
 * (100-object JSON list) sequentially and 16 at a time, each round its own job (see `endJob`),
 * and prints one JSON line with the median wall and CPU microseconds per call of each. Run by runtime.ts:
 *   node bench/runtime-child.ts <client> <stub|loopback> <port> <calls> <rounds>
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { COMPILED_DIR } from "./paths.ts";
import { itemsBody } from "./perf-spec.ts";
import { median } from "./stats.ts";

type Call = () => Promise<unknown>;

const [clientId = "", transport = "stub", portText = "0", callsText = "1000", roundsText = "5"] = process.argv.slice(2);
const calls = Number(callsText);
const rounds = Number(roundsText);
const base = transport === "stub" ? "http://bench.invalid" : `http://127.0.0.1:${portText}`;
const body = itemsBody(100);

/** The in-process fetch: answers every request at once with the same JSON list. */
const stubFetch = (_input: Request | string | URL, _init?: RequestInit): Promise<Response> =>
  Promise.resolve(new Response(body, { status: 200, headers: { "content-type": "application/json" } }));

const fetchImpl: typeof fetch | undefined = transport === "stub" ? (stubFetch as typeof fetch) : undefined;

async function importCompiled(name: string, file: string): Promise<Record<string, unknown>> {
  return (await import(pathToFileURL(join(COMPILED_DIR, name, file)).href)) as Record<string, unknown>;
}

interface HeyApiClient {
  setConfig(config: Record<string, unknown>): unknown;
}

async function makeCall(id: string): Promise<Call> {
  const url = `${base}/items`;
  switch (id) {
    case "fetch": {
      const f = fetchImpl ?? globalThis.fetch;
      return async () => {
        const response = await f(url);
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      };
    }
    case "ky":
    case "ky-sdk-loaded":
    case "ky-zod": {
      // The control: the same ky calls in a process that has imported the gen-client SDK (and with
      // it zod) and never calls it. Loading modules changes how much V8's young-generation GC
      // keeps, which moves ky's own per-call CPU; this separates that from the SDK's per-call work.
      if (id === "ky-sdk-loaded") await importCompiled("perf-gen-client", "index.js");
      const { default: ky } = await import("ky");
      const api = fetchImpl === undefined ? ky.create({}) : ky.create({ fetch: fetchImpl });
      if (id !== "ky-zod") return () => api.get(url).json();
      // The floor of a runtime over ky that validates with zod: ky's call, then the gen-client
      // SDK's own validator for the response, and nothing else.
      const schemas = await importCompiled("perf-gen-client", "schemas.js");
      const schema = schemas["ListItemsResponseSchema"] as { parse(value: unknown): unknown };
      return async () => schema.parse(await api.get(url).json());
    }
    case "gen-client-off":
    case "gen-client-strict": {
      const sdk = await importCompiled("perf-gen-client", "index.js");
      const createClient = sdk["createClient"] as (options: Record<string, unknown>) => { listItems: Call };
      const api = createClient({
        baseUrl: base,
        validate: id === "gen-client-off" ? "off" : "strict",
        ...(fetchImpl === undefined ? {} : { fetch: fetchImpl }),
      });
      return () => api.listItems();
    }
    case "hey-api":
    case "hey-api-zod": {
      const name = id === "hey-api" ? "perf-hey-api" : "perf-hey-api-zod";
      const { client } = (await importCompiled(name, "client.gen.js")) as unknown as { client: HeyApiClient };
      const sdk = await importCompiled(name, "sdk.gen.js");
      client.setConfig({ baseUrl: base, ...(fetchImpl === undefined ? {} : { fetch: fetchImpl }) });
      const listItems = sdk["listItems"] as (options: Record<string, unknown>) => Promise<{ data: unknown }>;
      return async () => (await listItems({ throwOnError: true })).data;
    }
    default:
      throw new Error(`unknown client ${id}`);
  }
}

async function runRound(call: Call, count: number, concurrency: number): Promise<{ wallUs: number; cpuUs: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  if (concurrency === 1) {
    for (let i = 0; i < count; i++) await call();
  } else {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < count) {
        next++;
        await call();
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  }
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { wallUs: (wall * 1000) / count, cpuUs: (cpu.user + cpu.system) / count };
}

const call = await makeCall(clientId);
// Check the answer once: 100 items.
const first = await call();
if (!Array.isArray(first) || first.length !== 100) throw new Error(`${clientId}: unexpected answer`);
const result: Record<string, { wallUs: number; cpuUs: number }> = {};
/**
 * Lets the event loop turn. With the stub, a round of calls never leaves the microtask queue, so it
 * is one job from start to end, and what is only freed once a job ends piles up. undici holds
 * each Request's AbortController in a WeakRef, which keeps it alive until the job ends, and
 * releases its FinalizationRegistry entry (an AbortSignal and a listener) only from a task. A ky
 * call makes two Requests: after 5,500 calls in one job, 11,001 AbortControllers and 16,501
 * AbortSignals were alive. Measured that way, a round cost more the more calls came before it.
 * Ending the job between rounds, as a program's event loop does between tasks, measures each
 * round alike.
 */
const endJob = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

// Warm-up: in the first mode, three rounds' worth, which is where the per-round figures stopped falling.
for (const [concurrency, warmUpRounds] of [[1, 3], [16, 1]] as const) {
  for (let r = 0; r < warmUpRounds; r++) {
    await endJob();
    await runRound(call, calls, concurrency);
  }
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < rounds; r++) {
    await endJob();
    const round = await runRound(call, calls, concurrency);
    wall.push(round.wallUs);
    cpu.push(round.cpuUs);
  }
  result[concurrency === 1 ? "sequential" : "concurrent16"] = { wallUs: median(wall), cpuUs: median(cpu) };
}
process.stdout.write(`${JSON.stringify({ client: clientId, transport, ...result })}\n`);
