/**
 * How much of an SDK an app bundles: esbuild (`--bundle --minify --format=esm --platform=browser`)
 * then gzip -9, the way a browser app ships it. Used by the tree-shaking tests, and reusable by
 * the bench: `bundleSize({ dir, app })` with the app's source, written beside the SDK folder
 * (e.g. `import { reposGet } from "./sdk/funcs.js"`).
 *
 * With `splitting`, `initialBytes` counts what loads first (the entry chunk and the chunks it
 * imports statically); lazily imported chunks only count in `totalBytes`.
 */
import { build, type Metafile } from "esbuild";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

export interface BundleRequest {
  /** The folder the app's module is written to; its imports are resolved from there (e.g. `./sdk/funcs.js`). */
  readonly dir: string;
  /** The app's source (an ES module). */
  readonly app: string;
  readonly splitting?: boolean;
}

export interface BundleSize {
  /** Minified then gzip -9, in bytes: everything that loads first. */
  readonly initialBytes: number;
  /** Every chunk, lazy ones included (equal to `initialBytes` without splitting). */
  readonly totalBytes: number;
  /** The source files that contributed bytes to any chunk, relative to `dir`, with `/` separators. */
  readonly inputs: readonly string[];
  readonly metafile: Metafile;
  /** The minified code of every chunk, to look for what made it in. */
  readonly code: string;
}

export async function bundleSize({ dir, app, splitting = false }: BundleRequest): Promise<BundleSize> {
  const entry = path.join(dir, `.bundle-app-${process.pid}-${Date.now()}.ts`);
  const outdir = await mkdtemp(path.join(dir, ".bundle-out-"));
  await writeFile(entry, app);
  try {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      splitting,
      outdir,
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const gzipped = new Map(result.outputFiles.map((file) => [path.relative(process.cwd(), file.path).split(path.sep).join("/"), gzipSync(file.contents, { level: 9 }).length]));
    const outputs = result.metafile.outputs;
    const entryOutput = Object.keys(outputs).find((name) => outputs[name]?.entryPoint !== undefined);
    const initial = new Set<string>();
    const visit = (name: string): void => {
      if (initial.has(name)) return;
      initial.add(name);
      for (const imported of outputs[name]?.imports ?? []) if (imported.kind === "import-statement") visit(imported.path);
    };
    if (entryOutput !== undefined) visit(entryOutput);
    const sum = (names: Iterable<string>): number => [...names].reduce((total, name) => total + (gzipped.get(name) ?? 0), 0);
    // What made it into a chunk: esbuild lists every file it read, tree-shaken ones with no bytes.
    const kept = new Set(Object.values(outputs).flatMap((output) => Object.keys(output.inputs).filter((input) => (output.inputs[input]?.bytesInOutput ?? 0) > 0)));
    const inputs = [...kept].map((input) => path.relative(dir, path.resolve(process.cwd(), input)).split(path.sep).join("/"));
    const code = result.outputFiles.map((file) => file.text).join("\n");
    return { initialBytes: sum(initial), totalBytes: sum(gzipped.keys()), inputs: inputs.sort(), metafile: result.metafile, code };
  } finally {
    await rm(entry, { force: true });
    await rm(outdir, { recursive: true, force: true });
  }
}

/** Bytes as the report prints them: `12.3 KB` (1 KB = 1,000 bytes). */
export function kilobytes(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} KB`;
}
