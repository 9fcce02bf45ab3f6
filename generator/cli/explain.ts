import type { ApiConfig } from "../config/schema.js";
import { GenError } from "../errors.js";
import { generate } from "../generate.js";
import type { Reporter } from "./reporter.js";

/**
 * `--explain-pagination`: says how each list-like operation would be paginated, and why, writing
 * nothing (a question about the spec, like `--check`; regenerating is a separate run). With
 * several APIs, each API's lines follow a line naming its spec.
 */
export async function explainApis(apis: readonly ApiConfig[], reporter: Reporter): Promise<number> {
  let failed = false;
  for (const api of apis) {
    try {
      // `out` keeps the method names recorded in the committed SDK, which the lines quote.
      const result = await generate({ ...api, onPhase: (phase) => reporter.progress(api.spec, phase) });
      for (const warning of result.warnings) reporter.warning(api.spec, warning);
      const lines = result.pagination.map(({ method, path: route, operation, style, origin, reason }) => `${method} ${route} ${operation}: ${style} [${origin}] ${reason}`);
      if (apis.length > 1) reporter.result(`${api.spec}:`);
      reporter.result(lines.length > 0 ? lines.join("\n") : "no list-like operations");
    } catch (error) {
      if (!(error instanceof GenError)) throw error;
      reporter.error(error);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}
