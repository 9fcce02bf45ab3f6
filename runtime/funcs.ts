/**
 * Per-operation functions over a `ClientCore`: what an SDK's funcs.ts exports. Each carries
 * its own operation's spec (and validators), so an app bundles only the operations it imports.
 * Paginated ones are in paginated-funcs.ts: an app that walks no pages bundles no walker.
 */
import { builtOnce } from "./built-once.js";
import type { ClientCore } from "./core.js";
import { createEndpoint, isDeclaredError, type OptionalArgsEndpoint } from "./endpoint.js";
import type { ApiError } from "./errors/api-error.js";
import type { LazyOperationSpec, LazyValidator, OperationSpec, ParamSpec, ResponseSpec } from "./operation.js";
import type { CallOptions } from "./options.js";
import type { ApiResponse } from "./response/api-response.js";

/**
 * One operation, called with a core: `await reposGet(core, { owner, repo })` returns the response
 * body; it rejects with `E` for the API's declared errors, and with `TimeoutError`,
 * `ConnectionError`, `ResponseValidationError`, … otherwise.
 */
export interface OperationFunc<A, R, E extends ApiError = ApiError> {
  (core: ClientCore, args: A, options?: CallOptions): Promise<R>;
  /** The result together with the status, headers and `Response` it came from. */
  withResponse(core: ClientCore, args: A, options?: CallOptions): Promise<ApiResponse<R>>;
  /** Whether `error` is one of this operation's declared error responses: narrows it to `E`. */
  isError(error: unknown): error is E;
}

/** An `OperationFunc` whose arguments are all optional, so `args` may be left out. */
export interface OptionalArgsOperationFunc<A, R, E extends ApiError = ApiError> extends OperationFunc<A, R, E> {
  (core: ClientCore, args?: A, options?: CallOptions): Promise<R>;
  withResponse(core: ClientCore, args?: A, options?: CallOptions): Promise<ApiResponse<R>>;
}

/**
 * The validators of one operation's spec, apart from it so that an app that does not validate
 * need not bundle them: parameters by their `args` key, the body, responses by status.
 */
export interface OperationValidators {
  readonly params?: Readonly<Record<string, LazyValidator>>;
  readonly body?: LazyValidator;
  readonly responses?: Readonly<Record<string, LazyValidator>>;
}

/**
 * Makes the function of an operation. Its type `F` is the generated declaration's, inferred from
 * it: checking one `OperationFunc` against another per operation would double what tsc spends on a
 * big SDK's funcs.ts. Without `validators`, nothing of the operation is validated (the spec's own
 * validators, which `createClient` loads, are left out).
 */
export function operationFunc<F>(spec: LazyOperationSpec, validators?: OperationValidators): F {
  return funcOver(validatedSpec(spec, validators)).func as F;
}

/** The operation's spec with `validators`, built on first use. */
export function validatedSpec(spec: LazyOperationSpec, validators: OperationValidators | undefined): () => OperationSpec {
  return () => withValidators(builtOnce(spec), validators);
}

/** The function of an operation, and its endpoint over each core (made on its first call there). */
export function funcOver(operation: () => OperationSpec): {
  readonly func: OptionalArgsOperationFunc<object, never, never>;
  readonly endpoint: (core: ClientCore) => OptionalArgsEndpoint<object, never, never>;
} {
  const endpoints = new WeakMap<ClientCore, OptionalArgsEndpoint<object, never, never>>();
  const endpoint = (core: ClientCore): OptionalArgsEndpoint<object, never, never> => {
    let made = endpoints.get(core);
    if (made === undefined) {
      made = createEndpoint<object, never, never>(core.call, operation);
      endpoints.set(core, made);
    }
    return made;
  };
  const func = (core: ClientCore, args?: object, options?: CallOptions): Promise<never> => endpoint(core)(args, options);
  const withResponse = (core: ClientCore, args?: object, options?: CallOptions): Promise<ApiResponse<never>> => endpoint(core).withResponse(args, options);
  return { func: Object.assign(func, { withResponse, isError: (error: unknown): error is never => isDeclaredError(operation, error) }), endpoint };
}

/** The spec with `validators` in place of its own (which refer to modules `createClient` loads on demand). */
function withValidators(spec: OperationSpec, validators: OperationValidators | undefined): OperationSpec {
  const params = spec.params.map((param): ParamSpec => {
    const { schema: _unused, ...rest } = param;
    const schema = validators?.params?.[param.key ?? param.name];
    return schema === undefined ? rest : { ...rest, schema };
  });
  const responses: Record<string, ResponseSpec> = {};
  for (const status in spec.responses) {
    const response = spec.responses[status];
    if (response === undefined) continue;
    const { schema: _unused, ...rest } = response;
    const schema = validators?.responses?.[status];
    responses[status] = schema === undefined ? rest : { ...rest, schema };
  }
  const { body: specBody, ...withoutBody } = spec;
  if (specBody === undefined) return { ...withoutBody, params, responses };
  const { schema: _unused, ...body } = specBody;
  const bodySchema = validators?.body;
  return { ...withoutBody, params, responses, body: bodySchema === undefined ? body : { ...body, schema: bodySchema } };
}
