import { describe, expect, it } from "vitest";
import { MAX_DNS_TTL_SECONDS } from "../../src/store/index.js";
import { useTempStores } from "./tmp.js";

const t = useTempStores();
const T0 = Date.parse("2025-03-01T00:00:00Z");
const answer = { kind: "mx", hosts: [{ preference: 10, exchange: "mx.example.com" }] };

describe("DNS cache", () => {
  it.each([
    ["just stored", 0, answer],
    ["one second before expiry", 299_000, answer],
    ["at expiry", 300_000, undefined],
    ["after expiry", 301_000, undefined],
  ])("ttl 300 s, read %s → %j", (_label, offset, expected) => {
    const s = t.open();
    s.dnsPut("example.com", answer, 300, T0);
    expect(s.dnsGet("example.com", T0 + offset)).toEqual(expected);
    // The same after the buffer is written to the file.
    s.flush();
    expect(s.dnsGet("example.com", T0 + offset)).toEqual(expected);
  });

  it("returns undefined for a domain never stored", () => {
    expect(t.open().dnsGet("nowhere.example", T0)).toBeUndefined();
  });

  it("round-trips JSON values of every shape", () => {
    const s = t.open();
    const values: unknown[] = [null, 0, "nxdomain", [1, "a"], { nested: { deep: [true, false] } }];
    values.forEach((v, i) => s.dnsPut(`d${i}.example`, v, 60, T0));
    s.flush();
    values.forEach((v, i) => expect(s.dnsGet(`d${i}.example`, T0)).toEqual(v));
  });

  it("treats domains case-insensitively and ignores the root dot", () => {
    const s = t.open();
    s.dnsPut("Example.COM.", answer, 60, T0);
    expect(s.dnsGet("example.com", T0)).toEqual(answer);
    s.flush();
    expect(s.dnsGet("EXAMPLE.com.", T0)).toEqual(answer);
  });

  it.each([0, -5, Number.NaN])("does not cache an answer with ttl %s", (ttl) => {
    const s = t.open();
    s.dnsPut("example.com", answer, ttl, T0);
    s.flush();
    expect(s.dnsGet("example.com", T0)).toBeUndefined();
  });

  it("caps very long TTLs", () => {
    const s = t.open();
    s.dnsPut("example.com", answer, 365 * 86_400, T0);
    expect(s.dnsGet("example.com", T0 + MAX_DNS_TTL_SECONDS * 1000 - 1)).toEqual(answer);
    expect(s.dnsGet("example.com", T0 + MAX_DNS_TTL_SECONDS * 1000)).toBeUndefined();
  });

  it("a later put replaces the earlier answer", () => {
    const s = t.open();
    s.dnsPut("example.com", { kind: "timeout" }, 60, T0);
    s.flush();
    s.dnsPut("example.com", answer, 60, T0 + 1000);
    expect(s.dnsGet("example.com", T0 + 1000)).toEqual(answer);
    s.flush();
    expect(s.dnsGet("example.com", T0 + 1000)).toEqual(answer);
  });

  it("buffers puts: another connection sees them after flush, after N puts, or after close", () => {
    const a = t.open("s.sqlite", { dnsFlushEvery: 3 });
    const b = t.open("s.sqlite");
    a.dnsPut("one.example", 1, 60, T0);
    a.dnsPut("two.example", 2, 60, T0);
    expect(b.dnsGet("one.example", T0)).toBeUndefined();
    a.dnsPut("three.example", 3, 60, T0); // the third put writes the batch
    expect(b.dnsGet("one.example", T0)).toBe(1);
    expect(b.dnsGet("three.example", T0)).toBe(3);
    a.dnsPut("four.example", 4, 60, T0);
    expect(b.dnsGet("four.example", T0)).toBeUndefined();
    a.close();
    expect(b.dnsGet("four.example", T0)).toBe(4);
  });

  it("survives re-opening", () => {
    const a = t.open("s.sqlite");
    a.dnsPut("example.com", answer, 60, T0);
    a.close();
    expect(t.open("s.sqlite").dnsGet("example.com", T0 + 1)).toEqual(answer);
  });

  it("purges expired rows only", () => {
    const s = t.open();
    s.dnsPut("short.example", 1, 10, T0);
    s.dnsPut("long.example", 2, 1000, T0);
    s.flush();
    s.dnsPut("buffered-short.example", 3, 10, T0);
    expect(s.dnsPurgeExpired(T0 + 20_000)).toBe(1);
    expect(s.dnsGet("long.example", T0 + 20_000)).toBe(2);
    s.flush();
    expect(s.dnsGet("short.example", T0)).toBeUndefined();
    expect(s.dnsGet("buffered-short.example", T0)).toBeUndefined();
  });

  it("asDnsCache() reads and writes with the current time", () => {
    const s = t.open();
    const cache = s.asDnsCache();
    cache.put("example.com", answer, 60);
    expect(cache.get("example.com")).toEqual(answer);
    expect(s.dnsGet("example.com", Date.now() + 61_000)).toBeUndefined();
    expect(cache.get("other.example")).toBeUndefined();
  });

  it("rejects a value with no JSON form", () => {
    const s = t.open();
    expect(() => s.dnsPut("example.com", undefined, 60, T0)).toThrow(TypeError);
    expect(() => s.dnsPut("example.com", () => 1, 60, T0)).toThrow(TypeError);
  });
});
