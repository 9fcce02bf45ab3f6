// @hey-api/openapi-ts: one exported function per operation in sdk.gen.ts, over its configured client.
import { client } from "{{sdk}}/client.gen.js";
//each: import { {{name}} } from "{{sdk}}/sdk.gen.js";

client.setConfig({{clientOptions}});

console.log(
  await Promise.allSettled([
    //each: {{name}}({{args}}),
  ]),
);
