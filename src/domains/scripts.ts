import { domainToUnicode } from "node:url";

/** Scripts whose letters are confused with each other in domain names (UTS #39 §5.2). */
type Confusable = "Latin" | "Cyrillic" | "Greek";

const SCRIPT_TESTS: readonly (readonly [Confusable, RegExp])[] = [
  ["Latin", /\p{Script=Latin}/u],
  ["Cyrillic", /\p{Script=Cyrillic}/u],
  ["Greek", /\p{Script=Greek}/u],
];

/**
 * Cyrillic letters drawn like Latin ones. A label written only in these (`раура1` = "paypal" in
 * Cyrillic) under a Latin top-level domain is a whole-script look-alike: browsers show such labels
 * as punycode for the same reason (Chromium IDN spoof checks, "whole-script confusable").
 */
const CYRILLIC_LATIN_LOOKALIKES = /^[аеорсухіјѕԁһӏԛԝѵ0-9-]+$/u;

export interface MixedScript {
  readonly label: string;
  readonly scripts: readonly string[];
}

function scriptsOf(label: string): Confusable[] {
  const found: { script: Confusable; at: number }[] = [];
  for (const [script, re] of SCRIPT_TESTS) {
    const m = re.exec(label);
    if (m) found.push({ script, at: m.index });
  }
  // Order of first appearance reads naturally in the message ("Latin, Cyrillic" for pаypal).
  return found.sort((a, b) => a.at - b.at).map((f) => f.script);
}

/**
 * The first label that mixes Latin, Cyrillic or Greek letters, or a wholly Cyrillic look-alike
 * label under a Latin TLD; null when the domain is single-script per label (`пример.рф`,
 * `bücher.de`, `例え.jp` are all fine). Punycode labels are decoded first, so `xn--pypal-4ve.com`
 * is caught like `pаypal.com`.
 */
export function detectMixedScript(domain: string): MixedScript | null {
  const unicode = domain.includes("xn--") ? domainToUnicode(domain) || domain : domain;
  const labels = unicode.split(".");
  for (const label of labels) {
    const scripts = scriptsOf(label);
    if (scripts.length > 1) return { label, scripts };
  }
  const tld = labels[labels.length - 1] ?? "";
  const tldScripts = scriptsOf(tld);
  if (tldScripts.length === 1 && tldScripts[0] === "Latin") {
    for (const label of labels.slice(0, -1)) {
      const s = scriptsOf(label);
      if (s.length === 1 && s[0] === "Cyrillic" && CYRILLIC_LATIN_LOOKALIKES.test(label)) {
        return { label, scripts: ["Cyrillic", "Latin"] };
      }
    }
  }
  return null;
}
