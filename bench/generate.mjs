// Synthetic export for the benchmark: N rows, 9 columns, ~120 bytes a row, a realistic mix of
// providers, corporate domains, messy cells, typos and duplicates. Deterministic.
import { createWriteStream } from "node:fs";
import { once } from "node:events";

const free = ["gmail.com", "yahoo.com", "mail.ru", "yandex.ru", "outlook.com", "hotmail.com", "gmx.de", "web.de", "icloud.com", "qq.com"];

/** Every domain the generated export uses (for a DNS-only run over the same names). */
export function domainsOf({ domains = 50_000 } = {}) {
  return [...free, ...Array.from({ length: domains }, (_, k) => `corp${k}.com`)];
}

export async function generate(path, rows, { domains = 50_000 } = {}) {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const names = ["ivan", "maria", "john", "anna", "peter", "olga", "liam", "emma", "wei", "sofia", "lukas", "chloe"];
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  out.write("id,first_name,last_name,email,phone,city,signup_date,tags,score\n");
  for (let i = 1; i <= rows; i++) {
    const n = names[i % names.length];
    const r = rand();
    // Half the rows at free providers, half spread evenly over `domains` corporate domains (a
    // multiplicative stride visits every one in a scattered order).
    const domain = i % 2 === 0 ? free[(i >> 1) % free.length] : `corp${((i >> 1) * 7919) % domains}.com`;
    let email = `${n}.${i % 99991}@${domain}`;
    if (r > 0.97) email = ` ${email.toUpperCase()} `;
    else if (r > 0.96) email = `${n}@gmial.com`;
    const line = `${i},${n},Surname${i % 1000},${email},+1 555 ${String(i % 10000000).padStart(7, "0")},City ${i % 500},2026-0${(i % 9) + 1}-1${i % 10},tag${i % 7},${i % 100}\n`;
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}
