import type { ApiConfig } from "../config/schema.js";
import { GenError } from "../errors.js";
import { generate } from "../generate.js";
import type { Reporter } from "./reporter.js";

/**
 * `--explain-pagination`: says how each list-like operation would be paginated, and why, writing
 * nothing (a question about the spec, like `--check`; regenerating is a separate run). With
 * several APIs, each API's lines follow a line naming its spec. `--explain-streaming` says the
 * same of each streaming response: its media type and where its item schema came from.
 */
export async function explainApis(apis: readonly ApiConfig[], reporter: Reporter, topic: "pagination" | "streaming" = "pagination"): Promise<number> {
  let failed = false;
  for (const api of apis) {
    try {
      // `out` keeps the method names recorded in the committed SDK, which the lines quote.
      const result = await generate({ ...api, onPhase: (phase) => reporter.progress(api.spec, phase) });
      for (const warning of result.warnings) reporter.warning(api.spec, warning);
      const lines =
        topic === "pagination"
          ? result.pagination.map(({ method, path: route, operation, style, origin, reason }) => `${method} ${route} ${operation}: ${style} [${origin}] ${reason}`)
          : result.streaming.map(({ method, path: route, operation, status, mediaType, reason }) => `${method} ${route} ${operation}: ${status} ${mediaType}: ${reason}`);
      if (apis.length > 1) reporter.result(`${api.spec}:`);
      reporter.result(lines.length > 0 ? lines.join("\n") : topic === "pagination" ? "no list-like operations" : "no streaming responses");
    } catch (error) {
      if (!(error instanceof GenError)) throw error;
      reporter.error(error);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}
