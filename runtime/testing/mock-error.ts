/**
 * A mock was used wrongly: a request no handler answers, a reply the spec does not allow, a
 * registered reply never used. It is deliberately not an `SdkError`, so code under test that
 * handles API failures does not mistake it for one; `assertAllCalled()` throws it again in case
 * the code under test caught it anyway.
 */
export class MockError extends Error {
  override readonly name = "MockError";
}
