/**
 * A domain typed with the keyboard still on the Russian layout. Russian users switch layouts
 * constantly (Alt+Shift), and a domain typed before switching back comes out as the Cyrillic
 * letters printed on the same keys: `ьфшд.кг` is mail.ru, `пьфшд.сщь` is gmail.com (the layout
 * switchers Punto Switcher and Caramba exist for exactly this slip).
 *
 * The map is the standard ЙЦУКЕН layout (GOST 6431-90 / the Windows "Russian" layout) over
 * QWERTY. Keys whose Latin side is punctuation (х [, ъ ], ж ;, э ', б ",", ю ".", ё `) are left
 * out: a domain reading that needs them is not a domain.
 */
const JCUKEN_TO_QWERTY: ReadonlyMap<string, string> = new Map(
  [..."йцукенгшщзфывапролдячсмить"].map((ch, i) => [ch, "qwertyuiopasdfghjklzxcvbnm"[i] ?? ""] as const),
);

/** The Latin reading of an all-Cyrillic domain typed on the Russian layout, or null. */
export function fromRussianLayout(domain: string): string | null {
  let out = "";
  let letters = 0;
  for (const ch of domain) {
    const latin = JCUKEN_TO_QWERTY.get(ch);
    if (latin !== undefined) {
      out += latin;
      letters++;
    } else if (ch === "." || ch === "-" || (ch >= "0" && ch <= "9")) {
      out += ch;
    } else {
      return null;
    }
  }
  return letters > 0 ? out : null;
}
