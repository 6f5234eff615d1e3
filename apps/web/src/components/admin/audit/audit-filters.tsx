"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { useTRPC } from "~/trpc/react";
import { Field } from "../field";
import { auditHref } from "../links";
import { isoToLocal, localToIso, type AuditSearch } from "./audit-search";

// The same bounds as the audit procedure's filter, so a bad value is caught in the form, not by the server.
const text = z.string().trim().max(200);
const Form = z.object({ type: text, streamId: text, actor: text, correlationId: text, from: z.string(), to: z.string() })
  .refine((f) => !f.from || !f.to || f.from < f.to, { path: ["to"], message: "must be after From" });

export function AuditFilters({ search }: { search: AuditSearch }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { data: types } = useSuspenseQuery(trpc.admin.audit.eventTypes.queryOptions());
  const defaults = { type: "", streamId: "", actor: "", correlationId: "", ...search, from: isoToLocal(search.from), to: isoToLocal(search.to) };
  // Keyed by the URL's filters, so following a link (e.g. "filter by this correlation id") refills the form.
  const form = useForm({ resolver: zodResolver(Form), values: defaults });
  const submit = form.handleSubmit((f) => router.push(auditHref({ ...f, from: localToIso(f.from), to: localToIso(f.to) })));
  const errors = form.formState.errors;
  return (
    <form className="card filters" onSubmit={submit} noValidate aria-label="Audit filters">
      <label>
        Event type
        <select {...form.register("type")}>
          <option value="">Any type</option>
          {types.map((t) => <option key={t} value={t}>{t}</option>)}
        </select>
      </label>
      <label>Stream id<input placeholder="cart-…" {...form.register("streamId")} /></label>
      <label>Actor<input placeholder="user:… / admin:…" {...form.register("actor")} /></label>
      <label>Correlation id<input {...form.register("correlationId")} /></label>
      <label>From (UTC)<input type="datetime-local" {...form.register("from")} /></label>
      <Field label="To (UTC)" messages={[errors.to?.message]}>
        {(props) => <input type="datetime-local" {...props} {...form.register("to")} />}
      </Field>
      <div className="row filter-actions">
        <button type="submit">Filter</button>
        <button type="button" className="secondary" onClick={() => router.push("/admin/audit")}>Clear</button>
      </div>
    </form>
  );
}
