/**
 * What `generate()` reports of its decisions, for `--explain-pagination` and `--explain-streaming`.
 */
import type { ApiModel, PaginationOrigin, PaginationStyle } from "./model/model.js";
import { clientPath } from "./model/route.js";

/** One line of `--explain-pagination`: an operation the generator paginates, or considered and did not. */
export interface PaginationExplanation {
  /** The client method, e.g. `listPets`. */
  readonly operation: string;
  readonly method: string;
  readonly path: string;
  readonly style: PaginationStyle | "none";
  readonly origin: PaginationOrigin;
  readonly reason: string;
}

/** Every decision of the model, in document order; operations that are not list-like are left out. */
export function explainPagination(model: ApiModel): PaginationExplanation[] {
  return model.operations.flatMap((operation) => {
    const pagination = operation.pagination;
    if (!pagination) return [];
    const { style, origin, reason } = pagination;
    return [{ operation: clientPath(operation), method: operation.method, path: operation.path, style, origin, reason }];
  });
}

export interface StreamingExplanation {
  readonly operation: string;
  readonly method: string;
  readonly path: string;
  readonly status: string;
  readonly mediaType: string;
  readonly reason: string;
}

/** What `--explain-streaming` prints: each streaming success response, and where its items' schema came from. */
export function explainStreaming(model: ApiModel): StreamingExplanation[] {
  return model.operations.flatMap((operation) =>
    operation.responses.flatMap(({ status, content }) =>
      content?.stream === undefined
        ? []
        : [{ operation: clientPath(operation), method: operation.method, path: operation.path, status, mediaType: content.mediaType, reason: content.stream.reason }],
    ),
  );
}
