import type { Executor } from "../db/database.ts";
import type { StoredEvent } from "../types.ts";

/** Where a projection writes: its tables by base name, resolved to the live tables or to a rebuild's copies. */
export interface ProjectionTarget {
  /** The executor of the transaction that also moves the projection's checkpoint (exactly-once). */
  readonly executor: Executor;
  /** The actual name of one of the projection's tables: `base` itself, or its copy while rebuilding. */
  table(base: string): string;
}

/**
 * A read model folded from the log into tables. `apply` gets events in the global order, in batches, inside the
 * transaction that records the checkpoint: it must write only through `target` and must throw (never skip) on an
 * event it cannot handle, including an event type it does not know.
 */
export interface Projection {
  /** Unique, lowercase: `[a-z][a-z0-9_]*`. */
  readonly name: string;
  /** Only events of these stream types are read; all stream types when absent. */
  readonly streamTypes?: readonly string[];
  /** The tables it owns (created by migrations); a rebuild fills copies of them, then swaps. */
  readonly tables: readonly string[];
  apply(events: readonly StoredEvent[], target: ProjectionTarget): Promise<void>;
}
