import type { LazyOperationSpec } from "../operation.js";
import { builtOnce } from "../built-once.js";
import { MockError } from "./mock-error.js";
import { OperationMockState } from "./operation-mock.js";
import { readArgs } from "./read-args.js";
import { describeOperation, toResponse } from "./reply.js";
import { buildRoutes, closestRoute, matchOwnServers, matchRoute, type Route, type RouteMatch } from "./routes.js";
import type { MockApiOf, MockControls, MockOptions, MswHttp, OperationMocks } from "./types.js";

/**
 * Creates a mock of an API from its operation specs, keyed by the client's path to each method
 * (`listPets`, `pets.listPets`): the mock nests as the client does. Generated `testing.ts` files
 * call it with their `Client` type; tests use that file's `createMockApi()`.
 */
export function createMock<C>(operations: Readonly<Record<string, LazyOperationSpec>>, options: MockOptions = {}): MockApiOf<C> {
  // Routing needs every operation's method and path, so the mock builds all specs up front.
  const routes = buildRoutes(Object.fromEntries(Object.entries(operations).map(([key, operation]) => [key, builtOnce(operation)])));
  const states = new Map(routes.map((route) => [route.key, new OperationMockState(route.key, route.operation)]));
  const nested = nest(states);
  const errors: MockError[] = [];
  const base = options.baseUrl === undefined ? undefined : new URL(options.baseUrl);
  const basePath = base?.pathname.replace(/\/+$/, "");

  /**
   * A request's route, or `undefined` when it is not for this API at all. With a `baseUrl`, an
   * operation with servers of its own also matches at those (a client without `baseUrl` calls it there).
   */
  const routeOf = (request: Request): RouteMatch | undefined => {
    const url = new URL(request.url);
    if (base === undefined) return matchRoute(routes, request.method, url.pathname, undefined);
    return (url.origin === base.origin ? matchRoute(routes, request.method, url.pathname, basePath) : undefined) ?? matchOwnServers(routes, request.method, url);
  };

  /** Records a mock error so `assertAllCalled()` reports it even if the code under test caught it. */
  const fail = (error: unknown): never => {
    if (error instanceof MockError) errors.push(error);
    throw error;
  };

  const answer = async (match: RouteMatch, request: Request): Promise<Response> => {
    const state = stateOf(states, match.route);
    const args = await readArgs(match.route.operation, request.clone(), match.pathValues);
    const { reply, delay } = await state.answer(args, request);
    if (delay !== undefined && delay > 0) await wait(delay, request.signal);
    return toResponse(match.route.operation, reply);
  };

  const handle = async (request: Request): Promise<Response> => {
    const match = routeOf(request);
    if (match === undefined) return fail(unmatched(routes, request, basePath));
    try {
      return await answer(match, request);
    } catch (error) {
      return fail(error);
    }
  };

  const reset = (): void => {
    errors.length = 0;
    for (const state of states.values()) state.reset();
  };

  /** What `assertAllCalled()` throws: a recorded mock error, else the replies never used. */
  const unmetExpectations = (): MockError | undefined => {
    const [first] = errors;
    if (first !== undefined) return new MockError(`${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more mock errors)` : ""}`, { cause: first });
    const unused = [...states.values()].flatMap((state) => state.unused());
    return unused.length > 0 ? new MockError(`mock: registered but never used: ${unused.join(", ")}`) : undefined;
  };

  const controls: MockControls<C> = {
    fetch: (input, init) => handle(input instanceof Request && init === undefined ? input : new Request(input, init)),
    handle,
    assertAllCalled() {
      const failure = unmetExpectations();
      if (failure === undefined) return;
      // In `afterEach(() => { mock.assertAllCalled(); mock.reset(); })` the reset never runs when
      // this throws: resetting here keeps one test's failure from failing every test after it.
      reset();
      throw failure;
    },
    reset,
    mswHandler<H>(http: MswHttp<H>): H {
      const ownServers = routes.some((route) => route.operation.servers !== undefined);
      return http.all(base === undefined || ownServers ? "*" : `${base.origin}${basePath ?? ""}/*`, async ({ request }) => {
        const match = routeOf(request);
        if (match === undefined || !stateOf(states, match.route).hasReplies()) return undefined;
        try {
          return await answer(match, request);
        } catch (error) {
          // msw turns a rejected fetch into a network error only for `Response.error()`.
          if (error instanceof TypeError && error.message === "fetch failed") return Response.error();
          return fail(error);
        }
      });
    },
    // Shaped like `C` by construction; each state is typed per operation by `OperationMocks<C>`.
    operations: nested as unknown as OperationMocks<C>,
  };
  // Operations are reachable as `mock.<name>`; a name taken by a control stays under `operations`.
  return Object.assign(Object.fromEntries(Object.entries(nested).filter(([key]) => !(key in controls))), controls) as MockApiOf<C>;
}

interface MockTree {
  [name: string]: OperationMockState | MockTree;
}

/** `{ "pets.listPets": state }` → `{ pets: { listPets: state } }`. */
function nest(states: ReadonlyMap<string, OperationMockState>): MockTree {
  const root: MockTree = {};
  for (const [key, state] of states) {
    const names = key.split(".");
    const last = names.pop() ?? key;
    let node = root;
    for (const name of names) {
      const child = Object.hasOwn(node, name) ? node[name] : undefined;
      const next: MockTree = child === undefined || child instanceof OperationMockState ? {} : child;
      node[name] = next;
      node = next;
    }
    node[last] = state;
  }
  return root;
}

function stateOf(states: ReadonlyMap<string, OperationMockState>, route: Route): OperationMockState {
  const state = states.get(route.key);
  if (state === undefined) throw new Error(`internal: no mock state for ${route.key}`);
  return state;
}

function unmatched(routes: readonly Route[], request: Request, basePath: string | undefined): MockError {
  const { pathname } = new URL(request.url);
  const closest = closestRoute(routes, request.method, basePath !== undefined && pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname);
  const hint = closest === undefined ? "the API has no operations" : `the closest is ${describeOperation(closest.operation)}`;
  return new MockError(`mock: no operation matches ${request.method} ${request.url}; ${hint}`);
}

/** Waits, or rejects with the signal's reason as soon as it aborts (the client's timeout, the caller). */
function wait(milliseconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, milliseconds);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
