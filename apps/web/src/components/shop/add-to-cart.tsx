"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { CartQuantitySchema } from "@chronicle/domain";
import { fieldErrorsOf, messageOf, newCommandId } from "~/components/trpc-error";
import { useTRPC } from "~/trpc/react";

// The domain's own quantity rule (1..99), so the form says what the decider would.
const Form = z.object({ quantity: CartQuantitySchema });

export function AddToCart({ productId, disabled }: { productId: string; disabled?: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const commandId = useRef(newCommandId());
  const [added, setAdded] = useState<number | null>(null);
  // Until the page is hydrated the form is only HTML: a click then would submit it natively, past the checks.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const form = useForm({ resolver: zodResolver(Form), defaultValues: { quantity: 1 } });
  const add = useMutation(
    trpc.cart.add.mutationOptions({
      onSuccess: async (_receipt, input) => {
        setAdded(input.quantity);
        commandId.current = newCommandId();
        await queryClient.invalidateQueries({ queryKey: trpc.cart.get.queryKey() });
      },
    }),
  );
  const serverErrors = fieldErrorsOf(add.error);
  return (
    <form className="row" onSubmit={form.handleSubmit((values) => add.mutate({ productId, quantity: values.quantity, commandId: commandId.current }))}>
      <input type="number" aria-label="Quantity" style={{ width: "4.5rem" }} {...form.register("quantity", { valueAsNumber: true })} />
      <button type="submit" disabled={!hydrated || disabled || add.isPending}>{add.isPending ? "Adding…" : "Add to cart"}</button>
      {form.formState.errors.quantity && <span className="field-error">{form.formState.errors.quantity.message}</span>}
      {serverErrors.quantity && <span className="field-error">{serverErrors.quantity.join(", ")}</span>}
      {add.error && !serverErrors.quantity && <span className="field-error">{messageOf(add.error)}</span>}
      {added !== null && !add.isPending && <span className="notice" role="status">Added {added} to your cart</span>}
    </form>
  );
}
