"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRef } from "react";
import { useForm } from "react-hook-form";
import { ReceiveStockSchema } from "@chronicle/domain";
import { fieldErrorsOf, messageOf, newCommandId } from "~/components/trpc-error";
import { useTRPC } from "~/trpc/react";
import type { Receipt } from "./euros";

// The domain's own rule for a stock movement (a whole number from 1 up).
const Form = ReceiveStockSchema.shape.data.pick({ quantity: true });

export function StockForm({ productId, onWritten }: { productId: string; onWritten: (r: Receipt) => void }) {
  const trpc = useTRPC();
  const commandId = useRef(newCommandId());
  const form = useForm({ resolver: zodResolver(Form), defaultValues: { quantity: 10 } });
  const receive = useMutation(
    trpc.admin.products.receiveStock.mutationOptions({
      onSuccess: (receipt) => {
        commandId.current = newCommandId();
        onWritten(receipt);
      },
    }),
  );
  const server = fieldErrorsOf(receive.error);
  const serverMessage = server.quantity ?? (receive.error ? [messageOf(receive.error)] : null);
  return (
    <form
      className="row compact"
      noValidate
      onSubmit={form.handleSubmit(({ quantity }) => receive.mutate({ productId, quantity, commandId: commandId.current }))}
    >
      <input type="number" aria-label={`Units received of ${productId}`} style={{ width: "5rem" }} {...form.register("quantity", { valueAsNumber: true })} />
      <button type="submit" className="secondary" disabled={receive.isPending}>{receive.isPending ? "Saving…" : "Receive"}</button>
      {form.formState.errors.quantity && <span className="field-error">{form.formState.errors.quantity.message}</span>}
      {serverMessage && <span className="field-error">{serverMessage.join(", ")}</span>}
    </form>
  );
}
