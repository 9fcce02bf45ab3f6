import { Command, CommanderError, Option } from "commander";
import type { ApiConfig } from "./config/schema.js";
import { GenError } from "./errors.js";
import { checkApis } from "./cli/check.js";
import { explainApis } from "./cli/explain.js";
import { generateApi, type RunFlags } from "./cli/generate-api.js";
import { resolveApis, type CliOptions } from "./cli/jobs.js";
import { unsupportedNodeWarning } from "./cli/node-version.js";
import { Reporter } from "./cli/reporter.js";
import { watchApis } from "./cli/watch.js";
import { packageVersion } from "./package-files.js";

const EXAMPLES = `
Examples:
  $ gen-client specs/petstore.yaml --out src/sdk/petstore   generate one SDK
  $ gen-client                                              every API in ./gen-client.config.{ts,mts,mjs,js,json}
  $ gen-client --config tools/gen-client.config.ts          a config file elsewhere (its paths are relative to it)
  $ gen-client --check                                      CI: exit 1 when a committed SDK is out of date
  $ gen-client --watch                                      regenerate whenever a spec changes

A config file lists the APIs; each takes the options of generate():
  { "apis": [{ "spec": "specs/petstore.yaml", "out": "src/sdk/petstore", "strict": true }] }
`;

export async function main(argv: readonly string[]): Promise<number> {
  let reporter = new Reporter("normal");
  let code = 0;
  const program = new Command()
    .name("gen-client")
    .description("Generate typed TypeScript client SDKs (types, zod validators, ky runtime) from OpenAPI documents.")
    .version(packageVersion(), "-v, --version")
    .argument("[spec]", "OpenAPI 3.0/3.1 or Swagger 2.0 document, YAML or JSON, path or http(s) URL; without it, the APIs of the config file")
    .option("-o, --out <dir>", "output directory (default: generated/<spec name>)")
    .option("-n, --name <Name>", "the API's name in generated docs (default: the spec's info.title)")
    .option("--strict", "validators reject object keys and enum values the spec does not list")
    .addOption(new Option("--validate <mode>", "the SDK's default response validation, used when createClient() gets none").choices(["strict", "warn", "off"]))
    .addOption(new Option("--dates <mode>", "format: date-time values as RFC 3339 strings or as Date objects (default: string)").choices(["string", "date"]))
    .addOption(new Option("--zod <api>", "write validators with classic zod or zod/mini, which bundles smaller (default: classic)").choices(["classic", "mini"]))
    .addOption(new Option("--layout <layout>", "operations in resources (api.pets.listPets) or all on the client (default: as the SDK was generated, else grouped)").choices(["grouped", "flat"]))
    .addOption(new Option("--group-by <source>", "grouped layout: take resources from tags, operationId prefixes or paths first (default: tags)").choices(["tags", "operationId", "path"]))
    .option("--runtime <dir>", "import the runtime from this shared folder (written there) instead of copying it into the SDK; `copy` for a copy (default: as the SDK was last written)")
    .option("--no-testing", "leave out testing.ts, the typed mock of the API for tests (emitted by default)")
    .option("-c, --config <file>", "config file (default: gen-client.config.* in the working directory)")
    .option("--check", "write nothing; exit 1 and explain the changes when a committed SDK is out of date with its spec or gen-client")
    .option("--json", "with --check: print the reports as JSON")
    .addOption(new Option("-w, --watch", "regenerate when a spec file changes; an invalid edit keeps the last good output").conflicts(["check"]))
    .addOption(new Option("--clean", "also delete files in the output directory that are not part of the SDK").conflicts(["check"]))
    .addOption(new Option("--explain-pagination", "write nothing; list each list-like operation's pagination style and why").conflicts(["check", "watch", "clean"]))
    .addOption(
      new Option("--explain-streaming", "write nothing; list each streaming response (SSE, JSON Lines) and where its item schema comes from").conflicts(["check", "watch", "clean", "explainPagination"]),
    )
    .addOption(new Option("--verbose", "print timings per phase and the files written and removed").conflicts(["quiet"]))
    .option("-q, --quiet", "print only errors and the summary line")
    .addHelpText("after", EXAMPLES)
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) })
    .action(async (spec: string | undefined, options: CliOptions) => {
      reporter = new Reporter(options.quiet === true ? "quiet" : options.verbose === true ? "verbose" : "normal");
      const apis = await resolveApis(spec, options);
      const flags: RunFlags = { clean: options.clean === true };
      const generates = options.check !== true && options.explainPagination !== true;
      const nodeWarning = generates ? unsupportedNodeWarning() : undefined;
      if (nodeWarning !== undefined) reporter.notice(nodeWarning);
      if (options.check === true) code = await checkApis(apis, options.json === true, reporter);
      else if (options.explainPagination === true) code = await explainApis(apis, reporter);
      else if (options.explainStreaming === true) code = await explainApis(apis, reporter, "streaming");
      else if (options.watch === true) code = await watchApis(apis, flags, reporter);
      else code = await generateAll(apis, flags, reporter);
    });
  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof GenError) {
      reporter.error(error);
      return 1;
    }
    reporter.internalError(error);
    return 70;
  }
}

/**
 * Generates every API one after another. Generation is CPU-bound on the main thread, and worker
 * threads did not pay off: four fixture APIs on 2 cores took 0.5 s in sequence and 1.3–1.6 s in
 * four workers, each of which loads the generator (prettier's printer, yaml, zod) anew.
 * A bad spec is reported and the other APIs are still generated.
 */
async function generateAll(apis: readonly ApiConfig[], flags: RunFlags, reporter: Reporter): Promise<number> {
  let failed = false;
  for (const api of apis) {
    try {
      await generateApi(api, flags, reporter);
    } catch (error) {
      if (!(error instanceof GenError) || apis.length === 1) throw error;
      reporter.error(error);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}
