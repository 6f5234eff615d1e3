"use client";
import { useQueryErrorResetBoundary } from "@tanstack/react-query";
import { messageOf } from "~/components/trpc-error";

// A query that failed while the server rendered reaches the browser with its message removed (React #441).
const REDACTED = /Minified React error #441|error occurred in the Server Components render/;

/** A failed query of any admin page: the server's message, and a retry that refetches instead of rethrowing. */
export default function AdminError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const queries = useQueryErrorResetBoundary();
  const redacted = REDACTED.test(error.message);
  return (
    <div className="alert" role="alert">
      <p style={{ margin: "0 0 .5rem" }}>
        {redacted ? `This page could not be loaded on the server${error.digest ? ` (digest ${error.digest} in its log)` : ""}. Try again to ask from here.` : messageOf(error)}
      </p>
      <button className="secondary" onClick={() => { queries.reset(); reset(); }}>Try again</button>
    </div>
  );
}
