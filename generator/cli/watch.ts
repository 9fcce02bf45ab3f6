import { watch, type FSWatcher } from "node:fs";
import path from "node:path";
import type { ApiConfig } from "../config/schema.js";
import { GenError } from "../errors.js";
import { isUrl } from "../load/bundle.js";
import { generateApi, type RunFlags } from "./generate-api.js";
import type { Reporter } from "./reporter.js";

/** Editors save in bursts (write, chmod, rename): one regeneration per burst. */
const DEBOUNCE_MS = 100;

interface Watched {
  readonly api: ApiConfig;
  /** Absolute paths of the spec's files as of the last good run. */
  sources: readonly string[];
  timer: NodeJS.Timeout | undefined;
  running: Promise<void> | undefined;
  again: boolean;
}

/**
 * Regenerates each API whenever one of its spec's files changes, until SIGINT or SIGTERM. The
 * folders holding the files are watched rather than the files, so an editor that saves by
 * writing a new file and renaming it over the old one is still seen. A spec edit that does not
 * load prints the error and leaves the last good SDK in place.
 */
export async function watchApis(apis: readonly ApiConfig[], flags: RunFlags, reporter: Reporter): Promise<number> {
  const states = apis.map((api): Watched => ({ api, sources: isUrl(api.spec) ? [] : [path.resolve(api.spec)], timer: undefined, running: undefined, again: false }));
  const watchers = new Map<string, FSWatcher>();

  const rewatch = () => {
    const dirs = new Set(states.flatMap((state) => state.sources.map((file) => path.dirname(file))));
    for (const [dir, watcher] of watchers) {
      if (!dirs.has(dir)) {
        watcher.close();
        watchers.delete(dir);
      }
    }
    for (const dir of dirs) {
      if (watchers.has(dir)) continue;
      try {
        watchers.set(dir, watch(dir, (_event, name) => name !== null && changed(path.join(dir, name))));
      } catch (error) {
        reporter.error(new GenError("file-unreadable", `cannot watch ${path.relative(process.cwd(), dir) || "."} (${(error as NodeJS.ErrnoException).code ?? "unknown error"})`, { file: dir }));
      }
    }
  };

  const run = async (state: Watched) => {
    try {
      const result = await generateApi(state.api, flags, reporter);
      state.sources = result.sources;
    } catch (error) {
      if (error instanceof GenError) reporter.error(error);
      else reporter.internalError(error);
      reporter.info(`gen-client: ${state.api.out} keeps its last good output`);
    }
    rewatch();
  };

  const schedule = (state: Watched) => {
    clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      if (state.running) {
        state.again = true;
        return;
      }
      state.running = run(state).finally(() => {
        state.running = undefined;
        if (state.again) {
          state.again = false;
          schedule(state);
        }
      });
    }, DEBOUNCE_MS);
  };

  const changed = (file: string) => {
    for (const state of states) if (state.sources.includes(file)) schedule(state);
  };

  for (const state of states) {
    if (isUrl(state.api.spec)) reporter.info(`gen-client: ${state.api.spec} is a URL: it is generated once, not watched`);
    await run(state);
  }
  reporter.info("gen-client: watching for spec changes (Ctrl-C to stop)");
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  for (const watcher of watchers.values()) watcher.close();
  for (const state of states) clearTimeout(state.timer);
  return 0;
}
