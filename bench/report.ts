/** Renders one run's results as markdown. */
import type { GenerationResult } from "./generation.ts";
import type { GeneratorId } from "./generators.ts";
import type { GoalCheck } from "./goals.ts";
import type { ImportResult } from "./import.ts";
import type { MachineInfo } from "./machine.ts";
import { RUNTIME_CLIENTS, type RuntimeResult } from "./runtime.ts";
import type { Spec } from "./specs.ts";
import { fmt, ratio } from "./stats.ts";
import { BUNDLE_APPS, type BundleApp, type BundleResult } from "./bundle.ts";
import type { StreamResult } from "./stream.ts";
import { STREAM_KINDS, STREAMING_CLIENTS, STREAMING_FIXTURE, type StreamingResult } from "./streaming.ts";
import type { TypecheckResult } from "./typecheck.ts";

export interface BenchResults {
  readonly machine: MachineInfo;
  readonly versions: Record<string, string>;
  readonly options: { quick: boolean; parts: string[]; runs: number; typecheckRuns: number; timeoutSec: number; command: string };
  readonly specs: readonly Spec[];
  readonly durationSec: number;
  readonly generation?: GenerationResult;
  readonly typecheck?: TypecheckResult;
  readonly runtime?: RuntimeResult;
  readonly imports?: ImportResult;
  readonly stream?: StreamResult;
  readonly streaming?: StreamingResult;
  readonly bundle?: BundleResult;
  readonly goals: GoalCheck[];
  readonly notes: string[];
}

const FORMATTER: Record<GeneratorId, string> = {
  "gen-client": "none: no separate pass",
  "gen-client-zod-mini": "none: no separate pass",
  "hey-api-zod": "none: `postProcess` off (default)",
  "orval-fetch": "none: `prettier` off (default)",
  "openapi-typescript": "none: TypeScript printer",
};

const kib = (bytes: number): string => (Number.isFinite(bytes) ? `${Math.round(bytes / 1024).toLocaleString("en-US")}` : "—");

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

export function renderMarkdown(r: BenchResults): string {
  const out: string[] = [];
  out.push(`# gen-client benchmark${r.options.quick ? " (quick)" : ""}`);
  out.push("");
  out.push(
    `Date: ${r.machine.date} · Machine: ${r.machine.cores} cores (${r.machine.cpuModel}), ${r.machine.memoryGiB} GiB memory, ${r.machine.platform} · Node ${r.machine.node} · ` +
      `command: \`${r.options.command}\` · generation runs per generator: ${r.options.runs}, tsc runs: ${r.options.typecheckRuns} (medians) · per-run timeout ${r.options.timeoutSec} s · bench took ${Math.round(r.durationSec)} s`,
  );
  out.push("");
  out.push(
    `Load average (1 min): ${r.machine.loadAtStart} at start, ${r.machine.loadAtEnd} at end${Math.max(r.machine.loadAtStart, r.machine.loadAtEnd) > r.machine.cores / 2 ? ` — **the machine was busy with other work during this run** (${r.machine.cores} cores): wall times are inflated and noisy; CPU times and same-run ratios (generators alternate) are less affected` : ""}.`,
  );
  out.push("");
  out.push("CPU = user + system seconds of the whole process tree (GNU time); peak RSS = the largest process's maximum resident set. Ratios are gen-client ÷ peer; lower is better.");
  out.push("");
  out.push("## Versions");
  out.push("");
  out.push(table(["tool", "version"], Object.entries(r.versions).map(([k, v]) => [k, v])));
  out.push("");
  out.push("Specs: " + r.specs.map((s) => `${s.title} (${s.source}, ${kib(s.bytes)} KiB)`).join("; "));
  out.push("");

  out.push("## Goals");
  out.push("");
  out.push(
    table(
      ["goal", "target", "measured", "result", "detail"],
      r.goals.map((g) => [
        g.goal,
        g.target,
        Number.isFinite(g.value) ? `${g.value.toFixed(g.unit === "×" ? 2 : 1)}${g.unit === "×" ? "×" : ` ${g.unit}`}` : "—",
        g.pass === null ? "NOT MEASURED" : g.pass ? "PASS" : "**FAIL**",
        g.detail,
      ]),
    ),
  );
  out.push("");

  if (r.generation !== undefined) {
    out.push("## Generation");
    out.push("");
    out.push("Formatter share: gen-client has no separate formatter pass — it prints prettier-formatted code directly (its emitters lay code out with prettier's layout algorithm), so the formatter share is 0 by construction and the layout cost is inside its generation time. The peers were also run without a formatter (their defaults).");
    out.push("");
    for (const spec of r.specs) {
      const perSpec = r.generation[spec.id];
      if (perSpec === undefined) continue;
      const gc = perSpec["gen-client"];
      out.push(`### ${spec.title}`);
      out.push("");
      out.push(
        table(
          ["generator", "status", "runs", "CPU s", "wall s", "peak RSS MiB", "output .ts KiB", "files", "gen-client CPU ÷", "gen-client RSS ÷", "formatter share"],
          (Object.entries(perSpec) as [GeneratorId, NonNullable<(typeof perSpec)[GeneratorId]>][]).map(([id, g]) => [
            id,
            g.status === "ok" ? "ok" : `**${g.status}**: ${g.error ?? ""}`.slice(0, 200),
            String(g.runs),
            fmt(g.cpuSec),
            fmt(g.wallSec),
            fmt(g.peakRssMiB, 0),
            kib(g.codeBytes),
            String(g.files),
            id === "gen-client" ? "—" : fmt(ratio(gc?.cpuSec, g.cpuSec)),
            id === "gen-client" ? "—" : fmt(ratio(gc?.peakRssMiB, g.peakRssMiB)),
            FORMATTER[id],
          ]),
        ),
      );
      out.push("");
    }
  }

  if (r.typecheck !== undefined) {
    out.push("## Type-checking the generated SDKs (`tsc --noEmit`)");
    out.push("");
    out.push("Same tsconfig for every output: strict, skipLibCheck, module ESNext + Bundler resolution, lib ES2023 + DOM, no @types. openapi-typescript's output is written as `schema.ts` so that it is checked.");
    out.push("");
    for (const spec of r.specs) {
      const perSpec = r.typecheck[spec.id];
      if (perSpec === undefined) continue;
      const gc = perSpec["gen-client"];
      const notes: string[] = [];
      out.push(`### ${spec.title}`);
      out.push("");
      out.push(
        table(
          ["generator", "TS 5.9 CPU s", "wall s", "RSS MiB", "TS 7 CPU s", "wall s", "RSS MiB", "gen-client ÷ (5.9 CPU / RSS)", "gen-client ÷ (7 CPU / RSS)", "status"],
          (Object.entries(perSpec) as [GeneratorId, NonNullable<(typeof perSpec)[GeneratorId]>][]).map(([id, t]) => {
            const a = t["ts5.9"];
            const b = t.ts7;
            const status = [a, b]
              .map((x, i) => (x === undefined || x.status === "ok" ? "" : `${i === 0 ? "5.9" : "7"}: ${x.status}${x.errors > 0 ? ` (${x.errors})` : ""}`))
              .filter((s) => s !== "")
              .join("; ");
            const note = a?.note ?? b?.note;
            if (note !== undefined) notes.push(`${spec.title}, ${id}: ${note}`);
            return [
              id,
              fmt(a?.cpuSec),
              fmt(a?.wallSec),
              fmt(a?.peakRssMiB, 0),
              fmt(b?.cpuSec),
              fmt(b?.wallSec),
              fmt(b?.peakRssMiB, 0),
              id === "gen-client" ? "—" : `${fmt(ratio(gc?.["ts5.9"]?.cpuSec, a?.cpuSec))} / ${fmt(ratio(gc?.["ts5.9"]?.peakRssMiB, a?.peakRssMiB))}`,
              id === "gen-client" ? "—" : `${fmt(ratio(gc?.ts7?.cpuSec, b?.cpuSec))} / ${fmt(ratio(gc?.ts7?.peakRssMiB, b?.peakRssMiB))}`,
              status || "ok",
            ];
          }),
        ),
      );
      out.push("");
      for (const note of notes) out.push(`- ${note}`);
      if (notes.length > 0) out.push("");
    }
  }

  if (r.runtime !== undefined) {
    const rt = r.runtime;
    out.push("## Per-call overhead");
    out.push("");
    out.push(
      `\`GET /items\` returning a 100-object JSON list (bench spec in bench/perf-spec.ts), ${rt.calls} calls per round, ${rt.rounds} rounds per process after a warm-up (three rounds before the sequential ones, one before the concurrent ones), ${rt.repeats} fresh processes per client alternating; medians. Each round runs as its own job: the event loop turns between rounds, so that what undici frees only when a job ends does not pile up across rounds (see bench/runtime-child.ts). ` +
        "Wall µs/call at 16 concurrent is elapsed ÷ calls. CPU is the client process only (the loopback server runs in its own process); the per-call goals are judged on CPU µs/call — the client's own cost, which other load on the machine disturbs far less than wall time. " +
        "gen-client `validate: 'off'` and plain ky return the parsed JSON; `ky-sdk-loaded` is plain ky in a process that has also imported the gen-client SDK without calling it (a control: see the validation-off goal rows); `strict` parses it with zod; `ky-zod` is plain ky followed by the gen-client SDK's own zod validator for the response, no SDK around them (a control: the floor of a runtime over ky that validates with zod; see the validation-on goal rows); hey-api + zod is its SDK with `validator: true` (zod on requests and responses). " +
        "The last table is a second control: ky and gen-client on the stub again, in processes run with `--no-allocation-site-pretenuring`. In-process, V8 used to decide in some of the SDK's processes and not others to allocate the state records of the stub's response-body streams in old space, and a process that did cost more per call; the per-process CPU in the validation-off goal rows shows whether any still does (see the README's Performance section).",
    );
    out.push("");
    const sections = [
      ["In-process fetch stub", rt.results.stub],
      ["Loopback HTTP (node:http on 127.0.0.1)", rt.results.loopback],
      ["In-process fetch stub, V8's allocation-site pretenuring off (control)", rt.pretenuringOff],
    ] as const;
    for (const [title, figures] of sections) {
      out.push(`### ${title}`);
      out.push("");
      const rows: string[][] = [];
      for (const client of RUNTIME_CLIENTS) {
        const s = figures.sequential[client];
        const c = figures.concurrent16[client];
        if (s === undefined && c === undefined) continue;
        const kyS = figures.sequential.ky;
        const kyC = figures.concurrent16.ky;
        const hzS = figures.sequential["hey-api-zod"];
        const hzC = figures.concurrent16["hey-api-zod"];
        rows.push([
          client,
          fmt(s?.wallUs, 0),
          fmt(s?.cpuUs, 0),
          `${fmt(ratio(s?.wallUs, kyS?.wallUs))} / ${fmt(ratio(s?.wallUs, hzS?.wallUs))}`,
          fmt(c?.wallUs, 0),
          fmt(c?.cpuUs, 0),
          `${fmt(ratio(c?.wallUs, kyC?.wallUs))} / ${fmt(ratio(c?.wallUs, hzC?.wallUs))}`,
        ]);
      }
      out.push(table(["client", "sequential wall µs/call", "CPU µs/call", "÷ ky / ÷ hey-api+zod", "16 concurrent wall µs/call", "CPU µs/call", "÷ ky / ÷ hey-api+zod"], rows));
      out.push("");
    }
    for (const note of [...rt.failures, ...rt.notes]) out.push(`- ${note}`);
    if (rt.failures.length + rt.notes.length > 0) out.push("");
  }

  if (r.imports !== undefined) {
    const im = r.imports;
    out.push("## Import and client creation");
    out.push("");
    out.push(
      `Fresh \`node\` process per run (${im.runs} runs each, alternating, medians), ${im.spec} SDK compiled to JS with tsc (transpile only). "SDK ms" is measured in-process: import the SDK's index.js and create a client, after ky and zod are already imported.`,
    );
    out.push("");
    out.push(
      table(
        ["process imports", "ky + zod ms", "SDK + createClient ms", "process wall s", "process CPU s", "peak RSS MiB"],
        (Object.entries(im.figures) as [string, NonNullable<(typeof im.figures)["baseline"]>][]).map(([k, v]) => [
          k === "baseline" ? "ky + zod only" : `ky + zod + ${k} SDK`,
          fmt(v.kyZodMs, 1),
          k === "baseline" ? "—" : fmt(v.sdkMs, 1),
          fmt(v.processWallSec),
          fmt(v.processCpuSec),
          fmt(v.peakRssMiB, 0),
        ]),
      ),
    );
    out.push("");
    for (const note of im.failures) out.push(`- ${note}`);
    if (im.failures.length > 0) out.push("");
  }

  if (r.stream !== undefined) {
    const st = r.stream;
    out.push("## Streaming a binary download");
    out.push("");
    out.push(
      `${st.sizeMiB} MiB of application/octet-stream from the loopback server (own process), read chunk by chunk from the SDK's returned Response; ${st.runs} fresh processes per mode, medians. Added peak RSS = peak RSS during the download − RSS just before it (after a 1 MiB warm-up and a GC).`,
    );
    out.push("");
    out.push(
      table(
        ["mode", "added peak RSS MiB", "peak RSS MiB", "seconds"],
        (Object.entries(st.figures) as [string, NonNullable<(typeof st.figures)["fetch"]>][]).map(([k, v]) => [
          k === "gen-client" ? "gen-client SDK, streamed" : k === "fetch" ? "plain fetch, streamed (floor)" : "gen-client SDK, arrayBuffer() (control)",
          fmt(v.deltaMiB, 1),
          fmt(v.peakRssMiB, 0),
          fmt(v.seconds),
        ]),
      ),
    );
    out.push("");
    for (const note of st.failures) out.push(`- ${note}`);
    if (st.failures.length > 0) out.push("");
  }

  if (r.streaming !== undefined) out.push(...streamingSection(r.streaming));
  if (r.bundle !== undefined) out.push(...bundleSection(r.bundle));

  if (r.notes.length > 0) {
    out.push("## Notes");
    out.push("");
    for (const note of r.notes) out.push(`- ${note}`);
    out.push("");
  }
  return out.join("\n");
}

const STREAMING_LABELS: Record<string, string> = {
  "gen-client-off": 'gen-client, `validate: "off"`',
  "gen-client-strict": 'gen-client, `validate: "strict"`',
  openai: "openai-node",
  fetch: "plain fetch, counting line ends (floor)",
};

function streamingSection(s: StreamingResult): string[] {
  const out: string[] = ["## Streaming: SSE and JSON Lines vs openai-node", ""];
  out.push(
    `The SDK generated from ${STREAMING_FIXTURE} and openai-node read the same streams from a node:http server on 127.0.0.1 in its own process: ${s.items.toLocaleString("en-US")} small chat-completion chunks as Server-Sent Events (then \`data: [DONE]\`), and ${s.items.toLocaleString("en-US")} records as JSON Lines. ` +
      "openai-node reads the SSE stream through its own client (`chat.completions.create({ stream: true })`, which returns its `Stream`) and the JSON Lines through `Stream.fromReadableStream` over a plain fetch; neither validates. " +
      `Fresh process per (client, stream), ${s.repeats} alternating; each reads a warm-up stream, then ${s.rounds} streams one after the other; medians over the streams, then over the processes. CPU is the client process's own (process.cpuUsage, user + system) ÷ items; items/s is wall time, which the server and the machine's other work share (its ratio: higher is better).`,
  );
  out.push("");
  const rows: string[][] = [];
  for (const kind of STREAM_KINDS) {
    const openai = s.figures[kind].openai;
    for (const client of STREAMING_CLIENTS) {
      const x = s.figures[kind][client];
      if (x === undefined) continue;
      rows.push([
        kind === "sse" ? "SSE" : "JSON Lines",
        STREAMING_LABELS[client] ?? client,
        fmt(x.cpuUsPerItem),
        client === "openai" ? "—" : fmt(ratio(x.cpuUsPerItem, openai?.cpuUsPerItem)),
        Math.round(x.itemsPerSec).toLocaleString("en-US"),
        client === "openai" ? "—" : fmt(ratio(x.itemsPerSec, openai?.itemsPerSec)),
      ]);
    }
  }
  out.push(table(["stream", "client", "CPU µs/item", "÷ openai-node", "items/s", "÷ openai-node"], rows));
  out.push("");
  out.push(
    `Memory: one ${s.rssMiB} MiB JSON Lines stream that the server makes up as it writes (nothing on disk), read by a fresh process; added peak RSS = peak RSS while reading (sampled every 5 ms, and the process's max RSS) − RSS just before (after a 4 MiB warm-up stream and a GC).`,
  );
  out.push("");
  out.push(
    table(
      ["reader", "items", "seconds", "added peak RSS MiB", "peak RSS MiB"],
      Object.entries(s.rss).map(([client, x]) => [
        client === "gen-client-strict" ? "gen-client SDK, `validate: \"strict\"` (default)" : (STREAMING_LABELS[client] ?? client),
        x.items.toLocaleString("en-US"),
        fmt(x.seconds, 1),
        fmt(x.deltaMiB, 1),
        fmt(x.peakRssMiB, 0),
      ]),
    ),
  );
  out.push("");
  for (const note of s.failures) out.push(`- ${note}`);
  if (s.failures.length > 0) out.push("");
  return out;
}

function bundleSection(b: BundleResult): string[] {
  const out: string[] = ["## Bundle size: browser apps calling GitHub operations", ""];
  out.push(
    `esbuild ${b.esbuild} (\`--bundle --minify --format=esm --platform=browser\`, and with \`--splitting\`) over a small app (bench/bundle-apps/, one template per SDK shape) that makes a client and calls one GitHub operation (\`${b.ops[0] ?? ""}\`) or ten (${b.ops.map((op) => `\`${op}\``).join(", ")}). ` +
      "KB = 1,000 bytes; gz = zlib level 9 (as `gzip -9`) of each output file, summed. With splitting, \"initial\" is the entry and the chunks it imports statically, \"total\" every file. Ratios are ÷ hey-api + zod in the same column; lower is better. ky and zod come from gen-client's own node_modules.",
  );
  out.push("");
  const k = (bytes: number | undefined): string => fmt(bytes === undefined ? undefined : bytes / 1000, 1);
  for (const app of Object.keys(BUNDLE_APPS) as BundleApp[]) {
    const figures = b.figures[app];
    const hey = figures["hey-api-zod"];
    out.push(`### ${app === "one" ? "One operation" : "Ten operations"}`);
    out.push("");
    out.push(
      table(
        ["SDK", "one file min KB", "gz KB", "÷ hey-api+zod (gz)", "split initial min KB", "gz KB", "÷", "split total min KB", "gz KB", "÷", "files"],
        b.sdks.flatMap(({ id, label }) => {
          const x = figures[id];
          if (x === undefined) return [];
          return [
            [
              label,
              k(x.oneFile.minBytes),
              k(x.oneFile.gzipBytes),
              fmt(ratio(x.oneFile.gzipBytes, hey?.oneFile.gzipBytes)),
              k(x.splitInitial.minBytes),
              k(x.splitInitial.gzipBytes),
              fmt(ratio(x.splitInitial.gzipBytes, hey?.splitInitial.gzipBytes)),
              k(x.splitTotal.minBytes),
              k(x.splitTotal.gzipBytes),
              fmt(ratio(x.splitTotal.gzipBytes, hey?.splitTotal.gzipBytes)),
              String(x.chunks),
            ],
          ];
        }),
      ),
    );
    out.push("");
  }
  for (const note of b.failures) out.push(`- ${note}`);
  if (b.failures.length > 0) out.push("");
  return out;
}
