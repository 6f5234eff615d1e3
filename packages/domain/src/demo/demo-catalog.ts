import type { Price } from "../shared/money.ts";
import type { ScheduledCommand } from "./scheduled-command.ts";

export interface DemoProduct {
  readonly productId: string;
  readonly sku: string;
  readonly name: string;
  readonly description: string;
  readonly price: Price;
  readonly initialStock: number;
}

const eur = (amount: number): Price => ({ amount, currency: "EUR" });

/** 101 and 102 are the article's products; the rest give the storefront something to browse. */
export const demoCatalog: readonly DemoProduct[] = [
  { productId: "101", sku: "MUG-CLASSIC", name: "Classic Mug", description: "A 350 ml stoneware mug.", price: eur(1200), initialStock: 50 },
  { productId: "102", sku: "TEE-LOGO", name: "Logo T-Shirt", description: "Organic cotton, unisex fit.", price: eur(2500), initialStock: 30 },
  { productId: "103", sku: "NOTE-A5", name: "A5 Notebook", description: "Dotted pages, lay-flat binding.", price: eur(899), initialStock: 100 },
  { productId: "104", sku: "BAG-TOTE", name: "Canvas Tote Bag", description: "Heavy canvas with long handles.", price: eur(1500), initialStock: 40 },
  { productId: "105", sku: "STICKER-SET", name: "Sticker Set", description: "Six vinyl stickers.", price: eur(450), initialStock: 200 },
];

/** Listing and first stock of every demo product, at fixed times before the article's story begins. */
export const demoCatalogCommands: readonly ScheduledCommand[] = demoCatalog.flatMap((product, index) => {
  const minute = String(index * 2).padStart(2, "0");
  const { initialStock, ...listing } = product;
  return [
    {
      command: { type: "ListProduct", data: listing },
      metadata: { now: `2024-03-01T08:${minute}:00.000Z`, commandId: `demo-list-${product.productId}` },
    },
    {
      command: { type: "ReceiveStock", data: { productId: product.productId, quantity: initialStock } },
      metadata: { now: `2024-03-01T08:${minute}:30.000Z`, commandId: `demo-stock-${product.productId}` },
    },
  ] satisfies ScheduledCommand[];
});
