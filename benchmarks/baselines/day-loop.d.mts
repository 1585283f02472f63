/** The `workingDays`-th working day after the Beijing day of `paidAtMs`, `YYYY-MM-DD`, by chinese-days' isWorkday one day at a time. */
export function dayLoopOpening(paidAtMs: number, workingDays: number): string;
