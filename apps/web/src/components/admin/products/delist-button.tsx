"use client";
import { useMutation } from "@tanstack/react-query";
import { useRef } from "react";
import { messageOf, newCommandId } from "~/components/trpc-error";
import { useTRPC } from "~/trpc/react";
import type { Receipt } from "./euros";

export function DelistButton({ productId, name, onWritten }: { productId: string; name: string; onWritten: (r: Receipt) => void }) {
  const trpc = useTRPC();
  const commandId = useRef(newCommandId());
  const delist = useMutation(
    trpc.admin.products.delist.mutationOptions({
      onSuccess: (receipt) => {
        commandId.current = newCommandId();
        onWritten(receipt);
      },
    }),
  );
  const confirmAndDelist = () => {
    // Delisting cannot be undone from here: the shop stops selling the product at once.
    if (window.confirm(`Delist ${name}? It disappears from the shop.`)) delist.mutate({ productId, commandId: commandId.current });
  };
  return (
    <span className="row compact">
      <button type="button" className="danger" onClick={confirmAndDelist} disabled={delist.isPending}>
        {delist.isPending ? "Delisting…" : "Delist"}
      </button>
      {delist.error && <span className="field-error">{messageOf(delist.error)}</span>}
    </span>
  );
}
