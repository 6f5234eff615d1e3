/** Ten years of sales (the procedure's maximum): its default of 1000 days would hide the demo's 2024 orders. */
export const SUMMARY_INPUT = { days: 3650 };
