// gen-client's client: createClient, one method per operation, in resources (`api.repos.get`).
import { createClient } from "{{sdk}}/index.js";

const api = createClient({{clientOptions}});

console.log(
  await Promise.allSettled([
    //each: api.{{member}}({{args}}),
  ]),
);
