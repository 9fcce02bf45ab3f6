import { checkSdk, formatCheckReport, type CheckReport } from "../check/index.js";
import type { ApiConfig } from "../config/schema.js";
import { GenError } from "../errors.js";
import type { Reporter } from "./reporter.js";

/**
 * `--check`: compares each API's committed SDK with what the spec generates now, writing nothing.
 * Exits 1 when any SDK is out of date or its spec does not load. `--json` prints
 * `{ upToDate, apis: CheckReport[] }` on stdout instead of the explanation.
 */
export async function checkApis(apis: readonly ApiConfig[], json: boolean, reporter: Reporter): Promise<number> {
  const reports: CheckReport[] = [];
  let failed = false;
  for (const api of apis) {
    try {
      const report = await checkSdk({ ...api, onPhase: (phase) => reporter.progress(api.spec, phase) });
      reports.push(report);
      if (!json) reporter.result(paintHeadline(formatCheckReport(report), report.upToDate, reporter));
    } catch (error) {
      if (!(error instanceof GenError)) throw error;
      reporter.error(error);
      failed = true;
    }
  }
  const upToDate = !failed && reports.every((report) => report.upToDate);
  if (json) reporter.result(JSON.stringify({ upToDate, apis: reports }, null, 2));
  return upToDate ? 0 : 1;
}

function paintHeadline(text: string, upToDate: boolean, reporter: Reporter): string {
  const [headline = "", ...rest] = text.split("\n");
  return [reporter.paint(upToDate ? "green" : "red", headline), ...rest].join("\n");
}
