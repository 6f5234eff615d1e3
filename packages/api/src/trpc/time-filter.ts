import { z } from "zod";

/** Real time zones lie within UTC−12:00 and UTC+14:00; Postgres itself refuses offsets past ±15:59. */
const MAX_OFFSET_MINUTES = 14 * 60;

/**
 * A point in time a filter may take: ISO 8601 with an offset, in a range the database accepts. The ISO format alone
 * lets through offsets like +23:59 and the year 0000, which Postgres refuses (an opaque 500 before this check).
 */
export const TimeFilterSchema = z.iso.datetime({ offset: true }).superRefine((value, ctx) => {
  const offset = /([+-])(\d{2}):?(\d{2})$/.exec(value);
  if (offset && Number(offset[2]) * 60 + Number(offset[3]) > MAX_OFFSET_MINUTES) {
    ctx.addIssue({ code: "custom", message: "a time zone offset is at most ±14:00" });
  }
  const year = Number(value.slice(0, 4));
  if (year < 1 || !Number.isFinite(Date.parse(value))) {
    ctx.addIssue({ code: "custom", message: "a date from the year 0001 on" });
  }
});
