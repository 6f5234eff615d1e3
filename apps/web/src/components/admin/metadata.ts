/** A metadata key as text: metadata is free-form JSON, so a key may be missing or not a string. */
export function metaText(metadata: Record<string, unknown>, key: string): string | null {
  const value = metadata[key];
  return typeof value === "string" && value !== "" ? value : null;
}
