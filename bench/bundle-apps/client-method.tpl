// gen-client today: one client from createClient, one method per operation.
import { createClient } from "{{sdk}}/index.js";

const api = createClient({{clientOptions}});

console.log(
  await Promise.allSettled([
    //each: api.{{name}}({{args}}),
  ]),
);
