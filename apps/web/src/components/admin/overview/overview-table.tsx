import type { OverviewCheckStep } from "@chronicle/api";
import { formatMoney } from "~/components/money";
import { Personal } from "~/components/personal";

export type OverviewView = Extract<OverviewCheckStep, { kind: "done" }>["fromLog"];

const items = (list: readonly { productId: string; quantity: number }[]) =>
  list.length === 0 ? <span className="muted">empty</span>
    : list.map((i, n) => <span key={i.productId} className="nowrap">{n > 0 && ", "}{i.quantity} × {i.productId}</span>);

/** The article's overview: every user with their cart and their orders. */
export function OverviewTable({ overview, testId }: { overview: OverviewView; testId: string }) {
  const userIds = [...new Set([...overview.users.map((u) => u.userId), ...Object.keys(overview.carts), ...Object.keys(overview.orders)])];
  const nameOf = new Map(overview.users.map((u) => [u.userId, u.name]));
  return (
    <table data-testid={testId}>
      <thead><tr><th>User</th><th>Cart</th><th>Orders</th></tr></thead>
      <tbody>
        {userIds.map((userId) => (
          <tr key={userId} data-testid={`${testId}-user-${userId}`}>
            <td><strong>{nameOf.has(userId) ? <Personal value={nameOf.get(userId)} /> : <span className="muted">(not registered)</span>}</strong> <span className="mono small muted">{userId}</span></td>
            <td className="small">{items(Object.hasOwn(overview.carts, userId) ? overview.carts[userId]! : [])}</td>
            <td className="small">
              {(Object.hasOwn(overview.orders, userId) ? overview.orders[userId]! : []).map((o) => (
                <div key={o.orderId}><span className="mono">{o.orderId}</span>: {items(o.lines)} = {formatMoney(o.total)}</div>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
