import type { ShopCommand } from "../../commands/shop-command.ts";
import type { ShopEvent } from "../../events/shop-event.ts";
import type { StreamEvents } from "../../multi-stream/stream-events.ts";
import type { CommandMetadata } from "../../shared/metadata.ts";
import { callSourceOf, SourceCode, sourceOf } from "./source-literal.ts";
import { specFile, type SpecHeader } from "./spec-file.ts";

/** The deciders an exported spec can name (their exports in @chronicle/domain). */
export const SPEC_DECIDERS = ["userDecider", "productDecider", "cartDecider", "orderDecider"] as const;
export type SpecDeciderName = (typeof SPEC_DECIDERS)[number];

/** Events of other streams, by id, folded into the states a decider gets in its context. */
export type ProductHistories = Readonly<Record<string, readonly ShopEvent[]>>;

/** What the command handler put into the decider's context, as the events that make those states. */
export interface SpecContext {
  /** Cart commands: the products they name. */
  readonly products?: ProductHistories;
  /** PlaceOrder on the order stream: the buyer's cart and every product in it. */
  readonly checkout?: { readonly cart: readonly ShopEvent[]; readonly products: ProductHistories };
}

/** One decider's decision, as `specification(decider)` states it. */
export interface DecisionSpecSource extends SpecHeader {
  readonly decider: SpecDeciderName;
  readonly context?: SpecContext;
  /** The stream's events before the command (as it was read). */
  readonly given: readonly ShopEvent[];
  readonly when: ShopCommand;
  readonly metadata: CommandMetadata;
  /** What the decider decided for this stream. */
  readonly then: readonly ShopEvent[];
}

/** A whole routed command over several streams, as `shopSpecification()` states it. */
export interface RoutedSpecSource extends SpecHeader {
  readonly given: Readonly<Record<string, readonly ShopEvent[]>>;
  readonly when: ShopCommand;
  readonly metadata: CommandMetadata;
  readonly then: readonly StreamEvents[];
}

const folded = (decider: SpecDeciderName, events: readonly ShopEvent[]) =>
  new SourceCode((indent) => `fold(${decider}, ${sourceOf(events, indent)})`);

const productsOf = (histories: ProductHistories) =>
  Object.fromEntries(Object.entries(histories).map(([productId, events]) => [productId, folded("productDecider", events)]));

/** `given(history).when(command).then(events)` for one decider, with its context folded from the other streams. */
export function renderDecisionSpec(spec: DecisionSpecSource): string {
  const domain: string[] = [spec.decider];
  let context: Record<string, unknown> | undefined;
  if (spec.context?.products) {
    domain.push("fold", "productDecider");
    context = { products: productsOf(spec.context.products) };
  }
  if (spec.context?.checkout) {
    domain.push("fold", "cartDecider", "productDecider");
    context = { checkout: { cart: folded("cartDecider", spec.context.checkout.cart), products: productsOf(spec.context.checkout.products) } };
  }
  const options = context ? `, ${sourceOf({ context })}` : "";
  const preamble = `const given = specification(${spec.decider}${options});`;
  return specFile(spec, { domain, testing: ["specification"] }, preamble, givenWhenThen(spec));
}

/** `given(streams).when(command).then(per-stream events)` for a decision no single decider owns. */
export function renderRoutedSpec(spec: RoutedSpecSource): string {
  return specFile(spec, { domain: [], testing: ["shopSpecification"] }, "const given = shopSpecification();", givenWhenThen(spec));
}

function givenWhenThen(spec: { given: unknown; when: ShopCommand; metadata: CommandMetadata; then: unknown }): string {
  return [
    `    ${callSourceOf("given", [spec.given], 4)}`,
    `      ${callSourceOf(".when", [spec.when, { metadata: spec.metadata }], 6)}`,
    `      ${callSourceOf(".then", [spec.then], 6)};`,
  ].join("\n");
}
