/**
 * Spreadsheet formula guard (contract "Spreadsheet safety", OWASP CSV injection): a cell that
 * starts with `=`, `+`, `-`, `@`, TAB or CR is prefixed with one `'`, which spreadsheet programs
 * take as "this is text". Reading our own output strips exactly that one `'` again, so a second
 * sweep over a clean file changes nothing.
 */

function isTrigger(c: number): boolean {
  // = + - @ TAB CR
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;
}

export function needsGuard(cell: string): boolean {
  return cell.length > 0 && isTrigger(cell.charCodeAt(0));
}

export function guardCell(cell: string): string {
  return needsGuard(cell) ? `'${cell}` : cell;
}

/** Undo guardCell: strip one `'` that stands before a trigger character. */
export function unguardCell(cell: string): string {
  return cell.length > 1 && cell.charCodeAt(0) === 39 && isTrigger(cell.charCodeAt(1)) ? cell.slice(1) : cell;
}
