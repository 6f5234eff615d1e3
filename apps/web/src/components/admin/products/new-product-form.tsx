"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { ListProductSchema } from "@chronicle/domain";
import { fieldErrorsOf, messageOf, newCommandId } from "~/components/trpc-error";
import { useTRPC } from "~/trpc/react";
import { Field } from "../field";
import { EurosSchema, type Receipt } from "./euros";

// The ListProduct command's own fields and rules; only the price is typed in EUR and sent in minor units.
const Form = ListProductSchema.shape.data.omit({ price: true }).extend({ price: EurosSchema });
const fields = [
  { name: "productId", label: "Product id", hint: "letters, digits, - or _" },
  { name: "sku", label: "SKU", hint: "" },
  { name: "name", label: "Name", hint: "" },
  { name: "description", label: "Description", hint: "" },
  { name: "price", label: "Price (EUR)", hint: "e.g. 12.50" },
] as const;

export function NewProductForm({ onWritten }: { onWritten: (r: Receipt) => void }) {
  const trpc = useTRPC();
  const commandId = useRef(newCommandId());
  const [listed, setListed] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(Form), defaultValues: { productId: "", sku: "", name: "", description: "", price: "" } });
  const create = useMutation(
    trpc.admin.products.create.mutationOptions({
      onSuccess: (receipt, input) => {
        commandId.current = newCommandId();
        setListed(input.name);
        form.reset();
        onWritten(receipt);
      },
    }),
  );
  const server = fieldErrorsOf(create.error);
  const submit = form.handleSubmit(({ price, ...rest }) => {
    setListed(null);
    create.mutate({ ...rest, price: { amount: price, currency: "EUR" }, commandId: commandId.current });
  });
  return (
    <form className="card form-grid" onSubmit={submit} noValidate data-testid="new-product-form">
      {fields.map((f) => {
        const messages = [form.formState.errors[f.name]?.message, ...(server[f.name] ?? []), ...(f.name === "price" ? server["price.amount"] ?? [] : [])];
        return (
          <Field key={f.name} label={f.label} messages={messages}>
            {(props) => <input {...props} {...form.register(f.name)} placeholder={f.hint} inputMode={f.name === "price" ? "decimal" : undefined} />}
          </Field>
        );
      })}
      <div className="row">
        <button type="submit" disabled={create.isPending}>{create.isPending ? "Listing…" : "List product"}</button>
        {create.error && Object.keys(server).length === 0 && <span className="field-error">{messageOf(create.error)}</span>}
        {listed && <span className="notice" role="status">Listed {listed}</span>}
      </div>
    </form>
  );
}
