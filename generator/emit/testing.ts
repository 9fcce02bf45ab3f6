/**
 * `testing.ts` (with the `testing` option): `createMockApi()`, a typed, spec-checked mock of the
 * API for tests of code that uses the SDK. The mock's logic lives in the runtime
 * (`runtime/testing/`); this module only binds it to the client's type and the operation specs.
 */
import { call, id, object, path } from "./code/expressions.js";
import { jsdocLines } from "./code/literals.js";
import type { Statement } from "./code/module.js";
import { tsIntersection, tsRef, type TsType } from "./code/types.js";
import type { EmitContext } from "./context.js";
import { eagerImports, eagerValidators } from "./load-validators.js";
import { operationSpecs } from "./operations.js";
import { clientPath } from "../model/route.js";

export function testingModule(ctx: EmitContext): Statement[] {
  const { model } = ctx;
  const hasOperations = model.operations.length > 0;
  const kit = ctx.runtimeModule("testing/index.js");
  const { lazy } = operationSpecs(ctx);
  // api.webhooks is no operation: the mock stands in for the operations, and signs webhooks.
  const hasWebhooks = model.webhooks.length > 0;
  const client = hasWebhooks ? tsRef("Omit", [tsRef("Client"), { t: "literal", value: "webhooks" }]) : tsRef("Client");
  // Keyed by the path to each method (`pets.listPets`): the mock nests as the client does.
  const mock = call(id("createMock"), [object(model.operations.map((operation) => ({ key: clientPath(operation), value: path(`op.${operation.binding}`) }))), id("options")], [client]);
  return [
    { s: "import", typeOnly: true, from: "./client.js", names: [{ name: "Client" }] },
    ...(hasOperations ? [{ s: "importNamespace", from: "./operations.js", as: "op" } as const] : []),
    ...eagerImports(ctx, lazy),
    { s: "import", from: kit, names: [{ name: "createMock" }, { name: "MockApiOf", typeOnly: true }, { name: "MockOptions", typeOnly: true }] },
    ...(hasWebhooks ? webhookImports(ctx) : []),
    { s: "exportFrom", from: kit, names: [{ name: "MockError" }] },
    {
      s: "exportFrom",
      typeOnly: true,
      from: kit,
      names: ["Failure", "FakeOptions", "MockOptions", "MockReply", "OperationMock"].map((name) => ({ name })),
    },
    {
      s: "type",
      name: "MockApi",
      type: hasWebhooks ? tsIntersection([tsRef("MockApiOf", [client]), webhooksControl]) : tsRef("MockApiOf", [client]),
      doc: jsdocLines(`A mock of ${model.title}: one \`OperationMock\` per client method, and the controls.`),
    },
    {
      s: "function",
      name: "createMockApi",
      params: [{ name: "options", type: tsRef("MockOptions"), initializer: object([]) }],
      returnType: tsRef("MockApi"),
      body: [
        // Mocks check each reply when it is registered, so the validators must be there at once.
        ...(lazy.length > 0 ? [{ s: "expression", value: call(path("op.useValidators"), [eagerValidators(lazy)]) } as const] : []),
        {
          s: "return",
          value: hasWebhooks ? call(path("Object.assign"), [mock, object([{ key: "webhooks", value: call(id("webhookSigner"), [id("webhookSpec")], [tsRef("WebhookEvent")]) }])]) : mock,
        },
      ],
      doc: [
        "Creates a mock of the API for tests: register replies per operation, pass `mock.fetch` to",
        "`createClient`, then assert on each operation's `calls`. Every reply is checked against the",
        "spec. See the README's \"Testing code that uses the SDK\".",
        "",
        "@example",
        "```",
        "const mock = createMockApi();",
        "const api = createClient({ baseUrl: \"http://api.test\", fetch: mock.fetch });",
        "```",
      ],
    },
  ];
}

/** `mock.webhooks`: signs webhook payloads as the API's sender would. */
const webhooksControl: TsType = {
  t: "object",
  members: [{ key: "webhooks", optional: false, readonly: true, type: tsRef("WebhookSigner", [tsRef("WebhookEvent")]) }],
};

function webhookImports(ctx: EmitContext): Statement[] {
  return [
    { s: "import", from: ctx.runtimeModule("webhooks/index.js"), names: [{ name: "webhookSigner" }, { name: "WebhookSigner", typeOnly: true }] },
    { s: "import", from: "./webhooks.js", names: [{ name: "webhookSpec" }, { name: "WebhookEvent", typeOnly: true }] },
  ];
}
