import type { BounceCategory } from "./types.js";

/**
 * The bounce rule table: data, tried in a fixed order, first match wins.
 *
 * Order of decision (see classify.ts):
 *   0. AUTO_REPLY: an out-of-office reply is no bounce and answers `unknown`.
 *   1. PHRASE_RULES, top to bottom. Phrases beat codes: servers put generic codes on specific
 *      texts (Yandex answers an unknown mailbox with "550 5.7.1 No such user!").
 *      Within the phrase table:
 *        a. sender verification and sender-address rejections — an Exim callout failure quotes
 *           the remote answer about OUR address ("550-Verification failed for <me@ours>
 *           550-No Such User Here 550 Sender verify failed"), so it must win over every
 *           recipient phrase that appears inside it;
 *        b. recipient-policy identifiers that would otherwise read as sender words
 *           (Microsoft RESOLVER.RST.AuthRequired says "authentication required" about a group);
 *        c. other sender-side causes: sender_config, sender_account, blocklisted, rate_limited,
 *           message format, spam_content, message_rejected — blocklists before spam because
 *           "spamhaus" contains "spam", rate limits and format rejections before spam because
 *           Gmail's throttle and RFC 5322 texts carry its anti-spam boilerplate;
 *        d. the path: connection_failed (before domain_invalid: "Host not found, try again" is a
 *           DNS timeout, not a missing domain);
 *        e. recipient causes: domain_invalid, mailbox_disabled, mailbox_full, mailbox_unknown
 *           (disabled and full before unknown: Mail.ru says "invalid mailbox ... account is
 *           disabled" and "invalid mailbox ... mailbox is full");
 *        f. gave-up notices (message expired, retry timeout exceeded, loops): after the
 *           recipient causes, because Exim prefixes the cause ("Mailbox quota exceeded: retry
 *           timeout exceeded");
 *        g. transient wording, then generic recipient-policy wording.
 *   2. ENHANCED_RULES on the enhanced status code (RFC 3463 class.subject.detail).
 *   3. BASIC_RULES on the basic reply code (RFC 5321 §4.2.2).
 *   4. Otherwise `unknown`: no evidence, no guess.
 *
 * Patterns are written in lower case and matched against the lower-cased text, without flags
 * (no `g`/`y`: a RegExp without them keeps no state between calls). They avoid nested
 * quantifiers and unbounded wildcards, so matching stays linear on the 4 KB-capped text.
 * `\b` is only used next to ASCII letters: JavaScript word boundaries do not see Cyrillic.
 */

export interface PhraseRule {
  /** Stable id, reported as `rule` (evidence of which rule decided). */
  readonly id: string;
  readonly category: BounceCategory;
  readonly patterns: readonly RegExp[];
  /** The real server reply (or replies) the patterns came from. */
  readonly comment: string;
}

/**
 * Auto-replies are not bounces. An out-of-office reply lands in the same bounce mailbox but says
 * the mailbox is alive; its wording ("temporarily out of the office", "try again later",
 * "vorübergehend") would otherwise read as a transient failure and count as a soft bounce against
 * a working address. classify.ts tries these patterns before the rule table and answers `unknown`
 * (nothing to suppress, nothing to retry).
 */
export interface AutoReplyRule {
  readonly id: string;
  readonly patterns: readonly RegExp[];
  /** The real auto-replies the patterns came from. */
  readonly comment: string;
}

export const AUTO_REPLY: AutoReplyRule = {
  id: "auto-reply",
  patterns: [
    /\bout of (?:the )?office\b/,
    /\bautomatic reply\b|\bauto-?reply\b|\bautoreply\b|\bautomated response\b/,
    /\bvacation (?:reply|message|notice)\b|\bon (?:vacation|holiday)\b/,
    /\bon (?:annual |parental |maternity |sick )?leave (?:until|from|till)\b/,
    /abwesenheitsnotiz|automatische antwort|nicht im b(?:ü|ue)ro/,
    /r[ée]ponse automatique|absente? du bureau/,
    /respuesta autom[aá]tica|fuera de (?:la )?oficina/,
    /resposta autom[aá]tica|fora do escrit[oó]rio/,
    /risposta automatica|fuori (?:ufficio|sede)/,
    /автоматический ответ|автоответ|я в отпуске/,
    /自动回复|自動返信|自動応答|不在にしております/,
    /automatisch antwoord|afwezigheidsbericht|odpowied[zź] automatyczna|otomatik yan[ıi]t|automatick[aá] odpov[eě][dď]|автоматична відповідь|자동 ?응답|부재 ?중/,
  ],
  comment:
    'Exchange/Outlook: "Automatic reply: ..." and "Out of Office: I am currently away and will return on Monday"; vacation(1): "I am on vacation"; "I am on annual leave until 3 June"; ' +
    'Outlook German: "Abwesenheitsnotiz" / "Automatische Antwort"; French "Réponse automatique : Je suis absent du bureau"; Spanish "Respuesta automática: fuera de la oficina"; ' +
    'Portuguese "Resposta automática: fora do escritório"; Italian "Risposta automatica: fuori ufficio"; Russian "Автоматический ответ: Я в отпуске"; ' +
    'Chinese "自动回复"; Japanese "自動返信：ただいま不在にしております"; Outlook subjects: Dutch "Automatisch antwoord:", Polish "Odpowiedź automatyczna:", Turkish "Otomatik yanıt:", Czech "Automatická odpověď:", Ukrainian "Автоматична відповідь:", Korean "자동 응답:" / Naver "부재중"; help desks: "This is an automated response confirming that we have received your message"',
};

export const PHRASE_RULES: readonly PhraseRule[] = [
  // ───────────── a. sender verification and sender-address rejections ─────────────
  {
    id: "sender-verify-failed",
    category: "sender_config",
    patterns: [
      /sender verif(?:y|ication) (?:failed|defer)/,
      /(?:can(?:'|no)?t|unable to|could not|couldn't) verify sender/,
      /could not complete sender verify/,
      /sender (?:address )?(?:verification|callout)/,
      // Exim's callout header names the address it verified; a recipient callout says
      // "Callout verification failed:" instead, hence the look-behind.
      /(?<!callout |recipient )verification failed for </,
    ],
    comment:
      'Exim/cPanel: "550-Verification failed for <info@our-shop.example> 550-No Such User Here 550 Sender verify failed"; ' +
      '"550 non-local sender verification failed"; "451 Could not complete sender verify callout"; "450 4.1.7 Can\'t verify sender"; ' +
      'the callout header alone: "550 Verification failed for <info@our-shop.example>"',
  },
  {
    id: "sender-address-rejected",
    category: "sender_config",
    patterns: [
      /sender address rejected/,
      /sender (?:was |is )?(?:rejected|refused)/,
      /(?:invalid|bad|unknown) sender/,
      /emetteur invalide/,
      /domain of sender address/,
      /sender domain (?:not found|does not exist|doesn't exist|unknown|must exist|is invalid)/,
      /not owned by (?:auth(?:enticated)? )?user/,
      /sender address has null mx/,
      /sender address (?:is )?not allowed/,
      /unresolvable rfc\.?532[12] from domain/,
    ],
    comment:
      'Postfix: "450 4.1.8 <me@our-shop.example>: Sender address rejected: Domain not found"; ' +
      '"553 5.7.1 <me@x.example>: Sender address rejected: not owned by user bob"; Orange: "501 5.1.0 Emetteur invalide. Invalid Sender. OFR_102 [102]"; ' +
      'sendmail: "553 5.1.8 <me@x.example>... Domain of sender address me@x.example does not exist"; qmail: "Connected to 192.0.2.1 but sender was rejected."; ' +
      'GMX/WEB.DE: "550-Sender address is not allowed. 550 For explanation visit https://postmaster.web.de/error-messages?c=sa"; ' +
      'Yahoo: "451 Message temporarily deferred due to unresolvable RFC.5321 from domain; see https://postmaster.yahooinc.com/error-codes"',
  },

  // ───────────── b. recipient-policy identifiers that contain sender-ish words ─────────────
  {
    id: "ms-recipient-restriction",
    category: "recipient_policy",
    patterns: [
      /resolver\.rst\.(?:authrequired|notauthorized|sendernotauthenticated|restrictedto|deliverytonotallowed)/,
      /sender not authenticated for (?:group|mailbox|public folder|mail user)/,
      /delivery restriction check failed/,
      /allowed[- ]senders list/,
      /senderfilterconfig/,
      /blocked senders/,
      /marked (?:your |this |the )?(?:messages?|e-?mails?) as spam|spam reporting address/,
      /unsubscribed address/,
    ],
    comment:
      'Microsoft 365: "550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; authentication required; Delivery restriction check failed because the sender was not authenticated when sending to this group"; ' +
      '"550 5.7.1 RESOLVER.RST.AuthRequired; authentication required"; "550 5.7.124 Sender not in allowed-senders list"; ' +
      'Exchange: "550 5.1.0 Sender denied as sender\'s email address is on SenderFilterConfig list"; Mimecast: "550 Rejected by header based Blocked Senders - https://community.mimecast.com/docs/DOC-1369#550"; ' +
      'Mailgun (the recipient complained or unsubscribed, it is not the message): "Not delivering to a user who marked your messages as spam"; "Not delivering to unsubscribed address"; ' +
      'SendGrid dropped-event reasons: "Spam Reporting Address", "Unsubscribed Address"; Postmark SpamComplaint: "The subscriber explicitly marked this email as spam."',
  },
  // ESPs that refuse to send to an address that bounced hard before say "blacklist"/"blocked"
  // about the ADDRESS (their own suppression list), not about the sender's IP: it must win over
  // dnsbl and reputation-block.
  {
    id: "esp-previous-bounce",
    category: "mailbox_unknown",
    patterns: [/(?:because of|due to) (?:a )?previous (?:hard[- ]?)?bounce/, /previously (?:hard[- ])?bounced/],
    comment:
      'Mandrill reject reason: "Recipient is on the rejection blacklist because of a previous hard bounce"; Brevo "blocked" event: "Recipient is blocked because of previous hard bounce"; ' +
      'Mailgun: "Not delivering to previously bounced address"',
  },
  {
    id: "challenge-response",
    category: "recipient_policy",
    patterns: [/challenge[- ]response|challenge asking for verification|spam arrest|mailfrontier matador/],
    comment:
      'Postmark bounce type ChallengeVerification: "The bounce is a challenge asking for verification you actually sent the email. Typcial challenges are made by Spam Arrest, or MailFrontier Matador." ' +
      '(the recipient\'s whitelisting system; its product names contain "spam")',
  },
  {
    id: "gmail-recipient-policy",
    category: "recipient_policy",
    patterns: [/has a policy that prohibited the mail/],
    comment:
      'Gmail: "550-5.7.1 The user or domain that you are sending to (or from) has a policy that prohibited the mail that you sent."',
  },

  {
    id: "cpanel-no-such-account",
    category: "mailbox_unknown",
    patterns: [/the account or domain may not exist/],
    comment:
      'cPanel Exim, answering for a mailbox it cannot deliver to: "550 The mail server could not deliver mail to bob@example.com.  The account or domain may not exist, ' +
      'they may be blacklisted, or missing the proper dns entries." The address is the cause; "blacklisted" is only one of its guesses, so this sits before the blocklist rules ' +
      '(and after sender verification, which wins when the text is about our own address).',
  },

  // ───────────── c. sender side ─────────────
  {
    id: "dmarc",
    category: "sender_config",
    patterns: [/\bdmarc\b/],
    comment:
      'Gmail: "550-5.7.26 Unauthenticated email from example.com is not accepted due to domain\'s DMARC policy"; ' +
      'Microsoft: "550 5.7.509 Access denied, sending domain [example.com] does not pass DMARC verification and has a DMARC policy of reject"; ' +
      '"550 5.7.1 Email rejected per DMARC policy for example.com"; "not accepted due to domain owner DMARC policy"',
  },
  {
    id: "spf",
    category: "sender_config",
    patterns: [/\bspf\b/, /sender policy framework/, /openspf\.(?:net|org)/],
    comment:
      'Gmail: "550-5.7.26 ... The sender must authenticate with at least one of SPF or DKIM"; "550 5.7.23 Message rejected due to SPF fail"; ' +
      '"550 5.7.1 Sender domain SPF exact match mandatory"; Mail.ru: "550 Message rejected. SPF check failed"; ' +
      'policyd-spf: "554 5.7.1 <bob@example.com>: Recipient address rejected: Please see http://www.openspf.net/Why?s=helo"',
  },
  {
    id: "dkim",
    category: "sender_config",
    // A DKIM *failure*, not any mention: Gmail's rate-limit reply names "your DKIM domain"
    // ("421 4.7.28 ... unusual rate of unsolicited mail originating from your DKIM domain").
    patterns: [
      /\bdkim\b(?![^.;]*\bdomain\b[^.;]*\b(?:rate|unsolicited))(?=[^.;]*\b(?:fail|invalid|missing|no passing|not|verif|signature|align|required|authenticat))|\b(?:no|missing|invalid|failed|bad)\b[^.;]{0,30}\bdkim\b/,
      /domainkeys/,
    ],
    comment: '"550 5.7.20 No passing DKIM signature found"; Yahoo: "554 5.7.9 Message not accepted, DKIM signature verification failed"',
  },
  {
    id: "unauthenticated-mail",
    category: "sender_config",
    patterns: [
      /unauthenticated (?:e-?mail|mail|message)/,
      /mail is unauthenticated/,
      /does not have authentication information/,
      /(?:fails?|does not pass) (?:to pass )?authentication checks/,
      /(?:doesn't|does not) meet the required authentication level/,
    ],
    comment:
      'Gmail: "550-5.7.1 This message does not have authentication information or fails to pass authentication checks"; ' +
      'Outlook.com: "550 5.7.515 Access denied, sending domain example.com doesn\'t meet the required authentication level"',
  },
  {
    id: "reverse-dns",
    category: "sender_config",
    patterns: [
      // SendGrid's "unable to get mx info: failed to get IPs from PTR record: lookup x: no such host"
      // is about resolving the recipient's MX, not our PTR.
      /(?<!ips from )\bptr\b/,
      /reverse (?:dns|lookup|hostname|host name|mapping)/,
      /\brdns\b/,
      /cannot find your (?:reverse )?hostname/,
      /helo command rejected/,
      /(?:invalid|bad) helo/,
      /need fully-qualified hostname/,
    ],
    comment:
      'Gmail: "550-5.7.25 [192.0.2.1] The IP address sending this message does not have a PTR record setup"; ' +
      'Postfix: "450 4.7.25 Client host rejected: cannot find your hostname, [192.0.2.1]"; "504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname"; ' +
      'Microsoft: "550 5.7.506 Access Denied, Bad HELO"',
  },
  {
    id: "relay-denied",
    category: "sender_config",
    patterns: [
      /relay(?:ing)? (?:access )?(?:denied|not permitted|not allowed|prohibited|disallowed)/,
      /we do not relay/,
      /unable to relay/,
      /not permitted to relay/,
      /list of allowed rcpthosts/,
      /unauthori[sz]ed relay|not authori[sz]ed to relay/,
      /invalid credentials for relay/,
    ],
    comment:
      'Postfix: "554 5.7.1 <bob@example.com>: Relay access denied"; cPanel Exim: "550 We do not relay non-local mail"; ' +
      'qmail: "553 sorry, that domain isn\'t in my list of allowed rcpthosts (#5.7.1)"; Exchange: "550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain"; ' +
      'Microsoft 365: "550 5.7.64 TenantAttribution; Relay Access Denied"; Zoho: "554 5.7.1 : Relaying disallowed"; sendmail: "550 5.7.1 Not authorized to relay"; ' +
      'Google Workspace relay: "550 5.7.1 Invalid credentials for relay [192.0.2.1]. The IP address you\'ve registered in your G Suite SMTP Relay service doesn\'t match domain of the account"',
  },
  {
    id: "smtp-auth",
    category: "sender_config",
    patterns: [
      /authentication (?:is )?required/,
      /authentication (?:failed|unsuccessful)/,
      /username and password not accepted/,
      /client (?:was )?not authenticated/,
      /(?:does not have|has no) permissions? to send as/,
      /smtpclientauthentication is disabled/,
      /turn on smtp authentication/,
      /must issue a starttls/,
      /starttls (?:is )?required/,
      /\bauth (?:is )?required/,
      /\btls required for/,
      /sendasdenied|not allowed to send as/,
    ],
    comment:
      'Gmail: "530-5.7.0 Authentication Required"; "535-5.7.8 Username and Password not accepted"; Microsoft: "530 5.7.57 Client not authenticated to send mail"; ' +
      '"535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant"; "550 5.7.60 SMTP; Client does not have permissions to send as this sender"; ' +
      '"530 5.7.0 Must issue a STARTTLS command first"; Gmail: "421-4.7.0 TLS required for RCPT domain, closing connection."; ' +
      '"550 SMTP AUTH is required for message submission on port 587"; Microsoft: "554 5.2.252 SendAsDenied; me@x.example not allowed to send as other@x.example"',
  },
  {
    id: "sender-setup-misc",
    category: "sender_config",
    patterns: [
      /not authorized to send (?:e-?mail |mail )?directly/,
      /sending from unregistered domain/,
      /(?:does not|doesn't) accept e-?mail over ipv6/,
      /does not allow external forwarding/,
      /email address is not verified/,
      /identities failed the check/,
    ],
    comment:
      'Gmail: "550-5.7.1 [192.0.2.1] The IP you\'re using to send mail is not authorized to send email directly to our servers"; ' +
      'Microsoft: "550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains"; "550 5.7.520 Access denied, Your organization does not allow external forwarding"; ' +
      'Amazon SES: "554 Message rejected: Email address is not verified. The following identities failed the check in region EU-WEST-1"',
  },
  {
    id: "sender-account",
    category: "sender_account",
    patterns: [
      /your (?:account|mailbox|user|login) (?:has been|is) (?:temporarily )?(?:suspended|disabled|blocked|locked|restricted|banned)/,
      /sending (?:has been )?(?:paused|suspended|disabled) for (?:this|your) account/,
      /account (?:is |has been )?(?:suspended|disabled|restricted|blocked) (?:for|from) sending/,
      /(?:sending|sender) account (?:is |has been )?(?:blocked|disabled|banned|suspended)/,
      /spam abuse detected/,
      /bad outbound sender/,
      /tenant has exceeded threshold/,
      /traffic not accepted from this ip/,
      /free accounts are for test purposes/,
      /email outgoing blocked|outgoing (?:mail|e-?mail|messages?) (?:is |has been )?blocked/,
      /ваш(?:а|е)? (?:аккаунт|учетная запись|учётная запись|ящик|почтовый ящик)[^.]{0,30}(?:заблокирован|ограничен)/,
    ],
    comment:
      'Microsoft: "550 5.7.501 Access denied, spam abuse detected"; "550 5.1.8 Access denied, bad outbound sender"; "550 5.7.705 Access denied, tenant has exceeded threshold"; ' +
      '"550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP"; Amazon SES: "554 Sending paused for this account"; ' +
      'Mail.ru: "550 Ваш ящик заблокирован за рассылку спама"; Zoho: "554 5.1.8 Email Outgoing Blocked."; ' +
      'Mailgun: "Domain example.org is not allowed to send: Free accounts are for test purposes only. Please upgrade or add the address to authorized recipients in Account Settings."',
  },
  {
    id: "dnsbl",
    category: "blocklisted",
    patterns: [
      /blocked using /,
      /(?<!not )\blisted (?:in|on|at|by)\b/,
      /\b(?:black|block|deny) ?list/,
      /\b(?:rbl|dnsbl|rhsbl|uribl|surbl)s?\b/,
      // Barracuda the list ("b.barracudacentral.org", "Barracuda Reputation"), not the filter
      // appliance: "554 5.7.1 Message blocked by Barracuda: Spam score too high" is about content.
      /spamhaus|spamcop|uceprotect|abuseat|barracudacentral|barracuda reputation|\bsorbs\b|\bcbl\b|spamrats|mailspike/,
      /ipcheck\.proofpoint|dnsbl-lookup/,
      /\[bl2\d\]/,
      /ч[её]рн(?:ом|ый|ого) спис/,
    ],
    comment:
      'Postfix: "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.1"; ' +
      'Yahoo: "553 5.7.1 [BL21] Connections will not be accepted from 192.0.2.1, because the ip is in Spamhaus\'s list"; ' +
      'GMX: "554-IP address is block listed. For explanation visit https://www.gmx.net/mail/senderguidelines?c=bl"; ' +
      'iCloud: "550 5.7.0 Blocked - see https://ipcheck.proofpoint.com/?ip=192.0.2.1"; "JunkMail rejected - 192.0.2.1 is in an RBL"; ' +
      'Yandex: "554 5.7.1 IP адрес находится в черном списке"',
  },
  {
    id: "ms-blocklist",
    category: "blocklisted",
    patterns: [/\(s3\d{3}\)/, /banned send(?:ing ip|er)/, /\b(?:sc-00[134]|dy-001)\b/, /client host blocked (?:by|for)/],
    comment:
      'Outlook.com: "550 5.7.1 Unfortunately, messages from [192.0.2.1] weren\'t sent. Please contact your Internet service provider since part of their network is on our block list (S3150)"; ' +
      '"550 5.7.606 Access denied, banned sending IP [192.0.2.1]"; "550 SC-001 (BAY004-MC1F1) Unfortunately, messages from 192.0.2.1 weren\'t sent"; ' +
      '"550 5.7.513 Service unavailable, Client host [192.0.2.1] blocked by example.com using Customer Block list"; ' +
      'Orange: "550 mwinf5c10 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_101 [101]"',
  },
  {
    id: "reputation-block",
    category: "blocklisted",
    patterns: [
      /(?:poor|low|bad|insufficient) reputation/,
      /ip (?:address )?(?:has been |is )(?:blocked|banned)|ip address is temporarily blocked/,
      // Mimecast names its reputation lists; a bare "IP reputation" is also Outlook.com's throttle
      // reason ("4.7.650 ... temporarily rate limited due to IP reputation"), so only these names.
      /\b(?:local|global) ct ip reputation\b/,
      /client host rejected: access denied/,
      /comcast block/,
      /will be permanently deferred|retrying will not succeed/,
      /\b(?:con|rly):b\d\b/,
      /\bip (?:address )?\[?[0-9a-f.:]{3,45}\]? (?:has been |is |was )?(?:temporarily )?(?:blocked|banned)/,
      /access from ip (?:address )?\[?[0-9a-f.:]{3,45}\]? (?:is )?(?:blocked|denied)/,
      /your access to submit messages/,
      /ironport\.com\/reputation|senderbase/,
      /tosa@rx\.t-online\.de|\(t-online\)/,
      /blocked for abuse/,
      /smtp-error-codes\.php#bl\d{6}/,
      /(?:from|ip) \[?\d{1,3}(?:\.\d{1,3}){3}\]? is (?:currently |temporarily )?blocked/,
      /(?:has )?blocked (?:this|your|the sending) ip\b/,
      /blocked by (?:the )?recipient's isp/,
      /\b(?:mail|spam) block:|known spam source/,
    ],
    comment:
      'Gmail: "550-5.7.1 Gmail has detected that this message is likely suspicious due to the very low reputation of the sending IP address"; ' +
      'Gmail: "550-5.7.1 ... mail sent from your IP address has been blocked"; Postfix access map: "554 5.7.1 <unknown[192.0.2.1]>: Client host rejected: Access denied"; ' +
      'Comcast: "554 resimta-ch2-18v.sys.comcast.net comcast 192.0.2.1 Comcast block for spam"; ' +
      'Yahoo: "553 5.7.2 [TSS09] All messages from 192.0.2.1 will be permanently deferred; Retrying will NOT succeed"; AOL: "554 RLY:B1 https://postmaster.aol.com/error-codes#554rlyb1"; ' +
      'Mail.ru: "421 IP 192.0.2.1 temporarily blocked due to spam"; "550 Access from ip address 192.0.2.1 blocked. Visit https://help.mail.ru/notspam-support/id"; ' +
      'Barracuda/Exchange: "554 5.7.1 Your access to submit messages to this e-mail system has been rejected."; IronPort: "550 5.7.1 Mail from 192.0.2.1 refused - see http://www.ironport.com/reputation"; ' +
      'T-Online: "554 IP=192.0.2.1 - A problem occurred. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.) (BL)"; "550 5.7.1 Mail rejected (T-Online)"; ' +
      'GMX: "421-IP address is temporarily blocked. For explanation visit https://postmaster.gmx.net/en/error-messages?c=tb"; ' +
      'Mimecast: "550 Local CT IP Reputation - (reject) https://community.mimecast.com/docs/DOC-1369#550", "550 Global CT IP Reputation - (reject)"; ' +
      'AT&T: "421 4.3.0 alph130 Blocked for abuse. Please contact abuse_rbl@abuse-att.net"; Comcast error-code pages BL000000-BL000010 are its block list family: ' +
      '"554 5.7.1 comcast 192.0.2.1 Not allowed to send mail (DYN). See http://postmaster.comcast.net/smtp-error-codes.php#BL000010"; ' +
      'Verizon: "571 Email from 192.0.2.1 is currently blocked by Verizon Online\'s anti-spam system"; Spectrum: "554 5.7.1 Spectrum has blocked this IP. ... AUP#1260"; ' +
      'Postmark bounce type Blocked: "The email was blocked by the recipient\'s ISP or server."; SparkPost bounce_class 50/51: "Mail Block: The message was blocked by the receiver.", ' +
      '"Spam Block: The message was blocked by the receiver as coming from a known spam source."',
  },
  {
    id: "rate-limit",
    category: "rate_limited",
    patterns: [
      /rate[- ]?limit/,
      /too many (?:concurrent |simultaneous |parallel )?(?:smtp )?(?:connections|messages|mails|emails|recipients|rcpt|sessions|login attempts)/,
      /\bthrottl/,
      /sending (?:rate|quota|limit)/,
      /max(?:imum)? (?:emails|messages?|mails|defers and failures) per (?:hour|day|connection|session)/,
      /(?:max|maximum) number of (?:concurrent |simultaneous )?(?:server |smtp )?connections/,
      /unusual rate of unsolicited mail/,
      /deferred due to (?:unexpected volume|user complaints)/,
      /limit for processing requests/,
      /unusual sending activity/,
      /frequency limit/,
      /sender thread limit exceeded/,
      /exceeded (?:permitted|the allowed) limits/,
      /unexpected volume/,
      /\[tss?0\d\]/,
      /\brp-00\d\b/,
      /server busy\. please try again later from/,
      /слишком много (?:соединений|писем|сообщений|получателей)/,
      /превышен (?:лимит|предел) (?:отправки|писем|сообщений)/,
      /квот[аы] (?:на )?отправк/,
    ],
    comment:
      'Yahoo/AOL: "421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1"; ' +
      'Gmail: "421-4.7.28 ... mail sent from your IP address has been temporarily rate limited"; "550 5.4.5 Daily user sending limit exceeded"; ' +
      'Outlook.com: "421 RP-001 (BAY004-MC1F1) Unfortunately, some messages from 192.0.2.1 weren\'t sent. Please try again"; "451 4.7.500 Server busy. Please try again later from [192.0.2.1]. (S77714)"; ' +
      'Mail.ru: "451 Ratelimit exceeded for mailbox bob@mail.ru. Try again later."; cPanel: "Domain example.com has exceeded the max emails per hour (100/100 (100%)) allowed"; ' +
      '"452 4.5.3 Too many recipients"; "421 Max message per connection reached, closing transmission channel"; ' +
      'Exchange: "421 4.3.2 The maximum number of concurrent server connections has exceeded a limit, closing transmission channel"; ' +
      'Gmail: "421-4.7.0 [192.0.2.1] Our system has detected an unusual rate of unsolicited mail originating from your IP address."; ' +
      'cPanel Exim: "451-The server has reached its limit for processing requests from your host. 451 Please try again later."; ' +
      'Zoho: "550 5.4.6 Unusual sending activity detected. Please try after sometime."; NetEase 163: "451 MI:DMC 192.0.2.1 Connection frequency limited."; ' +
      'Exchange Online: "432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded"',
  },
  // Before spam-content: Gmail appends its anti-spam boilerplate to format rejections ("This
  // message is not RFC 5322 compliant. ... To reduce the amount of spam sent to Gmail, this
  // message has been blocked."), and the format is what the sender must fix.
  {
    id: "message-format",
    category: "message_rejected",
    patterns: [
      /not rfc ?(?:2822|5322|822)/,
      /rfc ?(?:2822|5322) (?:compliant|section)/,
      /message-?id header/,
      /invalid mime/,
      /invalid message content/,
      /malformed (?:message|header|mime)/,
      /bare <?(?:lf|cr|linefeed|newline)\b/,
      /line (?:is )?too long/,
      /smtputf8/,
      /non-ascii address/,
      /not rfc compliant/,
      /invalid header/,
      /message-id is missing/,
      /missing a valid address in from|having no from:? header/,
      /header (?:is )?too long/,
    ],
    comment:
      'Gmail: "550-5.7.1 Messages missing a valid Message-ID header are not accepted"; "550-5.7.1 ... this message is not RFC 5322 compliant"; ' +
      'Microsoft: "550 5.6.211 Invalid MIME Content: Single text value size (32784) exceeded allowed maximum"; "554 5.6.0 STOREDRV.Submit; invalid message content"; ' +
      'Gmail: "550-5.7.1 Messages missing a valid address in From: header, or having no From: header, are not accepted."; Yahoo: "554 Message not allowed - Headers are not RFC compliant[291]"; ' +
      'WEB.DE: "554-Mail not accepted: Invalid header found (Message-Id is missing)"; sendmail: "554 5.3.0 Message header too long"; ' +
      'Postfix 3.9 (smtpd_forbid_bare_newline): "521 5.5.2 mx.example.com Error: bare <LF> received"',
  },
  {
    id: "spam-content",
    category: "spam_content",
    patterns: [
      /\bspam/,
      /unsolicited/,
      /\bjunk (?:mail|e-?mail)\b/,
      /\bbulk (?:mail|e-?mail)/,
      /\bphish/,
      /(?:not accepted|rejected) (?:for|due to) policy reasons/,
      /for policy reasons/,
      /rejected due to local policy/,
      /reject(?:ed)? due to policy restrictions/,
      /content (?:rejected|filter)/,
      /\[(?:ph01|cs0\d|hm0\d)\]/,
      /\bou-00\d\b/,
      /will not accept delivery of this message/,
      /unacceptable content|content restrictions?\b/,
      /rejected due to security polic/,
      /\bofr_506\b/,
      /\bdt:spm\b/,
      /transient\/contentrejected/,
      /message filtered|content denied|malicious (?:url|link)/,
      /спам/,
      /нежелательн/,
      /垃圾邮件|迷惑メール|スパム|스팸(?:으로|메일| 메일|성|이|을|필터)/,
    ],
    comment:
      'Gmail: "550-5.7.1 Our system has detected that this message is likely unsolicited mail"; Yahoo: "554 5.7.9 Message not accepted for policy reasons"; ' +
      'iCloud: "554 5.7.1 [HM08] Message rejected due to local policy"; Yandex: "554 5.7.1 [2] Message rejected under suspicion of SPAM"; ' +
      'Mail.ru: "550 spam message rejected. Please visit http://help.mail.ru/notspam-support/id"; GMX: "554-Reject due to policy restrictions"; ' +
      'AOL: "521 5.2.1 :  AOL will not accept delivery of this message"; Mimecast: "554 Message rejected due to content restrictions"; "554 Email rejected due to security policies"; ' +
      'Symantec.cloud: "553 Message filtered. Refer to the Troubleshooting page at http://www.symanteccloud.com/troubleshooting (#5.7.1)"; ' +
      'QQ Mail: "550 Mail content denied. http://service.mail.qq.com/cgi-bin/help?subtype=1&&id=20022&&no=1000726"; ' +
      'Orange: "550 5.7.1 Mail refused - OFR_506 [506]"; Exim/cPanel: "550 Message rejected because of unacceptable content."; Amazon SES bounce type "Transient/ContentRejected"; ' +
      'NetEase 163: "554 DT:SPM 163 mx14,... please see http://mail.163.com/help/help_spam_16.htm?ip=192.0.2.1"; "邮件被识别为垃圾邮件"',
  },
  {
    id: "message-size",
    category: "message_rejected",
    patterns: [
      /message size/,
      /message (?:is )?too (?:large|big)/,
      // SparkPost bounce_class 23: "Too Large: The message bounced because it was too large for the recipient."
      /\bit was too (?:large|big)\b/,
      /message length exceeds/,
      /exceeds? (?:the )?(?:fixed )?max(?:imum)? (?:message )?size/,
      /message file too big/,
      /exceeded mail ?size limit/,
      /recipsizelimit|sendsizelimit/,
      /transient\/messagetoolarge/,
      /размер (?:письма|сообщения)/,
    ],
    comment:
      'Gmail: "552-5.2.3 Your message exceeded Google\'s message size limits"; Postfix: "552 5.3.4 Error: message file too big"; ' +
      'Exchange: "552 5.3.4 Message size exceeds fixed maximum message size"; Microsoft: "550 5.2.3 RESOLVER.RST.RecipSizeLimit; message too large for this recipient"; ' +
      'Amazon SES bounce type "Transient/MessageTooLarge"; NetEase 163: "552 Requested mail action aborted: exceeded mailsize limit"',
  },
  {
    id: "message-attachment",
    category: "message_rejected",
    patterns: [
      /content presents a potential security issue/,
      /attachment/,
      /\bvirus/,
      /malware/,
      /\binfected\b/,
      /\bexecutable\b/,
      /reject, id=\S{1,40} - banned/,
      /transient\/attachmentrejected/,
      /вложени/,
      /вирус/,
    ],
    comment:
      'Gmail: "552-5.7.0 This message was blocked because its content presents a potential security issue"; ' +
      '"554 5.7.1 Message rejected: prohibited attachment type .exe"; "550 5.7.1 Message contains a virus (Eicar-Test-Signature)"; ' +
      'amavisd-new: "554 5.7.0 Reject, id=12345-01 - BANNED: P=p003,L=1,M=multipart/mixed"; Amazon SES bounce type "Transient/AttachmentRejected"',
  },

  // ───────────── d. the path ─────────────
  {
    id: "connection",
    category: "connection_failed",
    patterns: [
      /connection (?:timed out|refused|reset|closed|dropped|lost)/,
      /timed out/,
      /(?:connection|connect|smtp|read|write|command|greeting|session|network|dns|lookup) time-?out|time-?out (?:while|waiting|on|during|after)/,
      /connect\(\) failed/,
      /(?:could not|couldn't|unable to|failed to|cannot|can't) (?:connect|establish)/,
      /wasn't able to establish an smtp connection/,
      /no route to host/,
      /(?:network|host) is unreachable/,
      /lost connection/,
      /\b(?:econnrefused|etimedout|etimeout|eservfail|econnreset|ehostunreach|enetunreach|eai_again|esocket)\b/,
      /server certificate not verified|certificate verif(?:y|ication) failed/,
      /(?:server|host) (?:did not|didn't) respond/,
      /сервер[^.]{0,30}не отвечает/,
      /tls (?:negotiation|handshake) failed/,
      /(?:cannot|could not|unable to) start tls|tls is required, but was not offered/,
      /did not accept our requests? to connect/,
      /не удалось (?:установить соединение|подключиться|соединиться)/,
      /превышено время ожидания/,
      /соединение (?:отклонено|разорвано|сброшено)/,
      // Mailjet error "connection issue"; SparkPost bounce_class 24 "soft bounced due to a timeout".
      /connection (?:issue|problem|error)/,
      /due to a time-?out/,
    ],
    comment:
      'Postfix: "connect to mx.example.com[192.0.2.1]:25: Connection timed out"; "lost connection with mx.example.com[192.0.2.1] while receiving the initial server greeting"; ' +
      'qmail: "Sorry, I wasn\'t able to establish an SMTP connection. (#4.4.1)"; PHPMailer: "SMTP connect() failed. https://github.com/PHPMailer/PHPMailer/wiki/Troubleshooting"; ' +
      'Microsoft: "550 5.4.316 Message expired, connection refused(Socket error code 10061)"; Gmail: "The recipient server did not accept our requests to connect. [mx.example.com. 192.0.2.1: unable to read banner]"; ' +
      'Postfix: "TLS is required, but was not offered by host mx.example.com[192.0.2.1]"; "Cannot start TLS: handshake failure"; ' +
      'Node.js c-ares: "queryMx ETIMEOUT example.com", "queryMx ESERVFAIL example.com"; Postfix with smtp_tls_security_level=verify: "Server certificate not verified"; ' +
      'Exchange 2010 4.4.7 NDR: "The remote server did not respond to a connection attempt."; "Сервер получателя не отвечает"',
  },
  {
    id: "dns-temporary",
    category: "connection_failed",
    patterns: [
      /mx lookup failed/,
      /host not found, try again/,
      /temporary failure in name resolution/,
      // Exchange also defers a definite NXDOMAIN: "451 4.4.0 DNS query failed. The error was:
      // SMTPSEND.DNS.NonExistentDomain; nonexistent domain": that one is the recipient's domain.
      /dns (?:query|lookup) failed(?!.{0,80}nonexistent ?domain)/,
      /host lookup did not complete/,
      /\bservfail\b/,
      /malformed or unexpected name server reply/,
      /host name lookup failure/,
      // Postmark DnsError: "A temporary DNS error."; SparkPost bounce_class 21: "DNS Failure: The
      // message bounced due to a DNS failure." (both soft); a named NXDOMAIN stays domain_invalid.
      /\ba (?:temporary )?dns (?:error|failure)(?!.{0,80}(?:nxdomain|nonexistent|does not exist))/,
    ],
    comment:
      'Postfix: "Host or domain name not found. Name service error for name=example.com type=MX: Host not found, try again"; ' +
      'Exim: "R=dnslookup defer (-1): MX lookup failed"; Gmail: "DNS Error: DNS type \'mx\' lookup of example.com responded with code SERVFAIL"; ' +
      'Microsoft: "451 4.4.312 DNS query failed"; Postfix: "Name service error for name=example.com type=MX: Malformed or unexpected name server reply"; ' +
      'sendmail: "Deferred: Name server: mx.example.com.: host name lookup failure"; Exim: "R=dnslookup defer (-1): host lookup did not complete"',
  },
  // ───────────── e. recipient causes ─────────────
  {
    id: "domain-not-found",
    category: "domain_invalid",
    patterns: [
      /domain (?:name )?(?:not found|does not exist|doesn't exist|unknown|is not found)/,
      /domain \S{1,255} (?:does not exist|doesn't exist|not found)/,
      /(?:no such|unknown|nonexistent|non-existent|invalid recipient) domain/,
      /nonexistentdomain|infodomainnonexistent/,
      /host or domain name not found/,
      /(?:host|hostname) (?:not found|unknown)|unknown host/,
      /couldn't find any host named/,
      /unroutable|unrouteable/,
      /\bnxdomain\b/,
      /\benotfound\b/,
      /\bno such host\b/,
      /the domain \S{1,255} couldn't be found/,
      /name or service not known/,
      /no mx (?:record|host|for)|no (?:valid )?mx or a/,
      /null ?mx/,
      /mx records point to non-existent hosts/,
      /bad destination system/,
      /invalid domain(?! name)|the domain of this (?:e-?mail )?address does not exist/,
      /no mail host/,
    ],
    comment:
      'Postfix: "Host or domain name not found. Name service error for name=exmaple.com type=A: Host not found"; ' +
      'Gmail: "DNS Error: DNS type \'mx\' lookup of exmaple.com responded with code NXDOMAIN Domain name not found: exmaple.com"; ' +
      'qmail: "Sorry, I couldn\'t find any host named exmaple.com. (#5.1.2)"; Exim: "550 Unrouteable address"; ' +
      'Microsoft: "550 5.4.310 DNS domain exmaple.com does not exist [Message=InfoDomainNonexistent]"; Postfix: "556 5.1.10 Recipient address rejected: Domain example.com does not accept mail (nullMX)"; ' +
      'Mailgun: "No MX for exmaple.com"; SendGrid (Go resolver): "unable to get mx info: failed to get IPs from PTR record: lookup exmaple.com: no such host"; ' +
      'Gmail NDR: "Your message was not delivered to bob@exmaple.com because the domain exmaple.com couldn’t be found. Check for typos or unnecessary spaces and try again."; ' +
      'Brevo: "Invalid domain: the domain of this email address does not exist"; Mailjet error_related_to "domain": "invalid domain", "no mail host"',
  },
  {
    id: "domain-not-found-intl",
    category: "domain_invalid",
    patterns: [
      /домен.{0,80}?не (?:существует|найден)/,
      /dom(?:ain|(?:ä|ae)ne)[^.]{0,30}(?:existiert nicht|nicht existiert|nicht gefunden)/,
      /domaine[^.]{0,40}n'existe pas|domaine (?:inexistant|introuvable)/,
      /dominio[^.]{0,20}no existe|dom[ií]nio (?:inexistente|n[aã]o existe)|dominio (?:inesistente|non esiste)/,
      /несуществующ(?:ий|его) домен/,
      /域名[^。]{0,10}(?:不存在|无法解析)|ドメイン[^。]{0,10}(?:存在しません|見つかりません)/,
      /도메인[^.]{0,15}(?:찾을 수 없|존재하지 않)/,
      /domein[^.]{0,30} bestaat niet|onbekend domein/,
      /domena[^.]{0,20} nie istnieje|dom[eé]na[^.]{0,20} neexistuje|alan ad[ıi][^.]{0,20} (?:bulunamad|mevcut de[gğ]il)/,
      /домен[^.]{0,40}не (?:існує|знайдено)/,
    ],
    comment:
      'Localised replies, a rule of their own so that their patterns only run when their words occur (see prefilter.ts): ' +
      'Yandex: "Домен example.su не существует"; "Domain existiert nicht"; Korean "도메인을 찾을 수 없습니다"; Dutch "Het domein bestaat niet"; Polish "Domena nie istnieje"; Czech "Doména neexistuje"; Turkish "Alan adı bulunamadı"; Ukrainian "Домен не існує"; "da die Domäne nicht existiert"; "域名不存在"; "ドメインが見つかりません"; "Le domaine n\'existe pas"; "El dominio no existe"; "Domínio inexistente"; "Dominio inesistente"',
  },
  {
    id: "mailbox-disabled",
    category: "mailbox_disabled",
    patterns: [
      /mailbox (?:is |has been )?(?:disabled|deactivated|suspended|inactive|blocked|locked|closed|frozen)/,
      /account (?:is |has been )?(?:disabled|deactivated|suspended|inactive|closed|blocked|locked|expired|terminated|discontinued|frozen)/,
      /(?:user|recipient|address|account) (?:is |has been )?(?:terminated|deactivated)/,
      /(?:is|has been) disabled or discontinued/,
      /tried to reach is (?:disabled|inactive)/,
      /locked due to inactivity/,
      /inactive (?:user|account|mailbox|e-?mail address|recipient)/,
      /no longer (?:active|in use|accepts? mail)/,
      /(?:user|mailbox) (?:has )?expired/,
      /\(554\.30\)/,
      /compte du destinataire est bloqu|account (?:isn't|is not) enabled/,
      /no longer provides (?:e-?mail|mail) service/,
      /mailbox inactive/,
    ],
    comment:
      'Gmail: "550-5.2.1 The email account that you tried to reach is disabled"; Yahoo: "554 delivery error: dd Sorry your message to bob@yahoo.com cannot be delivered. This mailbox is disabled (554.30)"; ' +
      'Mail.ru: "550 Message was not accepted -- invalid mailbox. Local mailbox bob@mail.ru is unavailable: account is disabled"; ' +
      'Outlook.com: "550 5.2.1 Mailbox locked due to inactivity"; Postfix/cPanel: "550 5.2.1 Mailbox is disabled"; ' +
      'Orange: "550 5.5.0 Le compte du destinataire est bloqué. The recipient account isn\'t enabled. OFR_999 [999]"; ' +
      'Verizon after moving its mail to AOL: "550 5.1.1 <bob@verizon.net>: Recipient address rejected: verizon.net no longer provides email service"; Mailjet error "mailbox inactive"',
  },
  {
    id: "mailbox-disabled-intl",
    category: "mailbox_disabled",
    patterns: [
      /(?:postfach|konto) (?:ist )?(?:deaktiviert|gesperrt)/,
      /compte (?:est )?(?:d[ée]sactiv|suspendu|ferm[ée])/,
      /cuenta(?: de correo)?(?: est[aá])? (?:deshabilitada|desactivada|suspendida|bloqueada|cancelada)/,
      /conta(?: de e-?mail)?(?: est[aá])? (?:desativada|desabilitada|bloqueada|suspensa|cancelada)/,
      /casella[^.]{0,30}(?:disattivata|disabilitata|bloccata|sospesa)/,
      /(?:ящик|аккаунт|учетная запись|учётная запись|пользователь)[^.]{0,40}(?:заблокирован|отключ[её]н|удал[её]н|неактив|деактивирован|заморожен)/,
      /휴면 계정|휴면계정|계정이 (?:정지|비활성|잠겨)|계정 (?:정지|비활성|잠금)/,
      /(?:account|postvak|mailbox)[^.]{0,20} (?:is )?(?:uitgeschakeld|gedeactiveerd|geblokkeerd|opgeheven)/,
      /konto[^.]{0,20} (?:zablokowane|zawieszone|wy[lł][aą]czone|nieaktywne|dezaktywowane)/,
      /hesap[^.]{0,20} (?:devre d[ıi][sş][ıi]|ask[ıi]ya al[ıi]nd|kapat[ıi]ld|engellendi|pasif)/,
      /[uú][cč]et[^.]{0,20} (?:je )?(?:zablokov|deaktivov|zru[sš]en|pozastaven)/,
      /(?:обліков[а-я]{0,3} запис|скриньк[а-я]{0,3}|акаунт)[^.]{0,30}(?:заблоковано|заблокован|вимкнен|деактивован)/,
    ],
    comment:
      'Localised replies (own rule: see domain-not-found-intl): Yandex: "550 5.2.1 Почтовый ящик заблокирован"; "Postfach ist deaktiviert"; "Compte désactivé"; ' +
      '"Cuenta deshabilitada"; "La cuenta de correo está deshabilitada"; "Conta desativada"; "Casella disattivata"; Naver "휴면 계정" (dormant account); Dutch "Dit account is uitgeschakeld"; ' +
      'Polish "Konto zostało zablokowane"; Turkish "Hesap devre dışı bırakıldı"; Czech (Seznam) "Účet je zablokován"; Ukrainian (ukr.net) "Обліковий запис заблоковано"',
  },
  {
    id: "mailbox-full",
    category: "mailbox_full",
    patterns: [
      /(?:mailbox|inbox)[ _](?:is )?(?:temporarily )?full/,
      /over ?quota/,
      /quota ?exceeded/,
      /transient\/mailboxfull/,
      /exceeded storage allocation/,
      /mailbox size limit/,
      /(?:inbox|mailbox|disk) (?:is )?out of (?:space|storage)/,
      /storage (?:quota|limit) exceeded/,
      /recipient's mailbox is full/,
      // Postfix local(8) hitting mailbox_size_limit: "cannot update mailbox /var/mail/bob for user bob. error writing message: File too large"
      /error writing message: (?:file too large|disk quota exceeded)/,
      /bouncesubtype\W{0,5}mailboxfull/,
    ],
    comment:
      'Gmail: "452-4.2.2 The email account that you tried to reach is over quota"; Yandex: "552 5.2.2 Mailbox size limit exceeded"; ' +
      'Microsoft: "554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException"; ' +
      'RFC 5321 552: "Requested mail action aborted: exceeded storage allocation"; "450 4.2.2 Mailbox temporarily full"; Amazon SES bounce type "Transient/MailboxFull"',
  },
  {
    id: "mailbox-full-intl",
    category: "mailbox_full",
    patterns: [
      /bo[iî]te du destinataire pleine/,
      /postfach[^.]{0,30} voll(?![a-z])/,
      /bo[iî]te (?:aux lettres|mail|de r[ée]ception)[^.]{0,30} pleine/,
      /buz[oó]n[^.]{0,30} llen[oa]/,
      /caixa (?:postal|de correio|de entrada)[^.]{0,30} cheia/,
      /casella[^.]{0,40} piena/,
      /(?:mailbox|postvak|brievenbus) (?:is )?vol(?![a-z])/,
      /skrzynka[^.]{0,30} (?:pe[lł]na|przepe[lł]niona)/,
      /скриньк[а-я]{0,3}[^.]{0,20}переповнен/,
      /(?:메일함|편지함|사서함)[^.]{0,20}(?:가득|용량[^.]{0,5}(?:부족|초과))/,
      /(?:mailbox|postvak|brievenbus)[^.]{0,30} vol(?![a-z])/,
      /przekroczon[a-z]{0,2} [^.]{0,30}skrzynk|pojemno[sś][cć] skrzynki/,
      /posta kutusu[^.]{0,10} (?:dolu|doldu)|kota(?:s[ıi])? a[sş][ıi]ld[ıi]/,
      /schr[aá]nk[a-zá-ž]{0,3}[^.]{0,20} (?:je )?(?:pln[aá]|zapln[eě]n)|p[rř]ekro[cč]en[aá]? kv[oó]ta/,
      /ящик[^.]{0,20}переполнен|переполнен[^.]{0,20}ящик/,
      /превышен[аы]? (?:размер|квота|лимит)[^.]{0,30}ящик/,
      /空间已满|容量已满|邮箱已满|信箱已满|空间不足|容量超过|容量が超過|容量を超過|容量超過|メールボックスがいっぱい|メールボックスが満杯/,
    ],
    comment:
      'Localised replies (own rule: see domain-not-found-intl): Orange: "552 5.2.2 Boite du destinataire pleine. Recipient mailbox full. OFR_417 [417]"; ' +
      'Mail.ru: "Почтовый ящик получателя переполнен"; "Das Postfach des Empfängers ist voll"; "Boîte aux lettres pleine"; "El buzón del destinatario está lleno"; ' +
      '"Caixa postal cheia"; "Casella piena"; "Mailbox vol"; "De mailbox van de ontvanger is vol"; "Skrzynka pełna"; "Przekroczony limit pojemności skrzynki"; "Скринька переповнена"; ' +
      'Naver "받는 사람의 메일함 용량이 부족합니다", "수신자의 메일함이 가득 찼습니다"; Turkish "Alıcının posta kutusu dolu"; Czech "Schránka příjemce je plná"; "收件人邮箱空间已满"; "メールボックスの容量が超過しています"',
  },
  {
    id: "ms-dbeb",
    category: "mailbox_unknown",
    patterns: [/recipient address rejected: access denied\. as\(\d{1,12}\)/, /5\.4\.1 recipient address rejected: access denied/],
    comment:
      'Microsoft 365 directory-based edge blocking: "550 5.4.1 Recipient address rejected: Access denied. AS(201806281) [DB5EUR03FT045.eop-EUR03.prod.protection.outlook.com]"',
  },
  {
    id: "mailbox-unknown",
    category: "mailbox_unknown",
    patterns: [
      /user (?:is )?unknown|unknown[ _](?:user|recipient|mailbox|address|local[- ]part)/,
      /(?:recipient|addressee) (?:is )?unknown/,
      /no such (?:user|recipient|mailbox|account|address|person)/,
      /no mailbox (?:here )?by that name/,
      /(?:user|recipient|address|account|mailbox|addressee) (?:was )?(?:not found|does not exist|doesn't exist)/,
      /recipient ?not ?found|recipnotfound/,
      /tried to reach does not exist/,
      /address (?:you entered )?(?:couldn't|could not|can't|cannot) be found/,
      /need fully-qualified address/,
      /mailbox name not allowed/,
      /#5\.1\.0 address rejected/,
      /(?:invalid|bad) (?:recipient|mailbox|destination mailbox)/,
      /not a valid (?:recipient|mailbox|user)/,
      /doesn't have an? (?:\S{1,40} )?account/,
      /not listed in (?:domino directory|public name & address book|the directory)/,
      /unknown or illegal alias/,
      /mailbox (?:unavailable|not available)/,
      /\bofr_416\b/,
      /\S wasn't found at \S/,
      // Postmark BadEmailAddress "Invalid email address."; Mandrill invalid: "The recipient address is not a valid email address"
      /invalid e-?mail address|not a valid e-?mail address/,
    ],
    comment:
      'Postfix: "550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown in local recipient table"; cPanel Exim: "550 No Such User Here"; ' +
      'Gmail: "550-5.1.1 The email account that you tried to reach does not exist"; Microsoft: "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup"; ' +
      'qmail: "Sorry, no mailbox here by that name. (#5.1.1)"; Yahoo: "554 delivery error: dd This user doesn\'t have a yahoo.com account (bob@yahoo.com) [0]"; ' +
      'Yandex: "550 5.7.1 No such user!"; Mail.ru: "550 Message was not accepted -- invalid mailbox. Local mailbox bob@mail.ru is unavailable: user not found"; ' +
      'GMX: "550 Requested action not taken: mailbox unavailable"; iCloud: "550 5.1.1 <bob@icloud.com>: user does not exist"; ' +
      'Orange: "550 5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]"; ' +
      'Exchange: "The e-mail address you entered couldn\'t be found"; Postfix: "504 5.5.2 <bob>: Recipient address rejected: need fully-qualified address"; RFC 5321: "553 Requested action not taken: mailbox name not allowed"; ' +
      'IronPort: "550 #5.1.0 Address rejected bob@example.com"; Exchange Online NDR: "Your message to bob@contoso.com couldn’t be delivered. bob wasn’t found at contoso.com."',
  },
  {
    id: "mailbox-unknown-intl",
    category: "mailbox_unknown",
    patterns: [
      /empf(?:ä|ae)nger unbekannt|unbekannter empf(?:ä|ae)nger|benutzer unbekannt|postfach (?:nicht vorhanden|existiert nicht)/,
      /destinataire (?:invalide|inconnu)|utilisateur (?:inconnu|introuvable)/,
      /adresse[^.]{0,30} (?:introuvable|n'existe pas|inexistante)/,
      /(?:adresse|empf(?:ä|ae)nger|benutzer)[^.]{0,20} existiert nicht|postfach (?:ist )?nicht (?:verf(?:ü|ue)gbar|vorhanden)/,
      /usuario (?:desconocido|no existe|no encontrado|inexistente)|direcci[oó]n[^.]{0,30} no existe/,
      /usu[aá]rio (?:desconhecido|n[aã]o (?:existe|encontrado)|inexistente)|endere[cç]o[^.]{0,30} n[aã]o existe/,
      /utente (?:sconosciuto|inesistente|non esiste)|indirizzo[^.]{0,30} (?:non esiste|inesistente)/,
      /gebruiker (?:onbekend|bestaat niet)|adres[^.]{0,20} bestaat niet|ontvanger (?:is )?onbekend/,
      /(?:주소|계정|사용자|아이디)[^.]{0,15}(?:존재하지 않|찾을 수 없)|존재하지 않는 (?:메일 ?)?(?:주소|계정|사용자|아이디)/,
      /nie ma takiego (?:u[zż]ytkownika|adresu|konta|adresata|odbiorcy)|(?:adres|konto|odbiorca|adresat)[^.]{0,20} nie istnieje/,
      /kullan[ıi]c[ıi][^.]{0,10} (?:bulunamad|yok|mevcut de[gğ]il)|b[öo]yle bir (?:kullan[ıi]c[ıi]|adres)/,
      /(?:u[zž]ivatel|adres[aá]t|schr[aá]nka)[^.]{0,20} neexistuje|nezn[aá]m[yý] (?:u[zž]ivatel|adres[aá]t)/,
      /(?:скриньк[а-я]{0,3}|адрес[а-я]{0,2}|отримувач[а-я]{0,2})[^.]{0,10} не існує/,
      /u[zż]ytkownik[^.]{0,20} nie istnieje|nieznany u[zż]ytkownik/,
      /користувач[а-я]{0,3}[^.]{0,20}не (?:знайдено|існує)/,
      /нет такого (?:пользователя|ящика|адреса|адресата|получателя)/,
      /(?:пользовател[ья]|адресат|получатель|адрес|ящик|аккаунт)[^.]{0,20}не (?:найден|существует)/,
      /неизвестн(?:ый|ого) (?:пользовател|адресат|получател)|(?:пользователь|адресат|получатель) неизвест/,
      /несуществующ(?:ий|его) (?:адрес|ящик|пользовател)/,
      /(?:用户|邮箱|收件人|帐户|账户|帐号|账号|地址)[^。]{0,10}不存在|(?:メールアドレス|ユーザー?|アカウント|宛先)[^。]{0,15}(?:存在しません|見つかりません)/,
    ],
    comment:
      'Localised replies (own rule: see domain-not-found-intl): WEB.DE: "550 5.1.1 <bob@web.de>: Empfänger unbekannt"; Rambler: "550 5.1.1 Пользователь не найден"; ' +
      'Gmail in Russian: "Нет такого пользователя"; "Adresse introuvable"; "Die E-Mail-Adresse existiert nicht"; "Usuario desconocido"; "Usuário desconhecido"; ' +
      '"Utente sconosciuto"; "Gebruiker onbekend"; "Użytkownik nie istnieje"; "Користувача не знайдено"; Locaweb: "Usuário não encontrado"; Chinese providers: "收件人邮箱不存在", "用户不存在"; Japanese: "宛先のメールアドレスは存在しません"; ' +
      'Daum/Kakao "존재하지 않는 메일 주소입니다"; Dutch "Het e-mailadres bestaat niet"; Polish "Nie ma takiego użytkownika"; Turkish "Böyle bir kullanıcı yok"; Czech (Seznam) "Adresát neexistuje"; Ukrainian "Такої поштової скриньки не існує"',
  },
  {
    id: "esp-suppressed",
    category: "mailbox_unknown",
    patterns: [
      /has suppressed sending to this address|on the suppression list for your account|bounced address/,
      /permanent\/(?:noemail|suppressed|onaccountsuppressionlist)|bouncesubtype\W{0,5}(?:noemail|suppressed|onaccountsuppressionlist)/,
      /^hard[- ]?bounced?\.?$/,
    ],
    comment:
      'ESP exports, where the ESP refused to send because the address bounced hard before, or labels the bounce only by type: ' +
      'Amazon SES: "Amazon SES has suppressed sending to this address because it has a recent history of bouncing as an invalid address."; ' +
      'Mailgun: "Not delivering to previously bounced address"; SendGrid: "Bounced Address"; SES bounce type "Permanent/NoEmail" (notification JSON: "bounceType: Permanent; bounceSubType: NoEmail"); Mailchimp export: "hard bounce"',
  },

  // Gave-up notices come after the recipient causes: Exim writes "Mailbox quota exceeded:
  // retry timeout exceeded", and the quota is the cause, the expiry only the consequence.
  {
    id: "delivery-expired",
    category: "connection_failed",
    patterns: [
      /message expired/,
      /queue\.expired/,
      /retry timeout exceeded/,
      /retry time not (?:yet )?reached/,
      /message too old|^too old$|delivery expired/,
      /cannot send message for \d{1,3} days?|could not be delivered for \d{1,3} days?/,
      /have been failing for a long time/,
      /delivery time expired/,
      /(?:mail|forwarding|routing) loop/,
      /loop detected|loops back to myself/,
      /too many hops/,
    ],
    comment:
      'Exchange: "550 4.4.7 QUEUE.Expired; message expired"; Exim: "all hosts for \'example.com\' have been failing for a long time (and retry time not reached)"; ' +
      'Exim: "retry timeout exceeded"; Postfix: "554 5.4.6 Too many hops"; "mail for example.com loops back to myself"; ' +
      'sendmail: "Cannot send message for 5 days"; Mailgun: "Too old"; "5.4.7 - Delivery expired (message too old) \'timeout\' (delivery attempts: 18)"',
  },

  // ───────────── f. transient wording, generic recipient policy ─────────────
  {
    id: "greylisting",
    category: "transient",
    patterns: [/gr[ae]y ?list/],
    comment:
      'Postgrey: "450 4.2.0 <bob@example.com>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.com.html"; ' +
      'Exim: "451 Greylisting in action, please come back later"',
  },
  {
    id: "temporary-failure",
    category: "transient",
    patterns: [
      /try (?:again )?later|please try again|come back later/,
      /temporar(?:y|ily)/,
      /receiving mail (?:at a rate|too quickly)/,
      /(?:mailbox|server|system) (?:is )?busy/,
      /service (?:is )?(?:currently )?(?:not available|unavailable)/,
      /insufficient system storage/,
      /local (?:error|problem)/,
      /resources? (?:temporarily )?unavailable/,
      /временн/,
      /попробуйте (?:позже|повторить)|повторите (?:попытку )?позже/,
      /essayer plus tard/,
      /temporair|tempor[aá]ri[ao]|temporal|temporane[ao]|vor(?:ü|ue)bergehend/,
      /delivery (?:is|has been) delayed|will continue to be attempted|could not send message for past/,
      /server (?:is )?(?:temporarily )?(?:unavailable|busy)|unavailable or busy/,
      /^soft[- ]?bounced?\.?$|transient\/general|bouncetype\W{0,5}transient|\bsoft bounced? due to/,
      /tijdelijk|probeer (?:het )?later|tymczasow|spr[oó]buj (?:ponownie )?p[oó][zź]niej|ge[cç]ici|daha sonra tekrar|do[cč]asn|zkuste to pozd[eě]ji|тимчасов|спробуйте пізніше|일시적/,
    ],
    comment:
      'Gmail: "421-4.7.0 Try again later, closing connection"; "450-4.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages from being delivered"; ' +
      'Exim: "451 Temporary local problem - please try later"; Postfix: "451 4.3.0 <bob@example.com>: Temporary lookup failure"; RFC 5321: "452 Requested action not taken: insufficient system storage"; ' +
      'Yandex: "451 4.7.1 Sorry, the service is currently unavailable. Please come back later"; Orange: "421 mwinf5c08 ME Service refuse. Veuillez essayer plus tard. OFR004_104 [104]"; ' +
      'Exchange: "Delivery is delayed to these recipients or groups: bob@example.com This message hasn\'t been delivered yet. Delivery will continue to be attempted."; ' +
      'sendmail: "Warning: could not send message for past 4 hours"; SES bounce type "Transient/General"; Mailchimp export: "soft bounce"; "Zustellung vorübergehend fehlgeschlagen"; ' +
      'SES notification JSON: "bounceType: Transient; bounceSubType: General"; SparkPost bounce_class 20: "Soft Bounce: The message soft bounced due to an unspecified reason."; Dutch "Tijdelijke fout, probeer het later opnieuw"; Polish "Błąd tymczasowy, spróbuj ponownie później"; ' +
      'Turkish "Geçici hata, lütfen daha sonra tekrar deneyin"; Czech "Dočasná chyba, zkuste to později"; Ukrainian "Тимчасова помилка, спробуйте пізніше"; Korean "일시적인 오류"',
  },
  {
    id: "recipient-policy",
    category: "recipient_policy",
    patterns: [
      /administrative prohibition/,
      /access denied/,
      /delivery not authorized/,
      /not (?:authorized|allowed|permitted) to (?:send|deliver|post) (?:to|mail to|messages to)/,
      /(?:rejected|blocked|refused) by (?:the )?recipient/,
      // "recipient has rejected" is the person's choice; a bare "550 5.1.1 recipient rejected" is
      // the server refusing the address, decided by its code instead.
      /recipient has (?:rejected|blocked|refused)/,
      /envelope blocked|sender blocked|anti-spoofing/,
      /only (?:accepts?|receives?) (?:mail|messages|e-?mail) from/,
      /prohibited by (?:local )?policy|policy (?:rejection|restriction|violation)/,
      /доступ запрещ[её]н|запрещ[её]н[оа]? политик|отклонено политикой/,
    ],
    comment:
      'Exim: "550 Administrative prohibition"; Yandex: "550 5.7.1 Policy rejection on the target address"; ' +
      'Postfix access map: "554 5.7.1 <bob@example.com>: Recipient address rejected: Access denied"; Google Groups: "550 5.7.1 You are not allowed to post to this group"; ' +
      'Mimecast: "550 Envelope blocked - User Domain Entry - https://community.mimecast.com/docs/DOC-1369#550"; "550 Sender blocked"; "550 Rejected by header based Anti-Spoofing policy: bob@example.com"',
  },
];

/** Marks a reply as transient even when the code is 5xx (issue 5: "temporary", "try again later"). */
export const TRANSIENT_TEXT =
  /temporar(?:y|ily)|try (?:again )?later|(?<!and )try again|come back later|gr[ae]y ?list|временн|попробуйте (?:позже|повторить)|повторите (?:попытку )?позже|essayer plus tard|temporair|tempor[aá]ri[ao]|temporal|temporane[ao]|vor(?:ü|ue)bergehend|tijdelijk|tymczasow|ge[cç]ici|do[cč]asn|тимчасов|일시적/;

export interface EnhancedRule {
  readonly id: string;
  /** Only for this class ("4" or "5"); both when absent. */
  readonly cls?: "4" | "5";
  readonly subject: number;
  readonly detailFrom: number;
  readonly detailTo: number;
  readonly category: BounceCategory;
  /** The registry entry (RFC 3463 / RFC 5248 / vendor documentation) it encodes. */
  readonly comment: string;
}

function enh(
  id: string,
  subject: number,
  detail: number | readonly [number, number],
  category: BounceCategory,
  comment: string,
  cls?: "4" | "5",
): EnhancedRule {
  const [from, to] = typeof detail === "number" ? [detail, detail] : detail;
  const base = { id, subject, detailFrom: from, detailTo: to, category, comment };
  return cls === undefined ? base : { ...base, cls };
}

/**
 * Enhanced status codes, first match wins. Vendor ranges (Microsoft 5.7.5xx-7xx, 5.4.3xx) sit
 * before the generic ones. Codes not listed (x.7.0, x.7.19, x.1.0, x.2.0 ...) carry no usable
 * evidence and fall through to the basic code.
 */
export const ENHANCED_RULES: readonly EnhancedRule[] = [
  enh("enhanced:x.1.1", 1, 1, "mailbox_unknown", "RFC 3463 X.1.1 Bad destination mailbox address"),
  enh("enhanced:x.1.2", 1, 2, "domain_invalid", "RFC 3463 X.1.2 Bad destination system address"),
  enh("enhanced:x.1.3", 1, 3, "mailbox_unknown", "RFC 3463 X.1.3 Bad destination mailbox address syntax"),
  enh("enhanced:x.1.6", 1, 6, "mailbox_disabled", "RFC 3463 X.1.6 Destination mailbox has moved, no forwarding address"),
  enh("enhanced:x.1.7", 1, 7, "sender_config", "RFC 3463 X.1.7 Bad sender's mailbox address syntax"),
  enh("enhanced:x.1.8", 1, 8, "sender_config", "RFC 3463 X.1.8 Bad sender's system address"),
  enh("enhanced:x.1.10", 1, 10, "domain_invalid", "RFC 7505 X.1.10 Recipient address has null MX"),
  enh("enhanced:x.2.1", 2, 1, "mailbox_disabled", "RFC 3463 X.2.1 Mailbox disabled, not accepting messages"),
  enh("enhanced:x.2.2", 2, 2, "mailbox_full", "RFC 3463 X.2.2 Mailbox full"),
  enh("enhanced:x.2.3", 2, 3, "message_rejected", "RFC 3463 X.2.3 Message length exceeds administrative limit"),
  enh("enhanced:x.3.1", 3, 1, "transient", "RFC 3463 X.3.1 Mail system full"),
  enh("enhanced:x.3.2", 3, 2, "transient", "RFC 3463 X.3.2 System not accepting network messages"),
  enh("enhanced:x.3.3", 3, 3, "message_rejected", "RFC 3463 X.3.3 System not capable of selected features"),
  enh("enhanced:x.3.4", 3, 4, "message_rejected", "RFC 3463 X.3.4 Message too big for system"),
  enh("enhanced:x.3.5", 3, 5, "transient", "RFC 3463 X.3.5 System incorrectly configured"),
  enh("enhanced:x.4.310", 4, 310, "domain_invalid", "Microsoft 5.4.310 DNS domain does not exist"),
  enh("enhanced:x.4.3xx", 4, [300, 399], "connection_failed", "Microsoft 5.4.300-399 message expired, DNS query failed, connection refused"),
  enh("enhanced:x.4.4", 4, 4, "domain_invalid", "RFC 3463 X.4.4 Unable to route (Postfix: no such domain)"),
  enh("enhanced:x.4.5", 4, 5, "transient", "RFC 3463 X.4.5 Mail system congestion"),
  enh("enhanced:x.4.x", 4, [0, 7], "connection_failed", "RFC 3463 X.4.0-7 network and routing: no answer, bad connection, routing server failure, loop, expired"),
  enh("enhanced:x.5.3", 5, 3, "rate_limited", "RFC 3463 X.5.3 Too many recipients"),
  enh("enhanced:x.5.x", 5, [1, 6], "sender_config", "RFC 3463 X.5.1-6 protocol errors by the sending client (invalid command, syntax, arguments, version)"),
  enh("enhanced:x.6.x", 6, [0, 999], "message_rejected", "RFC 3463/6531 X.6.x message content or media (conversion, non-ASCII addresses)"),
  enh("enhanced:x.7.1", 7, 1, "recipient_policy", "RFC 3463 X.7.1 Delivery not authorized, message refused"),
  enh("enhanced:x.7.2", 7, 2, "recipient_policy", "RFC 3463 X.7.2 Mailing list expansion prohibited"),
  enh("enhanced:x.7.3-7", 7, [3, 7], "message_rejected", "RFC 3463 X.7.3-7 security conversion, features, crypto failure, integrity"),
  enh("enhanced:x.7.8-11", 7, [8, 11], "sender_config", "RFC 4954/5248 X.7.8-11 authentication credentials invalid, mechanism too weak, encryption needed"),
  enh("enhanced:x.7.12-13", 7, [12, 13], "sender_account", "RFC 5248 X.7.12 password transition needed, X.7.13 user account disabled (after AUTH)"),
  enh("enhanced:x.7.14", 7, 14, "sender_config", "RFC 5248 X.7.14 Trust relationship required"),
  enh("enhanced:x.7.15", 7, 15, "transient", "RFC 8098 X.7.15 Priority level is too low"),
  enh("enhanced:x.7.16", 7, 16, "message_rejected", "RFC 8098 X.7.16 Message is too big for the specified priority"),
  enh("enhanced:x.7.17", 7, 17, "mailbox_disabled", "RFC 7293 X.7.17 Mailbox owner has changed"),
  enh("enhanced:x.7.18", 7, 18, "domain_invalid", "RFC 7293 X.7.18 Domain owner has changed"),
  enh("enhanced:x.7.20-27", 7, [20, 27], "sender_config", "RFC 7372 X.7.20-27 DKIM, SPF, reverse DNS, multiple authentication checks, sender null MX"),
  enh("enhanced:x.7.28", 7, 28, "rate_limited", "X.7.28 Mail flood detected (Gmail: unusual rate of unsolicited mail)"),
  enh("enhanced:x.7.29-30", 7, [29, 30], "sender_config", "RFC 8617 X.7.29 ARC validation failure; RFC 8689 X.7.30 REQUIRETLS support required"),
  enh("enhanced:x.7.54-64", 7, [54, 64], "sender_config", "Microsoft 5.7.54/57/60/64 unable to relay, client not authenticated, send-as denied"),
  enh("enhanced:x.7.124-136", 7, [124, 136], "recipient_policy", "Microsoft 5.7.124-136 recipient restrictions (allowed-senders list, group delivery restrictions)"),
  enh("enhanced:x.7.139", 7, 139, "sender_config", "Microsoft 5.7.139 Authentication unsuccessful"),
  enh("enhanced:4.7.5xx-6xx", 7, [500, 699], "rate_limited", "Microsoft 4.7.500-699 server busy, try again later (throttling)", "4"),
  enh("enhanced:x.7.501-503", 7, [501, 503], "sender_account", "Microsoft 5.7.501-503 access denied, spam abuse detected / banned sender account"),
  enh("enhanced:x.7.506", 7, 506, "sender_config", "Microsoft 5.7.506 Access denied, bad HELO"),
  enh("enhanced:x.7.508", 7, 508, "rate_limited", "Microsoft 5.7.508 sender IP has exceeded permitted limits"),
  enh("enhanced:x.7.509-510", 7, [509, 510], "sender_config", "Microsoft 5.7.509 DMARC failure, 5.7.510 IPv6 not accepted"),
  enh("enhanced:x.7.511", 7, 511, "blocklisted", "Microsoft 5.7.511 Access denied, banned sender"),
  enh("enhanced:x.7.512", 7, 512, "message_rejected", "Microsoft 5.7.512 message must be RFC 5322 section 3.6.2 compliant"),
  enh("enhanced:x.7.513", 7, 513, "blocklisted", "Microsoft 5.7.513 client host blocked using customer block list"),
  enh("enhanced:x.7.515-520", 7, [515, 520], "sender_config", "Microsoft 5.7.515 authentication level, 5.7.520 external forwarding disallowed"),
  enh("enhanced:x.7.6xx", 7, [600, 699], "blocklisted", "Microsoft 5.7.606-649 Access denied, banned sending IP"),
  enh("enhanced:x.7.750", 7, 750, "sender_config", "Microsoft 5.7.750 client blocked from sending from unregistered domains"),
  enh("enhanced:x.7.7xx", 7, [700, 749], "sender_account", "Microsoft 5.7.700-749 access denied, tenant has exceeded threshold"),
];

export interface BasicRule {
  readonly id: string;
  readonly codes: readonly string[];
  readonly category: BounceCategory;
  readonly comment: string;
}

/**
 * Basic reply codes (RFC 5321 §4.2.2-4.2.3), used only when neither a phrase nor the enhanced
 * code decided. 550, 553 and 554 are deliberately absent: servers use them for every kind of
 * refusal, so alone they are no evidence. Any other 4xx is transient (handled in classify.ts).
 */
export const BASIC_RULES: readonly BasicRule[] = [
  { id: "basic:551", codes: ["551"], category: "mailbox_unknown", comment: "RFC 5321 551 User not local; please try <forward-path>" },
  { id: "basic:552", codes: ["552"], category: "mailbox_full", comment: "RFC 5321 552 Requested mail action aborted: exceeded storage allocation" },
  { id: "basic:521-556", codes: ["521", "556"], category: "domain_invalid", comment: "RFC 7504 521 host / 556 domain does not accept mail" },
  {
    id: "basic:50x",
    codes: ["500", "501", "502", "503", "504"],
    category: "sender_config",
    comment: "RFC 5321 500-504 syntax errors and bad command sequences from the sending client",
  },
  {
    id: "basic:53x",
    codes: ["530", "534", "535", "538"],
    category: "sender_config",
    comment: "RFC 4954 530 authentication required, 534 mechanism too weak, 535 credentials invalid, 538 encryption required",
  },
];
