import { expect } from "vitest";
import type { DecideContext, Decider } from "../deciders/decider.ts";
import { DomainError, type DomainErrorCode } from "../errors/domain-error.ts";
import { fold } from "../replay/fold.ts";
import type { CommandMetadata } from "../shared/metadata.ts";
import { deepFreeze } from "./deep-freeze.ts";

/** The time every specification runs at unless it says otherwise. */
export const SPEC_NOW = "2024-03-01T12:00:00.000Z";

export interface SpecificationOptions<Deps> {
  readonly context?: Partial<Deps>;
  readonly metadata?: CommandMetadata;
}

/**
 * `given(pastEvents).when(command).then(newEvents)` / `.thenThrows(code)`, for one decider. History and state are
 * deep-frozen first, so a decider or evolve that mutates its input fails every specification it appears in.
 */
export function specification<C, E, S, Deps extends object>(decider: Decider<C, E, S, Deps, string>, defaults: SpecificationOptions<Deps> = {}) {
  return function given(history: readonly E[]) {
    return {
      when(command: C, options: SpecificationOptions<Deps> = {}) {
        const decide = (): readonly E[] => {
          const state = deepFreeze(fold(decider, deepFreeze(history)));
          const metadata = options.metadata ?? defaults.metadata ?? { now: SPEC_NOW };
          // Deps the test leaves out are absent, exactly as when a handler did not load them.
          const context = { ...defaults.context, ...options.context, metadata } as DecideContext<Deps>;
          return decider.decide(command, state, context);
        };
        return {
          then(expected: readonly E[]): void {
            expect(decide()).toEqual(expected);
          },
          thenNothingHappens(): void {
            expect(decide()).toEqual([]);
          },
          thenThrows(code: DomainErrorCode, message?: string | RegExp): void {
            let caught: unknown;
            try {
              decide();
            } catch (error) {
              caught = error;
            }
            expect(caught, "expected the command to be refused with a DomainError").toBeInstanceOf(DomainError);
            const error = caught as DomainError;
            expect(error.code, error.message).toBe(code);
            if (message !== undefined) expect(error.message).toMatch(message);
          },
        };
      },
    };
  };
}
