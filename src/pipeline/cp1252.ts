/**
 * windows-1252 bytes 0x80–0x9F, per the WHATWG Encoding Standard (index-windows-1252).
 *
 * Why this exists: Node ≥ 20.18.3 decodes "windows-1252" (and its aliases latin1, iso-8859-1,
 * ascii) through a Latin-1 shortcut (nodejs/node#56542, #60888), so those 32 bytes come out as C1
 * control characters instead of € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ — every
 * Western Excel CSV with a euro sign or a smart quote would be silently garbled. Unassigned bytes
 * (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay as their C1 code points, as the standard says.
 */
const HIGH: readonly number[] = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

const C1 = /[\u0080-\u009f]/g;

/** Repair text decoded as windows-1252 by a Latin-1 shortcut (a no-op on a correct decoder). */
export function fixCp1252(text: string): string {
  return text.replace(C1, (c) => String.fromCharCode(HIGH[c.charCodeAt(0) - 0x80]!));
}

/** The character windows-1252 byte `b` stands for. */
export function cp1252Char(b: number): string {
  return b >= 0x80 && b <= 0x9f ? String.fromCharCode(HIGH[b - 0x80]!) : String.fromCharCode(b);
}
