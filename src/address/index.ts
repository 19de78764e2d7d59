// src/address: parse, normalise and validate one email cell; role local parts.
export { normalizeCell, MAX_CELL_LENGTH, type Normalized } from "./normalize.js";
export {
  validateAddress,
  MAX_LOCAL_OCTETS,
  MAX_LABEL_OCTETS,
  MAX_DOMAIN_OCTETS,
  MAX_ADDRESS_OCTETS,
  type Address,
  type Validation,
  type DomainCheck,
  type DomainCheckCache,
} from "./syntax.js";
export { parseAddress, type ParseResult } from "./parse.js";
export {
  canonicalDomain,
  findUnsafe,
  isInvisible,
  isWhitespace,
  toAsciiDomain,
  toUnicodeDomain,
  utf8Length,
  type UnsafeChar,
} from "./unicode.js";
export { roleOf, createRoleMatcher, defaultRoleMatcher, parseListFile, roleKey, type RoleMatcher } from "./role.js";
