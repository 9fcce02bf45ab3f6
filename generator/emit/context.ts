import type { ApiModel, NamedSchema, Schema, SchemaMeta } from "../ir/model.js";
import { jsdocLines } from "./code/literals.js";

/**
 * A schema is printed for one side of the wire: `read` (responses: writeOnly fields dropped,
 * binary as string) or `write` (requests: readOnly fields dropped, binary as Blob).
 */
export type View = "read" | "write";

/** What every emitter needs to look up about the model. */
export class EmitContext {
  readonly model: ApiModel;
  readonly #byPointer: ReadonlyMap<string, NamedSchema>;

  constructor(model: ApiModel) {
    this.model = model;
    this.#byPointer = new Map(model.schemas.map((schema) => [schema.pointer, schema]));
  }

  named(pointer: string): NamedSchema {
    const named = this.#byPointer.get(pointer);
    if (!named) throw new Error(`internal: no named schema at ${pointer}`);
    return named;
  }

  /** The type name a reference resolves to in a view. */
  typeName(pointer: string, view: View): string {
    const named = this.named(pointer);
    return view === "write" && named.hasWritableView ? `${named.name}Writable` : named.name;
  }

  /** The view a named schema's plain name stands for. */
  mainView(named: NamedSchema): View {
    return named.requestOnly ? "write" : "read";
  }

  /** Follows refs to the schema itself (stopping at cycles). */
  resolve(schema: Schema): Schema {
    let current = schema;
    for (let hops = 0; current.kind === "ref" && hops < 32; hops++) current = this.named(current.target).schema;
    return current;
  }
}

/** Whether a property belongs to a view. */
export function inView(schema: SchemaMeta, view: View): boolean {
  return view === "read" ? schema.writeOnly !== true : schema.readOnly !== true;
}

/** JSDoc lines for a schema: title/description, then tags. */
export function schemaDoc(meta: SchemaMeta & { format?: string }, extra?: string): readonly string[] | undefined {
  const lines: string[] = [];
  const text = [meta.title, meta.description, extra].filter((t): t is string => typeof t === "string" && t.trim() !== "");
  for (const [i, paragraph] of text.entries()) {
    if (i > 0 && text[i - 1] !== meta.title) lines.push("");
    lines.push(...jsdocLines(paragraph));
  }
  if (meta.format && meta.format !== "binary") lines.push(...jsdocLines(`@format ${meta.format}`));
  if (meta.default !== undefined) lines.push(...jsdocLines(`@default ${JSON.stringify(meta.default)}`));
  if (meta.deprecated) lines.push("@deprecated");
  return lines.length > 0 ? lines : undefined;
}
