// Building an Intl formatter costs far more than formatting with one (the catalog page formats every price on every
// render: measured with `bench:profile page`), so one is built per currency and kept.
const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Minor units -> "€12.00" (the shop's prices are integers in the currency's smallest unit). */
export function formatMoney(money: { amount: number; currency: string }): string {
  let format = moneyFormats.get(money.currency);
  if (!format) moneyFormats.set(money.currency, (format = new Intl.NumberFormat("en-IE", { style: "currency", currency: money.currency })));
  return format.format(money.amount / 100);
}

export function formatTime(iso: string): string {
  return new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" }) + " UTC";
}
