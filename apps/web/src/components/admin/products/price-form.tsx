"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRef } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import type { Price } from "@chronicle/domain";
import { fieldErrorsOf, messageOf, newCommandId } from "~/components/trpc-error";
import { useTRPC } from "~/trpc/react";
import { EurosSchema, fromMinorUnits, type Receipt } from "./euros";

const Form = z.object({ amount: EurosSchema });

export function PriceForm({ product, onWritten }: { product: { productId: string; name: string; price: Price }; onWritten: (r: Receipt) => void }) {
  const trpc = useTRPC();
  const commandId = useRef(newCommandId());
  const form = useForm({ resolver: zodResolver(Form), defaultValues: { amount: fromMinorUnits(product.price.amount) } });
  const change = useMutation(
    trpc.admin.products.changePrice.mutationOptions({
      onSuccess: (receipt) => {
        commandId.current = newCommandId();
        onWritten(receipt);
      },
    }),
  );
  const server = fieldErrorsOf(change.error);
  const serverMessage = server["price.amount"] ?? server.price ?? (change.error ? [messageOf(change.error)] : null);
  return (
    <form
      className="row compact"
      noValidate
      onSubmit={form.handleSubmit(({ amount }) =>
        change.mutate({ productId: product.productId, price: { amount, currency: product.price.currency }, commandId: commandId.current }))}
    >
      <input inputMode="decimal" aria-label={`New price of ${product.name}`} style={{ width: "6rem" }} {...form.register("amount")} />
      <button type="submit" className="secondary" disabled={change.isPending}>{change.isPending ? "Saving…" : "Set"}</button>
      {form.formState.errors.amount && <span className="field-error">{form.formState.errors.amount.message}</span>}
      {serverMessage && <span className="field-error">{serverMessage.join(", ")}</span>}
    </form>
  );
}
