import { z } from "zod";
import { PriceSchema } from "@chronicle/domain";

/** "12.5" -> 1250, by string arithmetic: a float multiply would turn 0.29 into 28.999… */
export function toMinorUnits(euros: string): number {
  const [whole = "0", fraction = ""] = euros.replace(",", ".").split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

export function fromMinorUnits(amount: number): string {
  return (amount / 100).toFixed(2);
}

/** An amount typed in EUR, checked by the domain's own price rule once it is in minor units. */
export const EurosSchema = z
  .string()
  .trim()
  .regex(/^\d{1,9}([.,]\d{1,2})?$/, "an amount in EUR like 12.50")
  .transform(toMinorUnits)
  .pipe(PriceSchema.shape.amount);

export type Receipt = { checkpoint: string | null; duplicate: boolean };
