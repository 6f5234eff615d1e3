export { codeOf, openWebHarness, ORIGIN, type Caller, type WebHarness } from "./web-harness.ts";
