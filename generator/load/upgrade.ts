import { GenError } from "../errors.js";

/**
 * Swagger 2.0 → OpenAPI 3.0 with swagger2openapi, the converter APIs.guru used for its whole
 * collection. `patch` lets it repair the small errors real 2.0 specs are full of.
 */
export async function upgradeSwagger2(document: object, file: string): Promise<Record<string, unknown>> {
  // Loaded for 2.0 specs only: it takes longer to load than any other dependency (~70 ms CPU).
  const { default: swagger2openapi } = await import("swagger2openapi");
  try {
    const { openapi } = await swagger2openapi.convertObj(document as Parameters<typeof swagger2openapi.convertObj>[0], {
      patch: true,
      warnOnly: true,
      resolve: false,
      direct: false,
    });
    return openapi as unknown as Record<string, unknown>;
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new GenError("invalid-document", `cannot convert this Swagger 2.0 document: ${message}`, { file });
  }
}
