import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ERASED, isPersonalSchema, objectShapeOf } from "../shared/personal-data.ts";
import { personalDataOf, personalFieldMap } from "./personal-data-map.ts";
import { eventRegistry, type EventTypeEntry } from "./registry.ts";
import { upcast } from "./upcast.ts";

const registry: Readonly<Record<string, EventTypeEntry>> = eventRegistry;

/** Field names that usually hold personal data. */
const LOOKS_PERSONAL = /name|e-?mail|address|phone|birth|street|city|zip|postcode/i;

/** Fields that look personal but are not a person's, each with the reason. */
const NOT_PERSONAL: Readonly<Record<string, string>> = {
  "ProductListed.name": "a product's name, not a person's",
};

/** Every object key of a schema, with its path, not descending into fields marked personal (those are covered). */
function unmarkedKeys(schema: z.ZodType, path: string): string[] {
  if (isPersonalSchema(schema)) return [];
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  const shape = objectShapeOf(schema);
  if (shape) {
    return Object.entries(shape)
      .filter(([, field]) => !isPersonalSchema(field))
      .flatMap(([key, field]) => [`${path}.${key}`, ...unmarkedKeys(field, `${path}.${key}`)]);
  }
  const children: z.ZodType[] = [];
  for (const key of ["element", "innerType", "in", "out", "valueType", "schema"]) {
    if (def[key] instanceof z.ZodType) children.push(def[key]);
  }
  if (Array.isArray(def.options)) children.push(...(def.options as z.ZodType[]));
  return children.flatMap((child) => unmarkedKeys(child, path));
}

describe("personal data is declared in the event schemas", () => {
  it("every field that looks personal, in every version of every event, is marked personal(...)", () => {
    const unmarked = Object.entries(registry).flatMap(([type, entry]) =>
      Object.entries(entry.versions).flatMap(([version, schema]) =>
        unmarkedKeys(schema as z.ZodType, `${type}`)
          .filter((path) => LOOKS_PERSONAL.test(path.slice(path.lastIndexOf(".") + 1)))
          .filter((path) => !Object.hasOwn(NOT_PERSONAL, path))
          .map((path) => `${path} (v${version})`),
      ),
    );
    expect(unmarked, "wrap each in personal(...) or list it in NOT_PERSONAL with a reason").toEqual([]);
  });

  it("the walk finds an unmarked personal field (the check can fail)", () => {
    const schema = z.object({ userId: z.string(), contact: z.object({ phone: z.string() }) });
    expect(unmarkedKeys(schema, "Probe")).toContain("Probe.contact.phone");
  });

  it("an event with personal fields names the person it is about", () => {
    for (const [key, fields] of personalFieldMap()) {
      const type = key.slice(0, key.indexOf("@"));
      if (fields.length > 0) expect(registry[type]?.subjectField, type).toBeDefined();
    }
  });

  it("reads the personal fields and the subject of a stored event", () => {
    expect(personalDataOf({ type: "UserRegistered", schemaVersion: 2, data: { userId: "7", name: "A", email: { kind: "unknown" } } }))
      .toEqual({ subject: "user-7", fields: ["name", "email"] });
    expect(personalDataOf({ type: "UserRegistered", schemaVersion: 1, data: { userId: "7", userName: "A" } }))
      .toEqual({ subject: "user-7", fields: ["userName"] });
    expect(personalDataOf({ type: "UserEmailChanged", schemaVersion: 1, data: { userId: "7", email: "a@b.co" } }))
      .toEqual({ subject: "user-7", fields: ["email"] });
    expect(personalDataOf({ type: "CustomerForgotten", schemaVersion: 1, data: { userId: "7", requestedBy: "admin" } }))
      .toEqual({ subject: "user-7", fields: [] });
    expect(personalDataOf({ type: "OrderPlaced", schemaVersion: 1, data: { userId: "7" } })).toEqual({ subject: "user-7", fields: [] });
    expect(personalDataOf({ type: "ProductListed", schemaVersion: 1, data: { productId: "1", name: "Mug" } })).toBeUndefined();
    expect(personalDataOf({ type: "OrderShipped", schemaVersion: 1, data: { orderId: "1" } })).toBeUndefined();
    expect(personalDataOf({ type: "Nope", schemaVersion: 1, data: { userId: "7" } })).toBeUndefined();
    expect(personalDataOf({ type: "UserRegistered", schemaVersion: 2, data: { userId: 7 } })).toBeUndefined();
  });

  it("erased personal fields parse, and upcast from v1 keeps them erased", () => {
    expect(upcast({ type: "UserRegistered", schemaVersion: 1, data: { userId: "1", userName: ERASED } }))
      .toEqual({ type: "UserRegistered", data: { userId: "1", name: ERASED, email: { kind: "unknown" } } });
    expect(upcast({ type: "UserEmailChanged", schemaVersion: 1, data: { userId: "1", email: ERASED } }).data).toEqual({ userId: "1", email: ERASED });
    // A field that is not personal cannot be "erased".
    expect(() => upcast({ type: "UserEmailChanged", schemaVersion: 1, data: { userId: ERASED, email: "a@b.co" } })).toThrow();
  });
});
