/**
 * Every date the store keeps is Date#toISOString output: UTC, fixed width, so comparing the
 * text compares the instants (SQL min/max and `<` work on it directly).
 */
export function isoDate(value: string | Date, what: string): string {
  const date = typeof value === "string" ? new Date(value) : value;
  const ms = date.getTime();
  if (!Number.isFinite(ms)) {
    throw new RangeError(`${what} is not a date: ${JSON.stringify(String(value))}`);
  }
  return date.toISOString();
}

export const DAY_MS = 86_400_000;
