// gen-client's per-operation functions: each operation imported from funcs.ts, called over a core from createClientCore.
import { createClientCore } from "{{sdk}}/core.js";
//each: import { {{name}} } from "{{sdk}}/funcs.js";

const core = createClientCore({{clientOptions}});

console.log(
  await Promise.allSettled([
    //each: {{name}}(core, {{args}}),
  ]),
);
