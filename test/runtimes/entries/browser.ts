/** Loaded by the page that Chromium opens: the test calls `runScenario` through page.evaluate. */
import { runScenario } from "../scenario.js";

(globalThis as { runScenario?: typeof runScenario }).runScenario = runScenario;
