"use client";
import { useQueryErrorResetBoundary } from "@tanstack/react-query";
import { messageOf } from "~/components/trpc-error";

/** A failed query of any admin page: the server's message, and a retry that refetches instead of rethrowing. */
export default function AdminError({ error, reset }: { error: Error; reset: () => void }) {
  const queries = useQueryErrorResetBoundary();
  return (
    <div className="alert" role="alert">
      <p style={{ margin: "0 0 .5rem" }}>{messageOf(error)}</p>
      <button className="secondary" onClick={() => { queries.reset(); reset(); }}>Try again</button>
    </div>
  );
}
