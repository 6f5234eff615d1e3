import { parseStreamId, type ShopCommand } from "@chronicle/domain";
import type { SpecDeciderName } from "@chronicle/domain/testing/export";

/**
 * How a recorded command on one stream becomes a spec: the decider that owns it and what the command handler put in
 * its context — the same table as the domain's `routeCommand`, one case per command (a new command must say here
 * how it is exported). `routed`: no single decider owns it (ReserveStock spans products).
 */
export type SpecPlan =
  | { readonly kind: "decider"; readonly decider: SpecDeciderName; readonly context: "none" | "products" | "checkout" }
  | { readonly kind: "routed" };

export function specPlanFor(command: ShopCommand, streamId: string): SpecPlan {
  const decider = (context: "none" | "products" | "checkout" = "none"): SpecPlan =>
    ({ kind: "decider", decider: `${parseStreamId(streamId).streamType}Decider`, context });
  switch (command.type) {
    case "RegisterUser":
    case "ChangeUserEmail":
    case "ForgetCustomer":
    case "ListProduct":
    case "ChangePrice":
    case "DelistProduct":
    case "ReceiveStock":
    case "AdjustStock":
    case "ReleaseStock":
    case "CancelOrder":
    case "ConfirmOrder":
    case "RejectOrder":
    case "ShipOrder":
    case "MarkOrderDelivered":
      return decider();
    case "AddProductToCart":
    case "RemoveProductFromCart":
    case "ChangeCartItemQuantity":
      return decider("products");
    case "PlaceOrder":
      // The order half prices the lines from the cart and its products; the cart half only checks the cart out.
      return parseStreamId(streamId).streamType === "order" ? decider("checkout") : decider();
    case "ReserveStock":
      return { kind: "routed" };
    default: {
      const unhandled: never = command;
      throw new Error(`no spec plan for ${(unhandled as { type: string }).type}`);
    }
  }
}
