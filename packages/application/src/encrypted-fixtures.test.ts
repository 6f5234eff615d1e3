import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { personalDataOf, personalFieldMap, upcast } from "@chronicle/domain";
import { dataKeyOf, isSealedField, openField, parseMasterKey, sealField, unwrapDataKey, type SealedField } from "@chronicle/event-store";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "domain", "fixtures", "events");
const encrypted = path.join(fixtures, "encrypted");
interface EncryptedFixture {
  masterKey: string;
  subject: string;
  wrappedKey: string;
  eventId: string;
  stored: { type: string; schemaVersion: number; data: Record<string, unknown> };
}
const read = <T>(file: string): T => JSON.parse(readFileSync(file, "utf8")) as T;

/**
 * The golden fixtures' encrypted forms: how the store keeps each event type with personal fields. A change to the
 * envelope, the cipher, the IV derivation or the key wrapping that would make stored events unreadable fails here.
 */
describe("golden fixtures, encrypted form", () => {
  const files = readdirSync(encrypted).filter((file) => file.endsWith(".json"));

  it("exist for every (type, version) with personal fields, and only for those", () => {
    const expected = [...personalFieldMap()].filter(([, fields]) => fields.length > 0).map(([key]) => key.replace("@", ".v") + ".json");
    expect(files.sort()).toEqual(expected.sort());
  });

  it.each(files)("%s opens to its plaintext fixture, and sealing that plaintext again gives the same bytes", (file) => {
    const fixture = read<EncryptedFixture>(path.join(encrypted, file));
    const plain = read<{ type: string; schemaVersion: number; data: Record<string, unknown> }>(path.join(fixtures, file));
    const key = dataKeyOf(unwrapDataKey(parseMasterKey(fixture.masterKey), fixture.subject, Buffer.from(fixture.wrappedKey, "base64")));
    const { subject, fields } = personalDataOf(plain)!;
    expect(subject).toBe(fixture.subject);
    const opened: Record<string, unknown> = { ...fixture.stored.data };
    for (const field of fields) {
      const sealed = fixture.stored.data[field];
      expect(isSealedField(sealed), `${file}: ${field} is stored sealed`).toBe(true);
      opened[field] = openField(sealed as SealedField, key, fixture.eventId, field);
      expect(sealField(subject, key, fixture.eventId, field, plain.data[field])).toEqual(sealed);
    }
    expect(opened).toEqual(plain.data);
    expect(JSON.stringify(fixture.stored.data)).not.toContain(JSON.stringify(plain.data[fields[0]!]).slice(1, -1));
    expect(upcast({ ...fixture.stored, data: opened }).type).toBe(plain.type);
  });
});
