import { defaultStorePath, openStore, type Store } from "../store/index.js";
import type { Io } from "./io.js";

/**
 * `--store PATH` / `--no-store` (commander gives a path, `false`, or undefined for the default).
 * Returns null when the user asked for no store.
 */
export function openStoreOption(store: string | false | undefined, io: Io, opts: { readonly?: boolean } = {}): Store | null {
  if (store === false) return null;
  return openStore(store ?? defaultStorePath(io.env), opts);
}
