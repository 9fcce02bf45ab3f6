/**
 * The analyze phase: the converted model with the generator's options applied and every fact the
 * later passes read decided once: what each schema is to the whole graph (writable views, cycles,
 * the side it is met on), the client's layout, each operation's pagination, which operations are
 * kept, the secret fields, the title, webhook signature and environments.
 */
import type { ConvertedApi } from "../convert/index.js";
import type { GenerateOptions } from "../config/options.js";
import type { ApiModel } from "../model/model.js";
import type { RecordedNames } from "../model/naming.js";
import { withConfiguredServers } from "./environments.js";
import { filterOperations } from "./filter.js";
import { decidePaginations } from "./pagination/decide.js";
import { groupOperations } from "./resources.js";
import { secretPropertyNames, withSchemaFacts } from "./schema-facts.js";
import { webhookSignatureOf } from "./webhook-signature.js";

export type AnalysisOptions = Pick<GenerateOptions, "layout" | "groupBy" | "resources" | "pagination" | "include" | "exclude" | "name" | "webhookSignature" | "environments"> & {
  /** The spec as the SDK's header and README name it (see portable-paths.ts); the loaded file when absent. */
  readonly source?: string;
};

/** `recorded` is the name map the model was converted with: it pins the client's layout. */
export function analyze({ model: converted, operationObjects }: ConvertedApi, options: AnalysisOptions = {}, recorded?: RecordedNames): ApiModel {
  const model = { ...converted, schemas: withSchemaFacts(converted.schemas, converted), warnings: [] };
  // A name map pins the layout; one written before layouts existed belongs to a flat SDK.
  const layout = options.layout ?? (recorded === undefined ? "grouped" : (recorded.layout ?? "flat"));
  const laidOut = layout === "grouped" ? groupOperations(model, options, recorded) : model;
  // After the layout, so an option may name an operation by its path on the client (`pets.listPets`);
  // before filtering, so one naming a left-out operation is no warning.
  const paginated = decidePaginations(laidOut, operationObjects, options.pagination ?? {});
  const decided = { ...laidOut, operations: paginated.operations, warnings: [...converted.warnings, ...paginated.warnings, ...laidOut.warnings] };
  const filtered = options.include === undefined && options.exclude === undefined ? decided : filterOperations(decided, options);
  const named = { ...filtered, secretFields: secretPropertyNames(filtered), ...(options.source !== undefined && { source: options.source }), ...(options.name !== undefined && { title: options.name }) };
  const signed = options.webhookSignature === undefined ? named : { ...named, webhookSignature: webhookSignatureOf(options.webhookSignature) };
  return options.environments === undefined ? signed : withConfiguredServers(signed, options.environments);
}
