/**
 * The resolver does not answer at all (canary failed, or transient failures dominate a run).
 * The CLI maps it to exit 75 ("DNS unavailable, retry later") before any output is created.
 */
export class DnsUnavailableError extends Error {
  override readonly name = "DnsUnavailableError";
  readonly servers: readonly string[];
  /** The resolver error behind it, e.g. "ETIMEOUT", "ECONNREFUSED", or "TRANSIENT_MAJORITY". */
  readonly code: string;

  constructor(servers: readonly string[], code: string, message?: string) {
    const where = servers.length > 0 ? servers.join(", ") : "the system resolver";
    super(message ?? `The DNS resolver does not answer (${where}: ${code}).`);
    this.servers = Object.freeze([...servers]);
    this.code = code;
  }
}
