export function ordersHref(status?: string, cursor?: string): string {
  const params = new URLSearchParams();
  if (status) params.set("status", status);
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return query ? `/admin/orders?${query}` : "/admin/orders";
}
