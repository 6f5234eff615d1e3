export { specification, SPEC_NOW, type SpecificationOptions } from "./specification.ts";
export { shopSpecification } from "./shop-specification.ts";
export { reducerSpecification } from "./reducer-specification.ts";
// Rendering specs from the log is in "@chronicle/domain/testing/export": free of vitest, so servers can import it.
export { InMemoryShop, type RecordedEvent } from "./in-memory-shop.ts";
export { routeCommand, type ShopStates } from "../routing/route-command.ts";
export { runTolerantly, type Outcome } from "./run-sequence.ts";
export { deepFreeze } from "./deep-freeze.ts";
export {
  ARB_ORDER_IDS,
  ARB_PRODUCT_IDS,
  ARB_USER_IDS,
  commandSequenceArb,
  shopSetupArb,
  scheduledCommandArb,
  shopCommandArb,
  timestampArb,
} from "./arbitraries.ts";
export { eur, sampleEvents, listedProduct } from "./samples.ts";
