/** SDKs generated before the tests run (see test/global-setup.ts), by folder name → fixture. */
export const E2E_SDKS: Readonly<Record<string, string>> = {
  petstore: "petstore.yaml",
  composition: "composition.yaml",
};
