/**
 * The testing kit's public surface: what a generated `testing.ts` imports and re-exports. It
 * imports nothing beyond the runtime, ky and zod; msw and json-schema-faker are optional and
 * used only when a test asks for them.
 */
export { createMock } from "./mock-api.js";
export { MockError } from "./mock-error.js";
export type { StreamScript, StreamStep } from "./stream-reply.js";
export type {
  ErrorBody,
  ErrorInit,
  ErrorReplies,
  ErrorReply,
  ErrorStatus,
  FakeOptions,
  Failure,
  Handler,
  MockApiOf,
  MockBody,
  MockControls,
  MockOptions,
  MockReply,
  MswHttp,
  NetworkFailure,
  OperationMock,
  OperationMocks,
  ReplyHeaders,
  ReplyInit,
  SuccessInit,
  SuccessReply,
  SuccessStatus,
} from "./types.js";
