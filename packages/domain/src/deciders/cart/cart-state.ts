export interface CartItem {
  readonly productId: string;
  readonly quantity: number;
}

/** Items in the order they were first added (an array: object keys like "101" would be re-sorted by JS). */
export interface CartState {
  readonly items: readonly CartItem[];
}

export function initialCartState(): CartState {
  return { items: [] };
}
