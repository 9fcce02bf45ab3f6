/** The performance goals from the issue, checked against one run's results. */
import type { GenerationResult } from "./generation.ts";
import type { ImportResult } from "./import.ts";
import type { RuntimeResult } from "./runtime.ts";
import type { BundleResult } from "./bundle.ts";
import type { StreamResult } from "./stream.ts";
import type { StreamingResult } from "./streaming.ts";
import { ratio } from "./stats.ts";
import type { TypecheckResult } from "./typecheck.ts";

export interface GoalCheck {
  readonly goal: string;
  readonly target: string;
  /** The measured ratio or value; NaN when not measured. */
  readonly value: number;
  readonly unit: "×" | "ms" | "MiB" | "KB";
  /** null: not measured. */
  readonly pass: boolean | null;
  readonly detail: string;
}

function check(goal: string, value: number, limit: number, unit: GoalCheck["unit"], detail: string, strict = false, missing = ""): GoalCheck {
  const target = `${strict ? "<" : "≤"} ${limit}${unit === "×" ? "×" : ` ${unit}`}`;
  if (!Number.isFinite(value)) return { goal, target, value, unit, pass: null, detail: missing || "not measured" };
  return { goal, target, value, unit, pass: strict ? value < limit : value <= limit, detail };
}

const f = (n: number | undefined, d = 2): string => (n === undefined || !Number.isFinite(n) ? "—" : n.toFixed(d));

/** Per-call goals are judged on the client's CPU per call; wall per call is shown beside it. */
function callDetail(a: { cpuUs: number; wallUs: number } | undefined, b: { cpuUs: number; wallUs: number } | undefined): string {
  return `CPU ${f(a?.cpuUs, 0)} vs ${f(b?.cpuUs, 0)} µs/call; wall ${f(a?.wallUs, 0)} vs ${f(b?.wallUs, 0)} µs/call (${f(ratio(a?.wallUs, b?.wallUs))}×)`;
}

export function evaluateGoals(input: {
  generation?: GenerationResult;
  typecheck?: TypecheckResult;
  runtime?: RuntimeResult;
  imports?: ImportResult;
  stream?: StreamResult;
  streaming?: StreamingResult;
  bundle?: BundleResult;
}): GoalCheck[] {
  const goals: GoalCheck[] = [];
  const gh = input.generation?.github;
  if (input.generation !== undefined) {
    const gc = gh?.["gen-client"];
    const hey = gh?.["hey-api-zod"];
    const ota = gh?.["openapi-typescript"];
    const why = gh === undefined ? "GitHub spec not in this run" : "";
    const okOr = (x: { status: string } | undefined): string => (x === undefined ? "missing" : x.status);
    goals.push(
      check(
        "Generate GitHub SDK: CPU vs hey-api + zod",
        hey?.status === "ok" && gc?.status === "ok" ? ratio(gc.cpuSec, hey.cpuSec) : Number.NaN,
        0.25,
        "×",
        `${f(gc?.cpuSec)} s vs ${f(hey?.cpuSec)} s`,
        false,
        why || `gen-client ${okOr(gc)}, hey-api ${okOr(hey)}`,
      ),
      check(
        "Generate GitHub SDK: CPU vs openapi-typescript (types only)",
        ota?.status === "ok" && gc?.status === "ok" ? ratio(gc.cpuSec, ota.cpuSec) : Number.NaN,
        1.0,
        "×",
        `${f(gc?.cpuSec)} s vs ${f(ota?.cpuSec)} s`,
        false,
        why || `gen-client ${okOr(gc)}, openapi-typescript ${okOr(ota)}`,
      ),
      check(
        "Generate GitHub SDK: peak RSS vs hey-api + zod",
        hey?.status === "ok" && gc?.status === "ok" ? ratio(gc.peakRssMiB, hey.peakRssMiB) : Number.NaN,
        0.5,
        "×",
        `${f(gc?.peakRssMiB, 0)} MiB vs ${f(hey?.peakRssMiB, 0)} MiB`,
        false,
        why || `gen-client ${okOr(gc)}, hey-api ${okOr(hey)}`,
      ),
    );
  }
  if (input.typecheck !== undefined) {
    const t = input.typecheck.github;
    for (const tsc of ["ts5.9", "ts7"] as const) {
      const gc = t?.["gen-client"]?.[tsc];
      const hey = t?.["hey-api-zod"]?.[tsc];
      const name = tsc === "ts5.9" ? "TypeScript 5.9" : "TypeScript 7";
      const usable = (x: { status: string } | undefined): boolean => x !== undefined && (x.status === "ok" || x.status === "type errors");
      const why = t === undefined ? "GitHub spec not in this run" : `gen-client ${gc?.status ?? "missing"}, hey-api ${hey?.status ?? "missing"}`;
      goals.push(
        check(
          `tsc --noEmit GitHub SDK (${name}): CPU vs hey-api + zod`,
          usable(gc) && usable(hey) ? ratio(gc?.cpuSec, hey?.cpuSec) : Number.NaN,
          0.25,
          "×",
          `${f(gc?.cpuSec)} s vs ${f(hey?.cpuSec)} s`,
          false,
          why,
        ),
        check(
          `tsc --noEmit GitHub SDK (${name}): peak RSS vs hey-api + zod`,
          usable(gc) && usable(hey) ? ratio(gc?.peakRssMiB, hey?.peakRssMiB) : Number.NaN,
          0.5,
          "×",
          `${f(gc?.peakRssMiB, 0)} MiB vs ${f(hey?.peakRssMiB, 0)} MiB`,
          false,
          why,
        ),
      );
    }
  }
  if (input.imports !== undefined) {
    const gc = input.imports.figures["gen-client"];
    goals.push(
      check(
        "Import GitHub SDK + createClient, on top of ky + zod",
        input.imports.spec === "github" ? (gc?.sdkMs ?? Number.NaN) : Number.NaN,
        50,
        "ms",
        `in-process; whole process ${f(((gc?.processWallSec ?? Number.NaN) - (input.imports.figures.baseline?.processWallSec ?? Number.NaN)) * 1000, 0)} ms wall over the ky+zod process`,
        false,
        input.imports.spec === "github" ? "gen-client SDK not measured" : `measured on ${input.imports.spec}, not GitHub`,
      ),
    );
  }
  if (input.runtime !== undefined) {
    const runtime = input.runtime;
    const r = runtime.results;
    for (const transport of ["stub", "loopback"] as const) {
      for (const mode of ["sequential", "concurrent16"] as const) {
        const row = r[transport][mode];
        const where = `${transport === "stub" ? "in-process fetch" : "loopback"}, ${mode === "sequential" ? "sequential" : "16 concurrent"}`;
        const details = [
          callDetail(row["gen-client-off"], row.ky),
          `vs ky in a process with the SDK imported (control) ${f(ratio(row["gen-client-off"]?.cpuUs, row["ky-sdk-loaded"]?.cpuUs))}× (${f(row["ky-sdk-loaded"]?.cpuUs, 0)} µs/call)`,
        ];
        if (transport === "stub") {
          const off = runtime.pretenuringOff[mode];
          const perProcess = (key: string): string => (runtime.perProcessCpuUs[key]?.[mode] ?? []).map((us) => f(us, 0)).join(", ");
          details.push(
            `CPU µs/call of each process: gen-client ${perProcess("stub/gen-client-off")}, ky ${perProcess("stub/ky")}`,
            `both with V8's allocation-site pretenuring off (control) ${f(ratio(off["gen-client-off"]?.cpuUs, off.ky?.cpuUs))}× (${f(off["gen-client-off"]?.cpuUs, 0)} vs ${f(off.ky?.cpuUs, 0)} µs/call)`,
          );
        }
        goals.push(check(`Per call (${where}), validation off vs plain ky`, ratio(row["gen-client-off"]?.cpuUs, row.ky?.cpuUs), 1.1, "×", details.join("; ")));
      }
    }
    for (const transport of ["stub", "loopback"] as const) {
      for (const mode of ["sequential", "concurrent16"] as const) {
        const row = r[transport][mode];
        const where = `${transport === "stub" ? "in-process fetch" : "loopback"}, ${mode === "sequential" ? "sequential" : "16 concurrent"}`;
        goals.push(
          check(
            `Per call (${where}), validation on vs hey-api + zod`,
            ratio(row["gen-client-strict"]?.cpuUs, row["hey-api-zod"]?.cpuUs),
            0.75,
            "×",
            [
              callDetail(row["gen-client-strict"], row["hey-api-zod"]),
              `ky + the same zod validator, no SDK (control) ${f(ratio(row["ky-zod"]?.cpuUs, row["hey-api-zod"]?.cpuUs))}× (${f(row["ky-zod"]?.cpuUs, 0)} µs/call)`,
            ].join("; "),
          ),
        );
      }
    }
  }
  if (input.stream !== undefined) {
    const s = input.stream.figures["gen-client"];
    goals.push(
      check(
        `Stream ${input.stream.sizeMiB} MiB download through the SDK: added peak RSS`,
        s?.deltaMiB ?? Number.NaN,
        64,
        "MiB",
        `plain fetch: +${f(input.stream.figures.fetch?.deltaMiB, 1)} MiB; buffered control: +${f(input.stream.figures["gen-client-buffered"]?.deltaMiB, 1)} MiB`,
        true,
      ),
    );
  }
  if (input.streaming !== undefined) goals.push(...streamingGoals(input.streaming));
  if (input.bundle !== undefined) goals.push(...bundleGoals(input.bundle));
  return goals;
}

function streamingGoals(s: StreamingResult): GoalCheck[] {
  const sse = s.figures.sse;
  const perItem = (x: { cpuUsPerItem: number } | undefined): string => `${f(x?.cpuUsPerItem)} µs`;
  const row = (mode: "gen-client-off" | "gen-client-strict", limit: number, what: string): GoalCheck =>
    check(
      `SSE chat-completion chunks, ${what}: CPU per event vs openai-node's Stream`,
      ratio(sse[mode]?.cpuUsPerItem, sse.openai?.cpuUsPerItem),
      limit,
      "×",
      `${perItem(sse[mode])} vs ${perItem(sse.openai)} per event; ${f((sse[mode]?.itemsPerSec ?? Number.NaN) / 1000, 0)}k vs ${f((sse.openai?.itemsPerSec ?? Number.NaN) / 1000, 0)}k events/s`,
    );
  const sdk = s.rss["gen-client-strict"];
  return [
    row("gen-client-off", 1.0, "validation off"),
    row("gen-client-strict", 1.5, "validation strict"),
    check(
      `JSON Lines stream of ${s.rssMiB} MiB through the SDK: added peak RSS`,
      sdk?.deltaMiB ?? Number.NaN,
      64,
      "MiB",
      `${(sdk?.items ?? 0).toLocaleString("en-US")} items in ${f(sdk?.seconds, 1)} s; plain fetch over the same bytes: +${f(s.rss.fetch?.deltaMiB, 1)} MiB`,
      true,
    ),
  ];
}

/**
 * The bundle goals are judged on one-file bundles (no code splitting), min + gzip, for an app that
 * imports the operations it calls (funcs.ts over createClientCore): the way to pay only for what
 * one uses. Apps over `createClient`, which carries every operation, are in the table beside them.
 */
function bundleGoals(b: BundleResult): GoalCheck[] {
  const gz = (app: "one" | "ten", sdk: string): number => b.figures[app][sdk]?.oneFile.gzipBytes ?? Number.NaN;
  const kb = (bytes: number): string => `${f(bytes / 1000, 1)} KB`;
  const vsHey = (app: "one" | "ten", what: string): GoalCheck =>
    check(
      `Bundle of an app calling ${what} (funcs.ts), validation on: min+gz vs hey-api + zod`,
      ratio(gz(app, "gen-client-funcs"), gz(app, "hey-api-zod")),
      0.5,
      "×",
      `one file: ${kb(gz(app, "gen-client-funcs"))} vs ${kb(gz(app, "hey-api-zod"))}; with splitting, initial: ${kb(b.figures[app]["gen-client-funcs"]?.splitInitial.gzipBytes ?? Number.NaN)} vs ${kb(b.figures[app]["hey-api-zod"]?.splitInitial.gzipBytes ?? Number.NaN)}`,
    );
  const sdk = "gen-client-funcs-off-sdk";
  return [
    vsHey("one", "one GitHub operation"),
    check(
      "Bundle of an app calling one GitHub operation (funcs.ts), SDK generated with `--validate off`: min+gz",
      gz("one", sdk) / 1000,
      20,
      "KB",
      `one file; with splitting, initial ${kb(b.figures.one[sdk]?.splitInitial.gzipBytes ?? Number.NaN)}, total ${kb(b.figures.one[sdk]?.splitTotal.gzipBytes ?? Number.NaN)}`,
    ),
    vsHey("ten", "ten GitHub operations"),
  ];
}
