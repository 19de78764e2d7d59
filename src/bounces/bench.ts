import { performance } from "node:perf_hooks";
import { classifyBounce } from "./classify.js";

/**
 * Throughput of classifyBounce over the templates below, drawn about equally often: unknown-user
 * and full-mailbox replies, wrapped and multi-line ones, blocks and throttles, a Russian text, and
 * texts no rule matches (the slowest path: every rule is tried). Run by `npm run bench`; tests
 * never time anything.
 */
const TEMPLATES: readonly string[] = [
  "host mx.{d}[192.0.2.{n}] said: 550 5.1.1 <{u}@{d}>: Recipient address rejected: User unknown in local recipient table (in reply to RCPT TO command)",
  "550-5.1.1 The email account that you tried to reach does not exist. Please try\\n550-5.1.1 double-checking the recipient's email address for typos or\\n550-5.1.1 unnecessary spaces. Learn more at\\n550 5.1.1  https://support.google.com/mail/?p=NoSuchUser a{n}si.{n} - gsmtp",
  "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'",
  "552-5.2.2 The email account that you tried to reach is over quota. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaPerm x{n} - gsmtp",
  "554 delivery error: dd This user doesn't have a yahoo.com account ({u}@yahoo.com) [0] - mta{n}.mail.gq1.yahoo.com",
  "421 4.7.0 [TSS04] Messages from 192.0.2.{n} temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes",
  "554 5.7.1 Service unavailable; Client host [192.0.2.{n}] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.{n}",
  "550 Message was not accepted -- invalid mailbox. Local mailbox {u}@mail.ru is unavailable: user not found",
  "550 5.7.1 No such user!",
  "SMTP error from remote mail server after RCPT TO:<{u}@{d}>:\\nhost mx.{d} [192.0.2.{n}]: 550-Verification failed for <info@shop.example>\\n550-No Such User Here\\n550 Sender verify failed",
  "connect to mx.{d}[192.0.2.{n}]:25: Connection timed out",
  "450 4.2.0 <{u}@{d}>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/{d}.html",
  "550-5.7.26 Unauthenticated email from shop.example is not accepted due to domain's DMARC policy. Please contact the administrator of shop.example domain.",
  "Пользователь не найден",
  "Delivery to the following recipient failed: {u}@{d}",
  "Message could not be delivered to {u}@{d} after {n} attempts",
];

const DOMAINS: readonly string[] = ["example.com", "example.org", "corp.example", "mail.example.net"];

export interface BenchResult {
  readonly linesPerSecond: number;
  readonly lines: number;
  readonly elapsedMs: number;
}

export function benchClassify(lines: number): BenchResult {
  // Deterministic input: a small linear congruential generator, local to this call. In 32-bit
  // integer arithmetic (a product in doubles loses its low bits past 2^53), and only the high
  // bits are used: an LCG's low bits cycle with a short period, which had made 97% of the pool
  // one template.
  let seed = 12345;
  const next = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed >>> 16;
  };
  // A pool of distinct texts, cycled: like a real log, and the timed loop then measures the
  // classifier rather than the garbage collector walking a huge array of retained inputs.
  const poolSize = Math.max(1, Math.min(lines, 10_000));
  const texts: string[] = [];
  for (let i = 0; i < poolSize; i += 1) {
    const template = TEMPLATES[next() % TEMPLATES.length] ?? "";
    const domain = DOMAINS[next() % DOMAINS.length] ?? "example.com";
    texts.push(
      template
        .replaceAll("{u}", `user${next() % 100000}`)
        .replaceAll("{d}", domain)
        .replaceAll("{n}", String(next() % 250)),
    );
  }
  // Warm up the regex compiler and JIT on the first part so the figure reflects steady state.
  for (const text of texts.slice(0, 2000)) classifyBounce(text);
  let checksum = 0;
  const start = performance.now();
  for (let i = 0; i < lines; i += 1) checksum += classifyBounce(texts[i % poolSize] ?? "").category.length;
  const elapsedMs = performance.now() - start;
  if (checksum === 0 && lines > 0) throw new Error("benchmark produced no classifications");
  return { linesPerSecond: elapsedMs > 0 ? Math.round((lines / elapsedMs) * 1000) : Infinity, lines, elapsedMs };
}
