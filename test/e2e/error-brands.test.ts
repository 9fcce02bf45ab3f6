/**
 * `instanceof` holds across SDKs: each SDK has its own copy of the runtime, and so its own error
 * classes, yet an error thrown by one is an instance of the same class of any other (and of no
 * other class). Two SDKs generated with their own runtime copies, one server.
 */
import { afterEach, describe, expect, it } from "vitest";
import * as petstore from "../.out/sdk/petstore/index.js";
import * as policies from "../.out/sdk/runtime-policies/index.js";
import { closeServers, sendJson, startServer } from "../support/http-server.js";

afterEach(closeServers);

/** Every error class of the other SDK, by name. */
const otherClasses = {
  SdkError: policies.SdkError,
  CallError: policies.CallError,
  ApiError: policies.ApiError,
  TimeoutError: policies.TimeoutError,
  ConnectionError: policies.ConnectionError,
  ResponseValidationError: policies.ResponseValidationError,
  RequestValidationError: policies.RequestValidationError,
  AuthenticationError: policies.AuthenticationError,
  PaginationError: policies.PaginationError,
};

/** The classes of the other SDK that `error` is an instance of. */
function otherClassesOf(error: unknown): string[] {
  return Object.entries(otherClasses)
    .filter(([, errorClass]) => error instanceof errorClass)
    .map(([name]) => name);
}

async function rejectionOf(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => expect.unreachable("the call resolved"),
    (error: unknown) => error,
  );
}

describe("errors of one SDK, seen by another", () => {
  it("are separate classes: each SDK has its own copy of the runtime", () => {
    expect(petstore.ApiError).not.toBe(policies.ApiError);
    expect(petstore.SdkError).not.toBe(policies.SdkError);
  });

  it("makes an ApiError an instance of the other SDK's ApiError, CallError and SdkError, and of no other class", async () => {
    const server = await startServer((_request, response) => sendJson(response, 404, { code: 404, message: "no such pet" }));
    const api = petstore.createClient({ baseUrl: server.url, auth: { bearerAuth: "t" }, logLevel: "off" });
    const error = await rejectionOf(api.pets.getPetById({ petId: 1 }));
    expect(error).toBeInstanceOf(petstore.ApiError);
    expect(otherClassesOf(error)).toEqual(["SdkError", "CallError", "ApiError"]);
  });

  it("makes a ConnectionError, a TimeoutError and a RequestValidationError instances of their own classes only", async () => {
    const server = await startServer(() => undefined);
    const api = petstore.createClient({ baseUrl: server.url, auth: { bearerAuth: "t" }, logLevel: "off", retry: 0, validateRequests: true });
    expect(otherClassesOf(await rejectionOf(api.pets.getPetById({ petId: 1 }, { timeout: 50 })))).toEqual(["SdkError", "CallError", "TimeoutError"]);
    await closeServers();
    expect(otherClassesOf(await rejectionOf(api.pets.getPetById({ petId: 1 })))).toEqual(["SdkError", "CallError", "ConnectionError"]);
    expect(otherClassesOf(await rejectionOf(api.pets.getPetById({ petId: "one" as unknown as number })))).toEqual(["SdkError", "RequestValidationError"]);
  });

  it("keeps a plain Error out, and checks a subclass of the caller's own as usual", () => {
    class AppError extends policies.SdkError {}
    expect(new Error("x")).not.toBeInstanceOf(policies.SdkError);
    expect({ name: "ApiError" }).not.toBeInstanceOf(policies.ApiError);
    expect(new AppError("x")).toBeInstanceOf(AppError);
    expect(new AppError("x")).toBeInstanceOf(petstore.SdkError);
    expect(new petstore.SdkError("x")).not.toBeInstanceOf(AppError);
  });
});
