/** Loaded by the page that Chromium opens: the tests call its functions through page.evaluate. */
import { runScenario, walkLinkHeaderList } from "../scenario.js";

Object.assign(globalThis, { runScenario, walkLinkHeaderList });
