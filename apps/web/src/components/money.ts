/** Minor units -> "€12.00" (the shop's prices are integers in the currency's smallest unit). */
export function formatMoney(money: { amount: number; currency: string }): string {
  return new Intl.NumberFormat("en-IE", { style: "currency", currency: money.currency }).format(money.amount / 100);
}

export function formatTime(iso: string): string {
  return new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" }) + " UTC";
}
