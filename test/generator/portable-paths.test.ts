import path from "node:path";
import { describe, expect, it } from "vitest";
import { sdkFolderName, specLabel } from "../../generator/portable-paths.js";

describe("specLabel", () => {
  it("names a file relative to the SDK's folder, whether its path was given absolute or relative", () => {
    const spec = path.resolve("specs/petstore.yaml");
    expect(specLabel(spec, "src/sdk/petstore")).toBe("../../../specs/petstore.yaml");
    expect(specLabel("specs/petstore.yaml", path.resolve("src/sdk/petstore"))).toBe("../../../specs/petstore.yaml");
  });

  it("names a file relative to the working directory when there is no SDK folder", () => {
    expect(specLabel(path.resolve("specs/petstore.yaml"), undefined)).toBe("specs/petstore.yaml");
  });

  it("names a URL without its credentials, query or fragment", () => {
    expect(specLabel("https://user:secret@api.example.com/specs/openapi.yaml?token=abc#x", "sdk")).toBe("https://api.example.com/specs/openapi.yaml");
  });
});

describe("sdkFolderName", () => {
  it("is the output folder's name, or sdk without one", () => {
    expect(sdkFolderName(path.resolve("src/github"))).toBe("github");
    expect(sdkFolderName("src/github/")).toBe("github");
    expect(sdkFolderName(undefined)).toBe("sdk");
  });
});
