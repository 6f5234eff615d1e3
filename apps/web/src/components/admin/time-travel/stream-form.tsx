"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { timeTravelHref } from "../links";

// The time-travel procedure's own bounds for a stream id; "type-id" is the shop's stream naming.
const Form = z.object({ streamId: z.string().trim().min(3).max(200).regex(/^[a-z][a-z0-9_]*-./, "a stream id like cart-<user id>, order-<order id> or projection-<name>") });

export function StreamForm({ streamId }: { streamId?: string }) {
  const router = useRouter();
  const form = useForm({ resolver: zodResolver(Form), values: { streamId: streamId ?? "" } });
  const error = form.formState.errors.streamId;
  return (
    <form className="row card" style={{ marginBottom: "1rem" }} noValidate onSubmit={form.handleSubmit((f) => router.push(timeTravelHref(f.streamId)))}>
      <label className="row">
        Stream id
        <input aria-label="Stream id" className="mono" style={{ width: "24rem" }} {...form.register("streamId")} />
      </label>
      <button type="submit">Replay</button>
      {error && <span className="field-error">{error.message}</span>}
    </form>
  );
}
