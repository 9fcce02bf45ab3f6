/** A Cloudflare worker (run by workerd through miniflare): GET /?origin=…&runtime=… runs the scenario. */
import { runScenario } from "../scenario.js";

export default {
  async fetch(request: Request): Promise<Response> {
    const params = new URL(request.url).searchParams;
    return Response.json(await runScenario(params.get("origin") ?? "", params.get("runtime") ?? ""));
  },
};
