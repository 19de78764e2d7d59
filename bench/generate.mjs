// Synthetic export for the benchmark: N rows, 9 columns, ~120 bytes a row, a realistic mix of
// providers, corporate domains, messy cells, typos and duplicates. Deterministic.
import { createWriteStream } from "node:fs";
import { once } from "node:events";

const free = ["gmail.com", "yahoo.com", "mail.ru", "yandex.ru", "outlook.com", "hotmail.com", "gmx.de", "web.de", "icloud.com", "qq.com"];

/** Every domain the generated export uses (for a DNS-only run over the same names). */
export function domainsOf({ domains = 50_000 } = {}) {
  return [...free, ...Array.from({ length: domains }, (_, k) => `corp${k}.com`)];
}

/**
 * `layout`: "front" (default) visits every corporate domain within the first 2 × `domains` rows
 * and then again and again, evenly: every later row may need any domain, the hard case for
 * overlapping DNS with the CSV work. "growing" introduces the domains one by one across the whole
 * file (each odd row either a new domain or one seen before, uniformly), as a CRM export sorted
 * by sign-up date does.
 */
export async function generate(path, rows, { domains = 50_000, layout = "front" } = {}) {
  let introduced = 0;
  const corporate = (i) => {
    if (layout === "front") return ((i >> 1) * 7919) % domains;
    const due = Math.ceil((((i >> 1) + 1) * domains) / Math.ceil(rows / 2));
    if (introduced < Math.min(due, domains)) return introduced++;
    return (Math.imul(i >> 1, 2654435761) >>> 0) % introduced;
  };
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const names = ["ivan", "maria", "john", "anna", "peter", "olga", "liam", "emma", "wei", "sofia", "lukas", "chloe"];
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  out.write("id,first_name,last_name,email,phone,city,signup_date,tags,score\n");
  for (let i = 1; i <= rows; i++) {
    const n = names[i % names.length];
    const r = rand();
    // Half the rows at free providers, half over `domains` corporate domains (see `layout`).
    const domain = i % 2 === 0 ? free[(i >> 1) % free.length] : `corp${corporate(i)}.com`;
    let email = `${n}.${i % 99991}@${domain}`;
    if (r > 0.97) email = ` ${email.toUpperCase()} `;
    else if (r > 0.96) email = `${n}@gmial.com`;
    const line = `${i},${n},Surname${i % 1000},${email},+1 555 ${String(i % 10000000).padStart(7, "0")},City ${i % 500},2026-0${(i % 9) + 1}-1${i % 10},tag${i % 7},${i % 100}\n`;
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}
