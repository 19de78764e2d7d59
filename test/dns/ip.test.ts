import { describe, expect, it } from "vitest";
import { isGloballyRoutable } from "../../src/dns/index.js";

// One row per special-purpose block (RFC 6890 registries), with an address on each edge where
// an off-by-one in the prefix arithmetic would show.
describe("isGloballyRoutable: IPv4", () => {
  it.each<[string, boolean, string]>([
    ["93.184.215.14", true, "ordinary public"],
    ["8.8.8.8", true, "ordinary public"],
    ["0.0.0.0", false, "this network"],
    ["0.255.255.255", false, "this network, last"],
    ["1.0.0.0", true, "just past 0/8"],
    ["10.0.0.1", false, "RFC 1918"],
    ["10.255.255.255", false, "RFC 1918 last"],
    ["11.0.0.0", true, "just past 10/8"],
    ["100.63.255.255", true, "just below CGN"],
    ["100.64.0.0", false, "CGN first"],
    ["100.127.255.255", false, "CGN last"],
    ["100.128.0.0", true, "just past CGN"],
    ["127.0.0.1", false, "loopback"],
    ["169.254.1.1", false, "link local"],
    ["172.15.255.255", true, "below 172.16/12"],
    ["172.16.0.0", false, "RFC 1918"],
    ["172.31.255.255", false, "RFC 1918 last"],
    ["172.32.0.0", true, "past 172.16/12"],
    ["192.0.0.8", false, "IETF protocol assignments"],
    ["192.0.0.9", true, "PCP anycast exception"],
    ["192.0.0.10", true, "TURN anycast exception"],
    ["192.0.0.170", false, "NAT64 discovery"],
    ["192.0.2.1", false, "TEST-NET-1"],
    ["192.88.99.1", false, "6to4 relay anycast, deprecated"],
    ["192.168.1.1", false, "RFC 1918"],
    ["192.169.0.0", true, "past 192.168/16"],
    ["198.17.255.255", true, "below benchmarking"],
    ["198.18.0.0", false, "benchmarking"],
    ["198.19.255.255", false, "benchmarking last"],
    ["198.20.0.0", true, "past benchmarking"],
    ["198.51.100.7", false, "TEST-NET-2"],
    ["203.0.113.9", false, "TEST-NET-3"],
    ["224.0.0.1", false, "multicast"],
    ["239.255.255.255", false, "multicast last"],
    ["240.0.0.1", false, "reserved"],
    ["255.255.255.255", false, "limited broadcast"],
    ["223.255.255.255", true, "last unicast before multicast"],
  ])("%s → %s (%s)", (ip, expected) => {
    expect(isGloballyRoutable(ip)).toBe(expected);
  });
});

describe("isGloballyRoutable: IPv6", () => {
  it.each<[string, boolean, string]>([
    ["2606:4700::1", true, "ordinary public"],
    ["2a00:1450:4001:80b::201a", true, "ordinary public"],
    ["::", false, "unspecified"],
    ["::1", false, "loopback"],
    ["::ffff:8.8.8.8", false, "IPv4-mapped"],
    ["64:ff9b::8.8.8.8", true, "NAT64 of a public IPv4"],
    ["64:ff9b::10.0.0.1", false, "NAT64 of a private IPv4"],
    ["64:ff9b:1::1", false, "local-use NAT64"],
    ["100::1", false, "discard-only"],
    ["2001::1", false, "Teredo"],
    ["2001:1::1", true, "PCP anycast exception"],
    ["2001:1::4", false, "IETF assignment, no exception"],
    ["2001:2::1", false, "benchmarking"],
    ["2001:3::1", true, "AMT"],
    ["2001:4:112::1", true, "AS112-v6"],
    ["2001:10::1", false, "deprecated ORCHID"],
    ["2001:20::1", true, "ORCHIDv2"],
    ["2001:1ff::1", false, "end of 2001::/23"],
    ["2001:200::1", true, "just past 2001::/23"],
    ["2001:db8::1", false, "documentation"],
    ["2002:0808:0808::1", true, "6to4 of a public IPv4"],
    ["2002:0a00:0001::1", false, "6to4 of a private IPv4"],
    ["3fff::1", false, "documentation (RFC 9637)"],
    ["3ffe::1", true, "ordinary global unicast"],
    ["5f00::1", false, "SRv6 SIDs"],
    ["fc00::1", false, "unique local"],
    ["fd12:3456::1", false, "unique local"],
    ["fe80::1", false, "link local"],
    ["fec0::1", false, "site local"],
    ["ff02::1", false, "multicast"],
    ["4000::1", false, "outside 2000::/3, unallocated"],
    ["fe80::1%eth0", false, "zone index"],
  ])("%s → %s (%s)", (ip, expected) => {
    expect(isGloballyRoutable(ip)).toBe(expected);
  });
});

describe("isGloballyRoutable: not an address", () => {
  it.each(["", "localhost", "256.1.1.1", "1.2.3", "[::1]", "2001:db8::g", "mx.example.com"])("%j → false", (s) => {
    expect(isGloballyRoutable(s)).toBe(false);
  });
});
