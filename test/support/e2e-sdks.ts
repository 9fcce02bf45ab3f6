import type { GenerateOptions } from "../../generator/index.js";

/** How test/global-setup.ts generates one SDK: a fixture and the options of generate(). */
export interface E2eSdk extends Pick<GenerateOptions, "strict" | "validate" | "dates" | "zod" | "layout"> {
  /** A file name in fixtures/. */
  readonly spec: string;
}

/**
 * SDKs generated before the tests run (see test/global-setup.ts), by folder name. Petstore's, and
 * those whose operations all stay on the client, have the default grouped layout; the SDKs that
 * tests of other features call method by method are flat.
 */
export const E2E_SDKS: Readonly<Record<string, E2eSdk>> = {
  petstore: { spec: "petstore.yaml" },
  "petstore-strict": { spec: "petstore.yaml", strict: true },
  "petstore-warn": { spec: "petstore.yaml", validate: "warn" },
  "petstore-off": { spec: "petstore.yaml", validate: "off" },
  "petstore-dates": { spec: "petstore.yaml", dates: "date" },
  "petstore-mini": { spec: "petstore.yaml", zod: "mini" },
  "petstore-dates-mini": { spec: "petstore.yaml", dates: "date", zod: "mini" },
  composition: { spec: "composition.yaml", layout: "flat" },
  "composition-strict": { spec: "composition.yaml", layout: "flat", strict: true },
  pagination: { spec: "pagination.yaml" },
  parameters: { spec: "parameters.yaml", layout: "flat" },
  "runtime-policies": { spec: "runtime-policies.yaml", layout: "flat" },
  streaming: { spec: "streaming31.yaml" },
  "streaming-dates": { spec: "streaming31.yaml", dates: "date" },
  feeds32: { spec: "openapi32.yaml", layout: "flat" },
  webhooks: { spec: "webhooks.yaml" },
  "webhooks-mini": { spec: "webhooks.yaml", zod: "mini" },
  environments: { spec: "environments.yaml" },
};
