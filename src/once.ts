/**
 * Lazily computed, then shared for the life of the process.
 *
 * For immutable tables built from bundled data (domain lists, the bounce rules' automaton): safe
 * to share between instances, and built only by the commands that use them. The one kind of
 * module-level state the code base allows; it only ever goes from "not yet" to "built".
 */
export function once<T>(make: () => T): () => T {
  let box: { readonly value: T } | undefined;
  return () => {
    if (box === undefined) box = { value: make() };
    return box.value;
  };
}
