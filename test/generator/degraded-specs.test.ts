import path from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../../generator/index.js";
import { fixturePath, repoRoot } from "../support/sdk.js";

describe("a spec broken in a way the SDK can do without", () => {
  it("generates a oneOf whose discriminator mapping names a schema that does not exist, warning with the entry's pointer", async () => {
    const result = await generate({ spec: path.relative(repoRoot, fixturePath("composition.yaml")) });
    expect(result.warnings).toEqual([
      {
        code: "ignored",
        message: 'discriminator mapping "A": "#/components/schemas/models/records.yml#/ARecord" does not resolve; the entry is ignored',
        pointer: "#/components/schemas/DnsRecord/discriminator/mapping/A",
      },
    ]);
    const types = result.files.find((file) => file.path === "types.ts")?.contents;
    expect(types).toContain('export type DnsRecord = ARecord | MxRecord | UnlistedVariant<"type">;');
  });
});
