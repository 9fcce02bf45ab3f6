/** SDKs generated before the tests run (see test/global-setup.ts), by folder name. */
export const E2E_SDKS: Readonly<Record<string, { readonly spec: string; readonly strict?: boolean }>> = {
  petstore: { spec: "petstore.yaml" },
  "petstore-strict": { spec: "petstore.yaml", strict: true },
  composition: { spec: "composition.yaml" },
  "composition-strict": { spec: "composition.yaml", strict: true },
  pagination: { spec: "pagination.yaml" },
  parameters: { spec: "parameters.yaml" },
  "runtime-policies": { spec: "runtime-policies.yaml" },
};
