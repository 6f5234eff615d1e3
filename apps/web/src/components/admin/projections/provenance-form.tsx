"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { skipToken, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { useTRPC } from "~/trpc/react";
import { ROW_SOURCES, type RowSource } from "@chronicle/projections/row-sources";
import { ProvenanceResult } from "./provenance-result";

type Lookup = { projection: RowSource; key: string };

// The provenance procedure's own input rules.
const Form = z.object({ projection: z.enum(ROW_SOURCES), key: z.string().trim().min(1, "enter the row's key").max(200) });

const keyHints: Record<RowSource, string> = {
  catalog: "a product id",
  carts: "a user id",
  orders: "an order id",
  overview_users: "a user id",
};

export function ProvenanceForm({ initial }: { initial?: Lookup }) {
  const trpc = useTRPC();
  const [lookup, setLookup] = useState<Lookup | undefined>(initial);
  const form = useForm({ resolver: zodResolver(Form), defaultValues: initial ?? { projection: "catalog" as RowSource, key: "" } });
  const result = useQuery(trpc.admin.projections.provenance.queryOptions(lookup ?? skipToken, { retry: false }));
  const projection = form.watch("projection");
  return (
    <>
      <form className="row card" noValidate onSubmit={form.handleSubmit(setLookup)} aria-label="Provenance">
        <label className="row">
          Projection
          <select {...form.register("projection")}>
            {ROW_SOURCES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label className="row">
          Key
          <input className="mono" placeholder={keyHints[projection]} style={{ width: "20rem" }} {...form.register("key")} />
        </label>
        <button type="submit">Explain</button>
        {form.formState.errors.key && <span className="field-error">{form.formState.errors.key.message}</span>}
      </form>
      {lookup && <ProvenanceResult data={result.data} error={result.error} />}
    </>
  );
}
