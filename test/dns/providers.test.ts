import { describe, expect, it } from "vitest";
import { parseDnsServer, providerFor, providerOfHost } from "../../src/dns/index.js";

describe("providerOfHost", () => {
  it.each<[string, string | null]>([
    ["aspmx.l.google.com", "Google Workspace"],
    ["ALT1.ASPMX.L.GOOGLE.COM.", "Google Workspace"],
    ["aspmx2.googlemail.com", "Google Workspace"],
    ["smtp.google.com", "Google Workspace"],
    ["gmail-smtp-in.l.google.com", "Gmail"],
    ["alt2.gmail-smtp-in.l.google.com", "Gmail"],
    ["contoso-com.mail.protection.outlook.com", "Microsoft 365"],
    ["contoso-com.l-v1.mx.microsoft", "Microsoft 365"],
    ["hotmail-com.olc.protection.outlook.com", "Outlook.com"],
    ["mx.yandex.net", "Yandex 360"],
    ["mx.yandex.ru", "Yandex 360"],
    ["emx.mail.ru", "Mail.ru for business"],
    ["mxs.mail.ru", "Mail.ru"],
    ["mx.zoho.eu", "Zoho Mail"],
    ["mx0a-00123456.pphosted.com", "Proofpoint"],
    ["mx1-us1.ppe-hosted.com", "Proofpoint"],
    ["eu-smtp-inbound-1.mimecast.com", "Mimecast"],
    ["mx1.hc1234-56.iphmx.com", "Cisco Secure Email"],
    ["d123456a.ess.barracudanetworks.com", "Barracuda"],
    ["mx01.mail.icloud.com", "iCloud"],
    ["mta5.am0.yahoodns.net", "Yahoo"],
    ["in1-smtp.messagingengine.com", "Fastmail"],
    ["mail.protonmail.ch", "Proton Mail"],
    ["mail.tutanota.de", "Tuta"],
    ["mx00.gmx.net", "GMX"],
    ["mx-ha03.web.de", "WEB.DE"],
    // Label boundary: a look-alike suffix is not the provider.
    ["mx.notgoogle.com", null],
    ["mx.evil-mimecast.com", null],
    ["mail.example.com", null],
    ["", null],
  ])("%s → %s", (host, expected) => {
    expect(providerOfHost(host)).toBe(expected);
  });

  it("providerFor takes the best-priority recognised host", () => {
    expect(
      providerFor([
        { exchange: "backup.example.com", priority: 5 },
        { exchange: "eu-smtp-inbound-1.mimecast.com", priority: 20 },
        { exchange: "aspmx.l.google.com", priority: 10 },
      ]),
    ).toBe("Google Workspace");
    expect(providerFor([{ exchange: "mail.example.com", priority: 10 }])).toBeNull();
  });
});

describe("parseDnsServer", () => {
  it.each<[string, string]>([
    ["1.1.1.1", "1.1.1.1"],
    [" 127.0.0.1:5353 ", "127.0.0.1:5353"],
    ["::1", "::1"],
    ["[::1]", "::1"],
    ["[::1]:53", "[::1]:53"],
    ["[2001:db8::53]:5300", "[2001:db8::53]:5300"],
  ])("%j → %j", (input, expected) => {
    expect(parseDnsServer(input)).toBe(expected);
  });

  it.each([
    ["dns.google", /IP address/],
    ["1.2.3.4:0", /port/],
    ["1.2.3.4:70000", /port/],
    ["[example]:53", /IPv6/],
    ["1.2.3.4:53:53", /IP address/],
    ["", /IP address/],
  ])("refuses %j", (input, message) => {
    expect(() => parseDnsServer(input)).toThrow(message);
  });
});
