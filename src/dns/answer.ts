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

export async function answer<T>(call: () => Promise<T>): Promise<Answer<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (e) {
    const code = errorCode(e);
    return { ok: false, negative: code === "ENOTFOUND" ? "nxdomain" : code === "ENODATA" ? "nodata" : null, code };
  }
}
