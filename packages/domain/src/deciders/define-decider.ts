import type { z } from "zod";
import { parseOrThrow } from "../errors/parse.ts";
import { CommandMetadataSchema } from "../shared/metadata.ts";
import type { StreamType } from "../shared/stream-ids.ts";
import type { DecideContext, Decider, NoDependencies } from "./decider.ts";

export interface DeciderDefinition<C, E, S, Deps extends object, T extends string = StreamType> extends Omit<Decider<C, E, S, Deps, T>, "decide"> {
  readonly commandSchema: z.ZodType<C>;
  readonly eventSchema: z.ZodType<E>;
  decide(command: C, state: S, context: DecideContext<Deps>): readonly E[];
}

/**
 * Wraps a decider's business logic (of any bounded context: the stream type is a parameter) with the checks every decider needs, so no single one can forget them:
 * the command and its metadata are validated on the way in (commands may come from a queue or a script, not only
 * from tRPC), and every decided event is validated on the way out against its own schema.
 */
export function defineDecider<C extends { type: string }, E extends { type: string }, S, Deps extends object = NoDependencies, T extends string = StreamType>(
  definition: DeciderDefinition<C, E, S, Deps, T>,
): Decider<C, E, S, Deps, T> {
  const { commandSchema, eventSchema, decide, ...decider } = definition;
  return {
    ...decider,
    decide(command, state, context) {
      const valid = parseOrThrow(commandSchema, command, `${String(command.type)} command`);
      const metadata = parseOrThrow(CommandMetadataSchema, context.metadata, "command metadata");
      const events = decide(valid, state, { ...context, metadata });
      return events.map((event) =>
        parseOrThrow(eventSchema, event, `decided ${event.type} event (a domain bug)`, "INVARIANT_BROKEN"),
      );
    },
  };
}
