"use client";
import { useId, type ReactNode } from "react";

type InputProps = { id: string; "aria-invalid": boolean; "aria-describedby"?: string };

/**
 * A labelled control whose messages sit outside the label: inside it they would become part of the control's
 * accessible name ("Name Too small…"), which screen readers read out and tests match against.
 */
export function Field({ label, messages, children }: { label: string; messages: (string | undefined)[]; children: (props: InputProps) => ReactNode }) {
  const id = useId();
  const shown = messages.filter((m): m is string => Boolean(m));
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-invalid": shown.length > 0, ...(shown.length > 0 && { "aria-describedby": errorId }) })}
      {shown.length > 0 && <span id={errorId} className="field-error">{shown.join(", ")}</span>}
    </div>
  );
}
