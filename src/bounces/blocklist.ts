/**
 * Which blocklist a `blocklisted` reply names, so the support engineer knows where to look the IP
 * up and ask for delisting. Works on the lower-cased text; returns null when no list is named.
 */

/** Postfix reject_rbl_client: "... blocked using zen.spamhaus.org; https://..." */
const BLOCKED_USING = /blocked using ([a-z0-9][a-z0-9.-]{0,80}[a-z0-9])/;

/** DNS zones of public blocklists, as they appear in replies ("listed in bl.spamcop.net"). */
const DNSBL_ZONE =
  /(?:^|[^a-z0-9.-])((?:[a-z0-9-]{1,63}\.){0,3}(?:spamhaus\.org|spamcop\.net|sorbs\.net|barracudacentral\.org|abuseat\.org|uceprotect\.net|mailspike\.net|spamrats\.com|surbl\.org|uribl\.com|psbl\.surriel\.com|backscatterer\.org|spameatingmonkey\.net|s5h\.net|manitu\.net|invaluement\.com))(?![a-z0-9-])/;

/** "listed in/on/at <zone>" naming a zone we do not know by name. */
const LISTED_IN_ZONE = /(?<!not )\blisted (?:in|on|at|by) (?:the )?([a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,4})/;

/** Lists named without a zone, and provider-internal lists identified by their reply codes. */
const BRANDS: readonly (readonly [RegExp, string])[] = [
  [/spamhaus/, "spamhaus"],
  [/spamcop/, "spamcop"],
  [/barracuda/, "barracuda"],
  [/\bsorbs\b/, "sorbs"],
  [/uceprotect/, "uceprotect"],
  [/abuseat|\bcbl\b/, "cbl"],
  [/proofpoint/, "proofpoint"],
  [/cloudmark/, "cloudmark"],
  [/spamrats/, "spamrats"],
  [/mailspike/, "mailspike"],
  // Outlook.com / Microsoft 365: "(S3150)", "banned sending IP", "SC-001", "DY-001".
  [/\(s3\d{3}\)|banned send(?:ing ip|er)|\b(?:sc-00[134]|dy-001)\b/, "microsoft"],
  [/comcast/, "comcast"],
];

function isWebHost(name: string): boolean {
  return name.startsWith("www.");
}

export function blocklistName(lower: string): string | null {
  const using = BLOCKED_USING.exec(lower)?.[1];
  if (using !== undefined && !isWebHost(using)) return using;
  const zone = DNSBL_ZONE.exec(lower)?.[1];
  if (zone !== undefined && !isWebHost(zone)) return zone;
  const listed = LISTED_IN_ZONE.exec(lower)?.[1];
  if (listed !== undefined && !isWebHost(listed)) return listed;
  for (const [pattern, name] of BRANDS) {
    if (pattern.test(lower)) return name;
  }
  return null;
}
