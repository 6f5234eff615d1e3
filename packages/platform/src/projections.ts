import { auditIndexProjection, type Projection } from "@chronicle/event-store";
import { fulfillmentProjection } from "@chronicle/fulfillment";
import { shopProjections } from "@chronicle/projections";

/**
 * Every async projection of the shop's database, in the order a runner applies them: the read models, the
 * fulfillment process, and the audit log's index last (so it never delays the others). The web app's status page,
 * the worker and the CLI all use this one list.
 */
export function allProjections(): readonly Projection[] {
  return [...shopProjections, fulfillmentProjection(), auditIndexProjection];
}
