import { describe, expect, it } from "vitest";
import { extractCodes, joinContinuations, MAX_BOUNCE_TEXT, parseBounce, unwrapBounce } from "../../src/bounces/parse.js";

describe("extractCodes", () => {
  it.each([
    ["550 5.1.1 <bob@example.com>: User unknown", "550", "5.1.1"],
    ["550-5.1.1 The email account that you tried to reach does not exist.", "550", "5.1.1"],
    ["452 4.2.2 Mailbox full", "452", "4.2.2"],
    ["#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##", "550", "5.1.1"],
    ["Sorry, no mailbox here by that name. (#5.1.1)", null, "5.1.1"],
    ["550 5.7.708 Service unavailable. Access denied", "550", "5.7.708"],
    ["550 5.1.10 RESOLVER.ADR.RecipientNotFound", "550", "5.1.10"],
    ["250 2.0.0 OK queued", "250", "2.0.0"],
    // The outermost reply comes first: Postfix's own 450 around the remote 550.
    ["450 4.1.1 <bob@example.com>: unverified address: host mx[192.0.2.1] said: 550 5.1.1 User unknown", "450", "4.1.1"],
    // IP addresses are not enhanced codes, ports 465/587 are not reply codes.
    ["connect to mx.example.com[192.0.2.1]:465: Connection timed out", null, null],
    ["connect to 5.4.3.2:587: Connection refused", null, null],
    ["Messages from 192.0.2.10 temporarily deferred - 4.16.55.1; see postmaster", null, null],
    ["Client host [203.0.113.5] blocked", null, null],
    // Versions and sizes are not codes.
    ["Exim 4.96 said: message of 552000 bytes refused", null, null],
    ["Postfix 3.5.9 rejected it", null, null],
    // A 2xx reply counts only at the very start.
    ["Message size 250 KB is over the limit", null, null],
    ["Yahoo: This mailbox is disabled (554.30)", "554", null],
    ["(550) mailbox unavailable", "550", null],
    ["", null, null],
    ["No codes here at all", null, null],
  ] as const)("%s → %s / %s", (text, code, enhancedCode) => {
    expect(extractCodes(text)).toEqual({ code, enhancedCode });
  });
});

describe("unwrapBounce", () => {
  it.each([
    [
      "host mx.example.com[192.0.2.1] said: 550 5.1.1 User unknown (in reply to RCPT TO command)",
      "550 5.1.1 User unknown",
    ],
    ["host mx.example.com said: 550 No Such User Here (in reply to end of DATA command)", "550 No Such User Here"],
    ["Remote host said: 553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)", "553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)"],
    [
      "Remote Server returned '550 5.7.1 Unfortunately, messages from [192.0.2.10] weren't sent.'",
      "550 5.7.1 Unfortunately, messages from [192.0.2.10] weren't sent.",
    ],
    ["Удаленный сервер вернул '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'", "550 5.1.1 RESOLVER.ADR.RecipNotFound; not found"],
    [
      "SMTP error from remote mail server after RCPT TO:<bob@example.com>:\nhost mx.example.com [192.0.2.1]: 550 5.1.1 <bob@example.com>: User unknown",
      "550 5.1.1 <bob@example.com>: User unknown",
    ],
    [
      "SMTP error from remote mail server after end of data:\nhost mx.example.com [192.0.2.1]: 554 5.7.1 Rejected as spam",
      "554 5.7.1 Rejected as spam",
    ],
    [
      "SMTP error from remote server for RCPT TO command, host: mx.example.com (192.0.2.1) reason: 550 5.1.1 User unknown",
      "550 5.1.1 User unknown",
    ],
    [
      "postfix/smtp[4242]: 4Xz: to=<bob@example.com>, relay=mx.example.com[192.0.2.1]:25, status=bounced (host mx.example.com[192.0.2.1] said: 550 5.1.1 User unknown (in reply to RCPT TO command))",
      "550 5.1.1 User unknown",
    ],
    ["The response from the remote server was:\n550 5.1.1 Nope", "550 5.1.1 Nope"],
    ["The error that the other server returned was: 550 5.1.1 Nope", "550 5.1.1 Nope"],
    ["Ответ сервера: 550 5.1.1 Нет такого пользователя", "550 5.1.1 Нет такого пользователя"],
    ["Diagnostic-Code: smtp; 550 5.1.1 <bob@example.com>... User unknown", "550 5.1.1 <bob@example.com>... User unknown"],
    [
      "Diagnostic information for administrators: Generating server: EX01.corp.example Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'",
      "550 5.1.1 RESOLVER.ADR.RecipNotFound; not found",
    ],
    // Nested relays: both wrappers go, both replies stay.
    [
      "host relay.example.com[192.0.2.2] said: 450 4.1.1 unverified address: host mx.example.com[192.0.2.1] said: 550 5.1.1 User unknown (in reply to RCPT TO command) (in reply to RCPT TO command)",
      "450 4.1.1 unverified address: 550 5.1.1 User unknown",
    ],
    ["550 5.1.1 User unknown", "550 5.1.1 User unknown"],
  ] as const)("%s", (raw, expected) => {
    expect(parseBounce(raw).text).toBe(expected);
  });

  it("keeps line breaks for the joining step", () => {
    expect(unwrapBounce("550-a\\n550 b")).toBe("550-a\n550 b");
  });
});

describe("joinContinuations and literal line breaks", () => {
  it.each([
    [
      "550-5.1.1 The email account that you tried to reach does not exist. Please try\n550-5.1.1 double-checking the recipient's email address for typos or\n550 5.1.1 unnecessary spaces.",
      "550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces.",
    ],
    // The CSV export wrote literal backslash-n.
    [
      "550-5.1.1 The email account that you tried to reach does not exist.\\n550 5.1.1 Learn more",
      "550 5.1.1 The email account that you tried to reach does not exist. Learn more",
    ],
    // CR LF, literal and real.
    ["550-Verification failed for <a@b.example>\\r\\n550-No Such User Here\r\n550 Sender verify failed", "550 Verification failed for <a@b.example> No Such User Here Sender verify failed"],
    // A log already folded the lines into spaces.
    [
      "550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 double-checking the address 550 5.1.1 https://support.google.com/mail/?p=NoSuchUser",
      "550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the address https://support.google.com/mail/?p=NoSuchUser",
    ],
    // Lines without enhanced codes.
    ["554-Transaction failed\n554-Reject due to policy restrictions.\n554 For explanation visit https://postmaster.web.de", "554 Transaction failed Reject due to policy restrictions. For explanation visit https://postmaster.web.de"],
    // A different code inside the text is content, not a continuation.
    ["550-Response: 421 busy\n550 Sender verify failed", "550 Response: 421 busy Sender verify failed"],
    ["  spaced \t out\u00a0 text  ", "spaced out text"],
  ] as const)("%s", (raw, expected) => {
    expect(parseBounce(raw).text).toBe(expected);
  });

  it("leaves text without a reply code alone apart from whitespace", () => {
    expect(joinContinuations("no  code\nhere", null)).toBe("no code here");
  });

  it("lower-cases once for matching, keeping the original text", () => {
    const parsed = parseBounce("550 No Such User Here");
    expect(parsed.text).toBe("550 No Such User Here");
    expect(parsed.lower).toBe("550 no such user here");
  });

  it("caps the input before parsing", () => {
    const long = `550 5.1.1 User unknown ${"x".repeat(MAX_BOUNCE_TEXT * 3)}`;
    const parsed = parseBounce(long);
    expect(parsed.text.length).toBeLessThanOrEqual(MAX_BOUNCE_TEXT);
    expect(parsed.code).toBe("550");
  });
});
