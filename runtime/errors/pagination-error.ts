import { brand, SdkError } from "./sdk-error.js";

export interface PaginationErrorInit {
  /** The operation's id, e.g. `listPets`. */
  readonly operation: string;
  /** The position of the page the walk was at when it failed: 0 for the first page. */
  readonly page: number;
  readonly message: string;
}

/**
 * A page cannot be walked past: its body has no items array where the operation says, or its
 * next-page URL leads outside the client's `baseUrl` (it is not followed, so credentials never
 * leave the API). Errors of the page requests themselves (`ApiError`, `TimeoutError`, …) are
 * thrown as they are.
 */
export class PaginationError extends SdkError {
  static {
    brand(this, "PaginationError");
  }

  override readonly name = "PaginationError";
  readonly operation: string;
  readonly page: number;

  constructor(init: PaginationErrorInit) {
    super(`${init.operation}, page ${init.page + 1}: ${init.message}`);
    this.operation = init.operation;
    this.page = init.page;
  }
}
