import { Command, CommanderError } from "commander";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { formatWarning, GenError } from "./errors.js";
import { generate } from "./generate.js";
import { packageVersion } from "./package-files.js";
import { writeSdk } from "./write.js";

const version = packageVersion();

interface CliOptions {
  readonly out?: string;
  readonly name?: string;
  readonly strict?: boolean;
  readonly testing?: boolean;
  readonly explainPagination?: boolean;
  readonly quiet?: boolean;
}

function defaultOutDir(spec: string): string {
  return path.join("generated", path.basename(spec).replace(/\.(ya?ml|json)$/i, ""));
}

async function run(spec: string, options: CliOptions): Promise<void> {
  const started = performance.now();
  const out = options.out ?? defaultOutDir(spec);
  const result = await generate({
    spec,
    strict: options.strict === true,
    ...(options.name !== undefined && { name: options.name }),
    ...(options.testing !== undefined && { testing: options.testing }),
  });
  const written = await writeSdk(out, result.files);
  if (!options.quiet) {
    for (const warning of result.warnings) process.stderr.write(`gen-client: warning: ${formatWarning(spec, warning)}\n`);
  }
  if (options.explainPagination) {
    for (const { method, path: route, operation, style, origin, reason } of result.pagination) {
      process.stdout.write(`${method.toUpperCase()} ${route} ${operation}: ${style} [${origin}] ${reason}\n`);
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const warnings = result.warnings.length > 0 ? `, ${result.warnings.length} warning${result.warnings.length === 1 ? "" : "s"}` : "";
  const paginated = result.pagination.filter((entry) => entry.style !== "none").length;
  process.stdout.write(
    `gen-client: ${spec} → ${out}: ${result.operations} operations (${paginated} paginated), ${result.schemas} schemas, ${result.files.length} files (${written.written} written) in ${seconds} s${warnings}\n`,
  );
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command()
    .name("gen-client")
    .description("Generate a typed TypeScript client SDK (types, zod validators, ky runtime) from an OpenAPI document.")
    .version(version, "-v, --version")
    .argument("<spec>", "OpenAPI 3.0/3.1 or Swagger 2.0 document, YAML or JSON")
    .option("-o, --out <dir>", "output directory (default: generated/<spec name>)")
    .option("-n, --name <Name>", "the API's name in generated docs (default: the spec's info.title)")
    .option("--strict", "validators reject object keys and enum values the spec does not list")
    .option("--testing", "emit testing.ts, a typed mock of the API for tests (the default)")
    .option("--no-testing", "omit testing.ts")
    .option("--explain-pagination", "list each list-like operation's pagination style and why")
    .option("-q, --quiet", "print only errors and the summary line")
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) })
    .action((spec: string, options: CliOptions) => run(spec, options));
  try {
    await program.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof GenError) {
      process.stderr.write(`gen-client: error: ${error.format()}\n`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`gen-client: internal error: ${message}\nThis is a bug in gen-client ${version}; please report it with the spec that caused it.\n`);
    if (process.env.GEN_CLIENT_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 70;
  }
}
