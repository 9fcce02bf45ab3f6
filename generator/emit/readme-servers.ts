/**
 * The SDK README's "Servers and environments" section: the environments, the server variables,
 * the operations with servers of their own, and which wins. Spec text is put on one line with no
 * backtick or raw HTML, as in readme.ts.
 */
import type { ApiModel, Operation, Server } from "../model/model.js";
import { declaredVariables, defaultServerUrl } from "../model/servers.js";
import { firstSentence, specMarkdown } from "./spec-text.js";

export function serversReadme(model: ApiModel): string {
  const [first] = model.servers;
  const own = model.operations.filter((operation) => operation.servers !== undefined);
  if (first === undefined && own.length === 0) return "The spec names no servers: pass `baseUrl` to `createClient`.";
  const variables = declaredVariables(model);
  const parts = [
    first === undefined
      ? "The spec names no servers for the API as a whole: pass `baseUrl` to `createClient`."
      : `Calls go to the server of the client's \`environment\`: by default \`${first.name}\` (\`${code(defaultServerUrl(first))}\`). \`baseUrl\` wins over it, and over the servers an operation declares for itself: every call then goes to \`baseUrl\`, as a proxy or a test server expects.`,
  ];
  // One server with nothing to choose needs no table: the sentence above names it.
  if (model.servers.length > 1 || variables.length > 0) {
    parts.push(
      ["| environment | URL | description |", "| --- | --- | --- |", ...model.servers.map((server, index) => `| \`${code(server.name)}\`${index === 0 ? " (default)" : ""} | \`${code(server.url)}\` | ${about(server.description)} |`)].join("\n"),
    );
  }
  if (variables.length > 0) {
    parts.push(
      [
        "`serverVariables` fill the `{variables}` of whichever server a call uses; each one left out takes its default. A value the spec does not list makes `createClient` throw an `SdkError` (under `validate: \"strict\"`), log a warning (`\"warn\"`) or use it as given (`\"off\"`). Values are URL text: `/` and `:` are kept (a variable may hold a port or a path prefix); `?`, `#` and what a URL cannot hold are percent-encoded.",
        "",
        "| variable | values | default | description |",
        "| --- | --- | --- | --- |",
        ...variables.map(
          (variable) =>
            `| \`${code(variable.name)}\` | ${variable.enum === undefined ? "any" : variable.enum.map((value) => `\`${code(JSON.stringify(value))}\``).join(", ")} | \`${code(JSON.stringify(variable.default))}\` | ${about(variable.description)} |`,
        ),
      ].join("\n"),
    );
  }
  if (own.length > 0) {
    parts.push(
      [
        "These operations have servers of their own, which they use instead of the environment's (the one named like the client's environment, else the first), with the same `serverVariables`:",
        "",
        ...own.map((operation) => `- \`${operation.name}\`: ${serverUrls(operation)}`),
      ].join("\n"),
    );
  }
  const example = model.servers.length > 1 || variables.length > 0 ? exampleOptions(model, variables[0]) : "";
  if (example !== "") parts.push(["```ts", `const api = createClient({ ${example} });`, "```"].join("\n"));
  if ([...model.servers, ...own.flatMap((operation) => operation.servers ?? [])].some((server) => !/^[a-z][a-z\d+.-]*:/i.test(server.url))) {
    parts.push(
      "A relative server URL resolves against the page (or worker) the SDK runs in, as OpenAPI resolves it against where the spec is served; where there is none (Node, Deno without `--location`), `createClient` throws an `SdkError`: pass `baseUrl`.",
    );
  }
  return parts.join("\n\n");
}

/** The operation's servers, by environment name, for its README entry and the list above. */
export function serverUrls(operation: Operation): string {
  return (operation.servers ?? []).map((server: Server) => `\`${code(server.url)}\` (\`${code(server.name)}\`)`).join(", ");
}

function exampleOptions(model: ApiModel, variable: ReturnType<typeof declaredVariables>[number] | undefined): string {
  const environment = model.servers[1] ?? model.servers[0];
  const value = variable === undefined ? undefined : (variable.enum?.find((each) => each !== variable.default) ?? variable.default);
  return [
    ...(environment !== undefined ? [`environment: ${JSON.stringify(environment.name)}`] : []),
    ...(variable !== undefined && value !== undefined ? [`serverVariables: { ${key(variable.name)}: ${JSON.stringify(value)} }`] : []),
  ]
    .join(", ")
    .replaceAll("`", "\\u0060");
}

function key(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

/** A table cell: the first sentence, one line, no HTML, no cell break. */
function about(text: string | undefined): string {
  return text === undefined ? "" : firstSentence(specMarkdown(text)).replace(/[\r\n\u2028\u2029]+/g, " ").replaceAll("<", "&lt;").replaceAll("|", "\\|").trim();
}

/** Spec text for an inline code span in a table: one line, no backtick, no cell break. */
function code(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, " ").replaceAll("`", "").replaceAll("|", "\\|");
}
