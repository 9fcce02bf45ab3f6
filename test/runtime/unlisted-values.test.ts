/**
 * Tolerance for enum values the spec does not list covers values the API may have added since,
 * never a required enum field that is missing, null, or of another type.
 */
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError, ResponseValidationError } from "../../runtime/index.js";
import { closeServers, sendJson, startServer } from "../support/http-server.js";
import { memoryLogger, operation, runtimeFor } from "../support/runtime-fixtures.js";

afterEach(closeServers);

/** Stripe's error body: `type` is a required enum. */
const StripeError = z.looseObject({ error: z.looseObject({ type: z.enum(["api_error", "card_error"]), message: z.string().optional() }) });
const Charge = z.looseObject({ id: z.string(), status: z.enum(["succeeded", "pending"]) });

async function answer(status: number, body: unknown) {
  const server = await startServer((_q, response) => sendJson(response, status, body));
  const logger = memoryLogger();
  const endpoint = runtimeFor(server.url, { logger, logLevel: "warn", retry: 0 }).endpoint<object, unknown, ApiError<402, z.infer<typeof StripeError>>>(
    operation({ id: "getCharge", path: "/charge", responses: { "200": { kind: "json", schema: Charge }, "402": { kind: "json", schema: StripeError } } }),
  );
  const outcome = await endpoint({}).then(
    (data) => ({ data, error: undefined }),
    (error: unknown) => ({ data: undefined, error }),
  );
  return { ...outcome, isError: endpoint.isError(outcome.error), unlistedLines: logger.lines.filter((line) => line.includes("does not list")) };
}

describe("an error body's required enum field", () => {
  it("missing: the body is refused (bodyIssues), isError says no, and nothing is logged as unlisted", async () => {
    const { error, isError, unlistedLines } = await answer(402, { error: { message: "no type" } });
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).bodyIssues?.map((issue) => issue.path)).toEqual([["error", "type"]]);
    expect(isError).toBe(false);
    expect(unlistedLines).toEqual([]);
  });

  it.each([
    ["null", null],
    ["a number where strings are listed", 7],
  ])("%s: refused too", async (_name, type) => {
    const { error, isError } = await answer(402, { error: { type } });
    expect((error as ApiError).bodyIssues).toBeDefined();
    expect(isError).toBe(false);
  });

  it("holding a string the spec does not list: accepted as unlisted, logged once, and isError says yes", async () => {
    const { error, isError, unlistedLines } = await answer(402, { error: { type: "new_error" } });
    expect((error as ApiError).bodyIssues).toBeUndefined();
    expect((error as ApiError).body).toEqual({ error: { type: "new_error" } });
    expect(isError).toBe(true);
    expect(unlistedLines).toEqual([expect.stringContaining('error.type = "new_error"')]);
  });
});

describe("a success body's required enum field", () => {
  it("missing: the call fails with ResponseValidationError", async () => {
    const { error } = await answer(200, { id: "ch_1" });
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues.map((issue) => issue.path)).toEqual([["status"]]);
  });

  it("holding a string the spec does not list: returned as received", async () => {
    const { data } = await answer(200, { id: "ch_1", status: "refunded" });
    expect(data).toEqual({ id: "ch_1", status: "refunded" });
  });
});
