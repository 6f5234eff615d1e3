import { randomBytes } from "node:crypto";
import type { EventStore } from "@chronicle/event-store";
import { isDomainError } from "@chronicle/domain";
import { dueWork, nextDueAt, type DueWork } from "./read-model/queries.ts";
import { shipmentById } from "./read-model/queries.ts";
import type { ShippingCommands } from "./shipping-commands.ts";

export interface WarehouseOptions {
  /** A requested shipment is dispatched this long after it was requested (the shop's SHIP_DELAY_MS). */
  dispatchDelayMs: number;
  /** A dispatched shipment is delivered this long after it left. */
  deliveryDelayMs: number;
  carrier?: string;
  /** Steps (of different shipments) sent at once (default 16). */
  concurrency?: number;
  /** Longest sleep when nothing is due and nothing wakes it. */
  pollIntervalMs?: number;
  log?: (message: string, fields?: Record<string, unknown>) => void;
  now?: () => string;
}

export interface Warehouse {
  /** Look for due work now (after the read model moved, for example). */
  wake(): void;
  /**
   * Packs a shipment just requested, now (its read model may not show it yet), then dispatches it when its delay is
   * over and delivers it when that delay is over, on timers of this process; failures are left to the next round.
   */
  packNow(shipmentId: string, correlationId?: string, requestedAt?: string): void;
  stop(): Promise<void>;
}

export const DEFAULT_CARRIER = "Chronicle Express";

/** Timed steps further out than this are not held on a timer: the read model's rounds find them when due. */
const LONGEST_TIMER_MS = 60_000;
/** A shipment whose row has not moved for this long is one nobody has in hand: the rounds take it up. */
const SETTLED_MS = 5_000;

/**
 * The warehouse as a process: it reads what is due from the shipments read model and sends the next command for
 * each (pack, dispatch with a carrier and a fresh tracking number, deliver). Its command ids derive from the
 * shipment and the step, so a crash, a second warehouse or a repeat sends nothing twice; all its state is the log.
 * A shipment it packed itself (`packNow`) is followed on timers of its own, so its dispatch leaves on time without
 * waiting for the read model to catch up; the timers are only a shortcut: a restart loses them, and the read
 * model's rounds find the same steps (the same command ids) when they fall due.
 */
export function startWarehouse(store: EventStore, commands: ShippingCommands, options: WarehouseOptions): Warehouse {
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const concurrency = options.concurrency ?? 16;
  const carrier = options.carrier ?? DEFAULT_CARRIER;
  const log = options.log ?? (() => {});
  const now = options.now ?? (() => new Date().toISOString());
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wakeUp: (() => void) | undefined;
  const wake = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    wakeUp?.();
  };

  /** Sends the step's command; resolves with the shipment's correlation id (for the steps that follow). */
  const send = async (work: DueWork, known?: { correlationId: string | undefined }): Promise<{ correlationId: string | undefined } | undefined> => {
    const shipment = known ?? (await shipmentById(store.database.db, work.shipmentId));
    if (!shipment) return undefined;
    const correlationId = shipment.correlationId ?? undefined;
    const metadata = {
      now: now(),
      commandId: `shipping:${work.step}:${work.shipmentId}`,
      ...(correlationId && { correlationId }),
      actor: "system:warehouse",
    };
    const command =
      work.step === "pack"
        ? { type: "PackShipment", data: { shipmentId: work.shipmentId } }
        : work.step === "dispatch"
          ? { type: "DispatchShipment", data: { shipmentId: work.shipmentId, carrier, trackingNumber: trackingNumberFor(work.shipmentId) } }
          : { type: "DeliverShipment", data: { shipmentId: work.shipmentId } };
    await commands.execute(command, metadata);
    return { correlationId };
  };

  const step = async (work: DueWork) => {
    try {
      const sent = await send(work);
      // Followed on timers from here, like a shipment packed by packNow.
      if (sent) followUp(work, sent.correlationId, work.requestedAt ? Date.parse(work.requestedAt) : Date.now());
    } catch (error) {
      // A refused step (the shipment was cancelled meanwhile) is the domain's answer, not a failure to retry.
      if (!isDomainError(error)) log("warehouse step failed", { ...work, error: String(error) });
    }
  };

  // Steps sent lately, by command id: the read model shows them a moment later, and until then the same step looks
  // due again. Sending it again would be harmless (its command id makes it a repeat) but would crowd out real work.
  const sent = new Map<string, number>();
  const inHand = new Set<Promise<void>>();
  const RESEND_AFTER_MS = 10_000;
  const keyOf = (work: DueWork) => `${work.step}:${work.shipmentId}`;
  let rounds = 0;
  /** Timed steps of shipments this process packed, by step key. */
  const timers = new Map<string, NodeJS.Timeout>();

  /**
   * After a step committed, the shipment's next timed step on a timer: its dispatch `dispatchDelayMs` after it was
   * requested, its delivery `deliveryDelayMs` after it left.
   */
  const followUp = (work: DueWork, correlationId: string | undefined, requestedAt: number) => {
    if (work.step === "pack") follow({ shipmentId: work.shipmentId, step: "dispatch" }, correlationId, requestedAt + options.dispatchDelayMs);
    else if (work.step === "dispatch") follow({ shipmentId: work.shipmentId, step: "deliver" }, correlationId, Date.now() + options.deliveryDelayMs);
  };

  /** Sends one step now, outside the rounds; once it committed, the shipment's next timed step goes on a timer. */
  const sendNow = (work: DueWork, correlationId: string | undefined, requestedAt: number) => {
    if (stopped) return;
    const key = keyOf(work);
    sent.set(key, Date.now());
    const sending = send(work, { correlationId })
      .then(() => followUp(work, correlationId, requestedAt))
      .catch((error: unknown) => {
        sent.delete(key);
        // A refused step (the shipment was cancelled meanwhile) is the domain's answer: nothing follows it.
        if (!isDomainError(error)) log("warehouse step failed", { ...work, error: String(error) });
      });
    inHand.add(sending);
    void sending.finally(() => inHand.delete(sending));
  };

  /**
   * A step that falls due at `dueAt`, on a timer (unless it is too far out: then the rounds find it). Only a pack is
   * timed from the request, and a pack is never put on a timer: the due time stands in for it.
   */
  const follow = (work: DueWork, correlationId: string | undefined, dueAt: number) => {
    const wait = dueAt - Date.now();
    if (stopped || wait > LONGEST_TIMER_MS) return;
    const key = keyOf(work);
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        sendNow(work, correlationId, dueAt);
      }, Math.max(0, wait)),
    );
  };

  const round = async (): Promise<number> => {
    const clock = Date.now();
    for (const [id, at] of sent) if (clock - at > RESEND_AFTER_MS) sent.delete(id);
    // After the first round, only rows that stood still for a while: what moves is in hand (sent, or on a timer),
    // and fetching it every round only to drop it cost the database and this process real time under load.
    const found = await dueWork(store.database.db, now(), { ...options, limit: 500, ...(rounds++ > 0 && { unchangedForMs: SETTLED_MS }) });
    const due = found.filter((work) => !sent.has(keyOf(work)) && !timers.has(keyOf(work)));
    for (const work of due) sent.set(keyOf(work), clock);
    // Each shipment is a stream of its own: steps of different shipments run side by side, a few at a time.
    let taken = 0;
    const lane = async () => {
      while (!stopped && taken < due.length) await step(due[taken++]!);
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, lane));
    if (due.length > 0) return 0;
    // Everything due is in hand already (sent, or on a timer): look again after the usual pause.
    if (found.length > 0) return pollIntervalMs;
    const next = await nextDueAt(store.database.db, options);
    return next === null ? pollIntervalMs : Math.max(0, Math.min(pollIntervalMs, next - Date.parse(now())));
  };

  const done = (async () => {
    while (!stopped) {
      let sleep = pollIntervalMs;
      try {
        sleep = await round();
      } catch (error) {
        log("warehouse round failed", { error: String(error) });
      }
      if (stopped) break;
      await new Promise<void>((resolve) => {
        wakeUp = resolve;
        timer = setTimeout(resolve, sleep);
      });
      wakeUp = undefined;
    }
  })();

  return {
    wake,
    packNow(shipmentId, correlationId, requestedAt) {
      const at = requestedAt ? Date.parse(requestedAt) : Date.now();
      sendNow({ shipmentId, step: "pack" }, correlationId, Number.isNaN(at) ? Date.now() : at);
    },
    async stop() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      wake();
      await done;
      await Promise.all([...inHand]);
    },
  };
}

/** A carrier's tracking number: CX-<shipment>-<8 random hex>, capitals, as TrackingNumberSchema wants. */
export function trackingNumberFor(shipmentId: string): string {
  const id = shipmentId.toUpperCase().replace(/[^A-Z0-9]/g, "").slice(0, 20);
  return `CX-${id}-${randomBytes(4).toString("hex").toUpperCase()}`;
}
