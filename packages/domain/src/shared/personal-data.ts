import { z } from "zod";

/**
 * What a personal field reads as once its person has been forgotten: the log keeps the event (history is never
 * rewritten) but the value is gone for good, because the key it was encrypted with was destroyed. A typed marker,
 * not null or "", so no reader can mistake it for a value and the UI can say "erased".
 */
export interface Erased {
  readonly erased: true;
}
export const ErasedSchema = z.object({ erased: z.literal(true) }).strict();
export const ERASED: Erased = Object.freeze({ erased: true as const });

export function isErased(value: unknown): value is Erased {
  return typeof value === "object" && value !== null && (value as { erased?: unknown }).erased === true;
}

/** A personal value, or what it reads as after its person was forgotten. */
export type PersonalValue<T> = T | Erased;

/** Shows a personal value as text: the value itself, or "erased". */
export function personalText(value: PersonalValue<string>): string {
  return isErased(value) ? "erased" : value;
}

const personalFields = z.registry<{ personal: true }>();

/**
 * Marks a field of an event's data as personal data: the event store encrypts it with its data subject's key,
 * and it reads as `Erased` once that person is forgotten. The mark is read from the schema itself
 * (`personalFieldsOf`), so nothing else has to remember which fields are personal.
 */
export function personal<S extends z.ZodType>(schema: S): z.ZodUnion<readonly [S, typeof ErasedSchema]> {
  const marked = z.union([schema, ErasedSchema]);
  personalFields.add(marked, { personal: true });
  return marked;
}

export function isPersonalSchema(schema: z.ZodType): boolean {
  return personalFields.has(schema);
}

/** The top-level fields of an event's data schema marked with `personal(...)`, in the schema's order. */
export function personalFieldsOf(dataSchema: z.ZodType): readonly string[] {
  const shape = objectShapeOf(dataSchema);
  if (shape === undefined) return [];
  return Object.entries(shape).filter(([, field]) => isPersonalSchema(field)).map(([name]) => name);
}

/** The fields of an object schema (also behind refinements, which zod 4 keeps on the object itself). */
export function objectShapeOf(schema: z.ZodType): Readonly<Record<string, z.ZodType>> | undefined {
  if (schema instanceof z.ZodObject) return schema.shape as Record<string, z.ZodType>;
  return undefined;
}
