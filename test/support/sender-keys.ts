import { generateKeyPairSync } from "node:crypto";

/**
 * Real DKIM public keys for the sender tests, generated once per test file: the base64 "p=" value
 * as a DKIM record publishes it. RSA keys are SubjectPublicKeyInfo (what every DKIM signer
 * publishes); Ed25519 keys are the raw 32 bytes (RFC 8463 §4.2).
 */
export interface DkimTestKeys {
  readonly rsa512: string;
  readonly rsa1024: string;
  readonly rsa2048: string;
  /** The 2048-bit key as a bare PKCS#1 RSAPublicKey, which some old signers publish. */
  readonly rsa2048Pkcs1: string;
  readonly ed25519: string;
}

export function makeDkimKeys(): DkimTestKeys {
  const rsa = (bits: number, type: "spki" | "pkcs1" = "spki"): string =>
    generateKeyPairSync("rsa", { modulusLength: bits }).publicKey.export({ type, format: "der" }).toString("base64");
  const big = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey;
  const ed = generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "der" });
  return {
    rsa512: rsa(512),
    rsa1024: rsa(1024),
    rsa2048: big.export({ type: "spki", format: "der" }).toString("base64"),
    rsa2048Pkcs1: big.export({ type: "pkcs1", format: "der" }).toString("base64"),
    ed25519: ed.subarray(ed.length - 32).toString("base64"),
  };
}

/** A TXT value split into quoted strings of at most 255 characters (RFC 1035 §3.3.14 / zone syntax). */
export function quotedTxt(value: string): string {
  const parts: string[] = [];
  for (let i = 0; i < value.length; i += 200) parts.push(`"${value.slice(i, i + 200)}"`);
  return parts.join(" ");
}

/** The reverse-lookup name of an IPv4 or IPv6 address (in-addr.arpa / ip6.arpa). */
export function reverseName(ip: string): string {
  if (ip.includes(".")) return `${ip.split(".").reverse().join(".")}.in-addr.arpa`;
  const [head = "", tail] = ip.split("::");
  const h = head === "" ? [] : head.split(":");
  const t = tail === undefined || tail === "" ? [] : tail.split(":");
  const groups = [...h, ...Array<string>(tail === undefined ? 0 : 8 - h.length - t.length).fill("0"), ...t];
  return `${groups.map((g) => g.padStart(4, "0")).join("").split("").reverse().join(".")}.ip6.arpa`;
}
