import { isErased, type PersonalValue } from "@chronicle/domain";

/** A personal value, or — once its person was forgotten — the word "erased", marked so nobody takes it for a name. */
export function Personal({ value }: { value: PersonalValue<string> | null | undefined }) {
  if (value === null || value === undefined) return <span className="muted">—</span>;
  if (isErased(value)) return <span className="badge erased" data-testid="erased" title="The person was forgotten: their key was destroyed">erased</span>;
  return <>{value}</>;
}

/** The top-level fields of an event's data that read as erased. */
export function erasedFieldsOf(data: Record<string, unknown>): string[] {
  return Object.entries(data).filter(([, value]) => isErased(value)).map(([field]) => field);
}
