import type { CartItem } from "./cart-state.ts";

/** Copy-on-write line arithmetic shared by the cart decider and the read models that show carts. */
export function quantityInCart(items: readonly CartItem[], productId: string): number {
  return items.find((item) => item.productId === productId)?.quantity ?? 0;
}

export function addToItems(items: readonly CartItem[], productId: string, quantity: number): readonly CartItem[] {
  if (quantityInCart(items, productId) === 0) return [...items, { productId, quantity }];
  return items.map((item) => (item.productId === productId ? { productId, quantity: item.quantity + quantity } : item));
}

export function setItemQuantity(items: readonly CartItem[], productId: string, quantity: number): readonly CartItem[] {
  return items.map((item) => (item.productId === productId ? { productId, quantity } : item));
}

export function removeFromItems(items: readonly CartItem[], productId: string): readonly CartItem[] {
  return items.filter((item) => item.productId !== productId);
}
