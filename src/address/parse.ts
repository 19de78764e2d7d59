import type { Reason } from "../reasons.js";
import { normalizeAndValidate } from "./normalize.js";
import { validateAddress, type DomainCheckCache, type Validation } from "./syntax.js";

export interface ParseResult extends Validation {
  /** The value after normalizeCell, even when it is not a valid address. */
  readonly normalizedValue: string;
}

/**
 * normalizeCell + validateAddress for one cell. A blank cell (nothing but whitespace and
 * invisible characters) gives only `empty`. Otherwise reasons come in a stable order: the reject
 * (`syntax_invalid` or `unsafe_unicode`), then `smtputf8`, then `normalized` when the address
 * that will be written differs from the cell.
 */
export function parseAddress(cell: string, cache?: DomainCheckCache): ParseResult {
  const n = normalizeAndValidate(cell, cache);
  if (n.value === "") return { address: null, reasons: [{ code: "empty" }], normalizedValue: "" };
  const v = n.validation ?? validateAddress(n.value, cache);
  const written = v.address?.normalized ?? n.value;
  const reasons: Reason[] = [...v.reasons];
  if (written !== cell && n.steps.length > 0) reasons.push({ code: "normalized", steps: n.steps });
  return { address: v.address, reasons, normalizedValue: n.value };
}
