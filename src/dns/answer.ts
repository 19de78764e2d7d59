import { DnsUnavailableError } from "./errors.js";

/**
 * One resolver call, classified. Only NXDOMAIN (ENOTFOUND) and NODATA (ENODATA) are answers: the
 * server said the name, or the type at the name, is not there. ETIMEOUT, ESERVFAIL, EREFUSED,
 * EBADRESP, EFORMERR, ECONNREFUSED… are not, and must never reject anything (contract).
 * Shared by the list checker and the sender audit.
 */
export type Answer<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly negative: "nxdomain" | "nodata" | null; readonly code: string };

export function errorCode(e: unknown): string {
  if (typeof e === "object" && e !== null && "code" in e && typeof e.code === "string") return e.code;
  return "EUNKNOWN";
}

/** Anything with node:dns's Resolver methods the canary uses. */
interface CanaryResolver {
  resolveNs(name: string): Promise<string[]>;
  resolve4(name: string): Promise<string[]>;
  getServers(): string[];
}

/**
 * Proves the resolver answers at all, before a run writes anything: the root NS set, which every
 * recursive resolver answers (usually from its priming cache); any DNS answer, even NXDOMAIN
 * from a test server, is proof. Some forwarders refuse or fail queries for the root; `.invalid`
 * is answered NXDOMAIN by any working resolver without leaving it (RFC 6761 §6.4), so that is
 * asked next. Throws DnsUnavailableError naming the servers.
 */
export async function proveResolverAnswers(resolver: CanaryResolver): Promise<void> {
  const root = await answer(() => resolver.resolveNs("."));
  if (root.ok || root.negative !== null) return;
  if (root.code === "ESERVFAIL" || root.code === "EREFUSED") {
    const invalid = await answer(() => resolver.resolve4("mailsweep-canary.invalid"));
    if (invalid.ok || invalid.negative !== null) return;
  }
  throw new DnsUnavailableError(resolver.getServers(), root.code);
}

export async function answer<T>(call: () => Promise<T>): Promise<Answer<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (e) {
    const code = errorCode(e);
    return { ok: false, negative: code === "ENOTFOUND" ? "nxdomain" : code === "ENODATA" ? "nodata" : null, code };
  }
}
