"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { messageOf } from "~/components/trpc-error";
import { useTRPC } from "~/trpc/react";

/**
 * "Delete my account", with a confirmation step in the page: the shop forgets the shopper (their name and emails
 * are erased from everything, the account is closed) while their orders stay in the books without them.
 */
export function DeleteAccount() {
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation(
    trpc.account.deleteMine.mutationOptions({
      onSuccess: () => {
        router.push("/?account=deleted");
        router.refresh();
      },
    }),
  );
  return (
    <section className="card" style={{ marginTop: "1rem" }}>
      <h2>Delete my account</h2>
      <p className="muted">
        Your name and email addresses are erased for good and you can no longer sign in. Orders you placed stay in the shop&apos;s books,
        without your name.
      </p>
      {!confirming ? (
        <button type="button" className="danger" onClick={() => setConfirming(true)} data-testid="delete-account">Delete my account…</button>
      ) : (
        <div role="alertdialog" aria-labelledby="confirm-delete" className="row">
          <strong id="confirm-delete">Delete your account and personal data? This cannot be undone.</strong>
          <button type="button" className="danger" onClick={() => remove.mutate({ confirm: true })} disabled={remove.isPending} data-testid="confirm-delete-account">
            {remove.isPending ? "Deleting…" : "Yes, delete my account"}
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(false)} disabled={remove.isPending}>Keep my account</button>
        </div>
      )}
      {remove.error && <div className="alert" role="alert">{messageOf(remove.error)}</div>}
    </section>
  );
}
