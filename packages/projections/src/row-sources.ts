import type { StreamType } from "@chronicle/domain";

/**
 * The read models whose rows are each keyed by one stream's id, so a row can explain itself (provenance): which
 * event last changed it and which stream made it. The one list the API and the admin UI use. A file of its own
 * (and a subpath export) so a browser bundle can take the names without the tables.
 */
export const ROW_SOURCE_STREAMS = {
  catalog: "product",
  carts: "cart",
  orders: "order",
  overview_users: "user",
} as const satisfies Record<string, StreamType>;

export type RowSource = keyof typeof ROW_SOURCE_STREAMS;
export const ROW_SOURCES = Object.keys(ROW_SOURCE_STREAMS) as [RowSource, ...RowSource[]];
