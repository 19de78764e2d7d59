import { describe, expect, it } from "vitest";
import { classifyBounce } from "../../src/index.js";
import type { BounceAction, BounceCategory } from "../../src/bounces/types.js";

/**
 * Third, independent bounce corpus (new ground only): whole DSN bodies and the DSN fields that
 * exports carry, ESP bounce exports and webhook reason strings, Korean/Dutch/Polish/Turkish/
 * Czech/Ukrainian replies, US ISP replies, Google Workspace next to consumer Gmail. Written from
 * what those systems send, not from the earlier corpora. Each row: text, expected category and
 * action per the contract (shared/design.md, README "mailsweep bounces"), and where it comes from.
 */
type Row = readonly [text: string, category: BounceCategory, action: BounceAction, why: string];

const S = "suppress";
const R = "retry";
const V = "review";
const F = "fix-sender";

const DSN: readonly Row[] = [
  ["Final-Recipient: rfc822; bob@example.com\nAction: failed\nStatus: 5.1.1\nRemote-MTA: dns; mx.example.com\nDiagnostic-Code: smtp; 550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown in local recipient table", "mailbox_unknown", S, "Postfix DSN per-recipient block for an unknown local user"],
  ["Reporting-MTA: dns; mail.sender.example\nX-Postfix-Queue-ID: 4XyZ1234\nX-Postfix-Sender: rfc822; news@sender.example\nArrival-Date: Mon, 3 Jun 2024 10:00:00 +0000\n\nFinal-Recipient: rfc822; ann@example.org\nOriginal-Recipient: rfc822;ann@example.org\nAction: failed\nStatus: 5.1.1\nRemote-MTA: dns; mx1.example.org\nDiagnostic-Code: smtp; 550 5.1.1 No such user", "mailbox_unknown", S, "whole Postfix message/delivery-status part with per-message and per-recipient fields"],
  ["Final-Recipient: rfc822; carl@example.net\nAction: delayed\nStatus: 4.4.1\nDiagnostic-Code: X-Postfix; connect to mx.example.net[192.0.2.10]:25: Connection timed out\nWill-Retry-Until: Wed, 5 Jun 2024 10:00:00 +0000", "connection_failed", R, "Postfix delay DSN for a connect timeout"],
  ["Final-Recipient: rfc822; dora@nowhere-xyz.example\nAction: failed\nStatus: 5.4.4\nDiagnostic-Code: X-Postfix; Host or domain name not found. Name service error for name=nowhere-xyz.example type=MX: Host not found", "domain_invalid", S, "Postfix DSN for a domain with no DNS at all"],
  ["Action: failed\nStatus: 5.2.2\nDiagnostic-Code: smtp; 552 5.2.2 Mailbox full", "mailbox_full", R, "DSN fields for a full mailbox"],
  ["Action: failed\nStatus: 5.2.1\nDiagnostic-Code: smtp; 550 5.2.1 Mailbox disabled, not accepting messages", "mailbox_disabled", S, "DSN fields for a disabled mailbox"],
  ["Diagnostic-Code: smtp; 550 5.7.1 Service unavailable; Client host [192.0.2.7] blocked using zen.spamhaus.org", "blocklisted", V, "Diagnostic-Code field quoting a Spamhaus block"],
  ["Diagnostic-Code: smtp; 554 5.7.1 <news@sender.example>: Sender address rejected: Access denied", "sender_config", F, "Diagnostic-Code with a Postfix access-table sender reject; the rule table files every Sender address rejected under sender_config (README-vs-expectation case)"],
  ["Status: 5.1.1", "mailbox_unknown", S, "an export whose reason column holds only the DSN Status field"],
  ["Status: 4.2.2", "mailbox_full", R, "only the DSN Status field, mailbox over quota (temporary)"],
  ["Status: 5.1.2", "domain_invalid", S, "only the DSN Status field, bad destination system address"],
  ["Status: 5.7.1", "recipient_policy", V, "only the DSN Status field, delivery not authorized"],
  ["Action: failed; Status: 5.1.10; Diagnostic-Code: smtp; 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup", "mailbox_unknown", S, "DSN fields flattened into one cell by an export, Exchange Online reply"],
  ["Diagnostic-Code: smtp;550 Requested action not taken: mailbox unavailable", "mailbox_unknown", S, "Diagnostic-Code without space after 'smtp;', generic 550 mailbox unavailable"],
  ["Diagnostic-Code: X-Postfix; mail for example.com loops back to myself", "connection_failed", R, "Postfix mail loop: the recipient domain's MX points back at the sender, a path problem (gave-up notice rule)"],
  ["Diagnostic-Code: X-Postfix; delivery temporarily suspended: connect to mx.example.com[192.0.2.3]:25: Connection refused", "connection_failed", R, "Postfix suspended delivery after refused connect"],
  ["Diagnostic-Code: X-Postfix; lost connection with mx.example.com[192.0.2.3] while receiving the initial server greeting", "connection_failed", R, "Postfix lost connection at greeting"],
  ["Diagnostic-Code: X-Postfix; conversation with mx.example.com[192.0.2.3] timed out while sending end of data -- message may be sent more than once", "connection_failed", R, "Postfix conversation timeout"],
  ["Diagnostic-Code: smtp; 550 5.1.1 <bob@example.com>... User unknown\nLast-Attempt-Date: Tue, 4 Jun 2024 09:12:00 +0200", "mailbox_unknown", S, "Sendmail DSN fields"],
  ["This is the mail system at host mail.sender.example.\n\nI'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients. It's attached below.\n\n<eve@example.com>: host mx.example.com[192.0.2.5] said: 550 5.1.1\n    <eve@example.com>: Recipient address rejected: User unknown (in reply to\n    RCPT TO command)", "mailbox_unknown", S, "whole Postfix text/plain part of a multipart/report"],
  ["This is the mail system at host mail.sender.example.\n\n####################################################################\n# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #\n####################################################################\n\nYour message could not be delivered for more than 4 hour(s).\nIt will be retried until it is 5 day(s) old.\n\n<fay@example.com>: connect to mx.example.com[192.0.2.5]:25: Connection timed out", "connection_failed", R, "Postfix delay warning text part"],
  ["This message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered to one or more of its\nrecipients. This is a permanent error. The following address(es) failed:\n\n  gus@example.com\n    host mx.example.com [192.0.2.5]\n    SMTP error from remote mail server after RCPT TO:<gus@example.com>:\n    550 No Such User Here", "mailbox_unknown", S, "whole Exim bounce text part (cPanel 'No Such User Here')"],
  ["This message was created automatically by mail delivery software.\n\nA message that you sent has not yet been delivered to one or more of its\nrecipients after more than 24 hours on the queue on mail.sender.example.\n\nThe message identifier is:     1sAbCd-000123-45\n\n  hal@example.com\n    host mx.example.com [192.0.2.5]\n    Delay reason: SMTP error from remote mail server after RCPT TO:<hal@example.com>:\n    451 Temporary local problem - please try later\n\nNo action is required on your part. Delivery attempts will continue for\nsome time, and this warning may be repeated at intervals if the message\nremains undelivered.", "transient", R, "Exim delay warning text part"],
  ["----- The following addresses had permanent fatal errors -----\n<ivy@example.com>\n    (reason: 550 5.1.1 <ivy@example.com>... User unknown)\n\n   ----- Transcript of session follows -----\n... while talking to mx.example.com.:\n>>> RCPT To:<ivy@example.com>\n<<< 550 5.1.1 <ivy@example.com>... User unknown\n550 5.1.1 <ivy@example.com>... User unknown", "mailbox_unknown", S, "whole Sendmail bounce body with transcript"],
  ["Hi. This is the qmail-send program at mail.sender.example.\nI'm afraid I wasn't able to deliver your message to the following addresses.\nThis is a permanent error; I've given up. Sorry it didn't work out.\n\n<jay@example.com>:\n192.0.2.5 does not like recipient.\nRemote host said: 550 5.1.1 <jay@example.com>: Recipient address rejected: User unknown in virtual mailbox table\nGiving up on 192.0.2.5.", "mailbox_unknown", S, "whole qmail bounce text"],
  ["Delivery has failed to these recipients or groups:\n\nkim@example.com\nThe email address you entered couldn't be found. Please check the recipient's email address and try to resend the message. If the problem continues, please contact your helpdesk.\n\nDiagnostic information for administrators:\nGenerating server: DB8PR01MB1234.eurprd01.prod.exchangelabs.com\n\nkim@example.com\nRemote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'", "mailbox_unknown", S, "whole Exchange Online NDR text part"],
  ["Delivery has failed to these recipients or groups:\n\nlee@example.com\nYour message couldn't be delivered because the recipient's mailbox is full.\n\nRemote Server returned '554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded'", "mailbox_full", R, "Exchange Online NDR for a full mailbox"],
  ["Your message to mo@example.com couldn't be delivered.\nmo wasn't found at example.com.\n\nsender    Office 365    mo\nAction Required                 Recipient\nUnknown To address\n\nRemote Server returned '550 5.1.1 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'", "mailbox_unknown", S, "Office 365 modern NDR text"],
  ["Your message to ned@example.com couldn't be delivered.\nexample.com suspects your message is spam and rejected it.\n\nRemote Server returned '550 5.7.350 Remote server returned message detected as spam -> 554 5.7.1 Message rejected due to content restrictions'", "spam_content", V, "Office 365 NDR relaying the remote's spam verdict"],
  ["Reporting-MTA: dns;BN8PR12MB0000.namprd12.prod.outlook.com\nReceived-From-MTA: dns;mail.sender.example\nArrival-Date: Tue, 4 Jun 2024 12:00:00 +0000\n\nFinal-Recipient: rfc822;oli@example.com\nAction: failed\nStatus: 5.4.1\nDiagnostic-Code: smtp;550 5.4.1 Recipient address rejected: Access denied. AS(201806281) [BN8PR12MB0000.namprd12.prod.outlook.com]", "mailbox_unknown", S, "Exchange Online DBEB reject (recipient not in directory), whole DSN"],
  ["Final-Recipient: rfc822; pam@example.com\nAction: failed\nStatus: 5.0.0\nDiagnostic-Code: smtp; 554 5.0.0 Service unavailable", "transient", R, "DSN with only 554 5.0.0 Service unavailable: the README reads service unavailable as transient even on 5xx (README-vs-expectation case)"],
  ["Final-Recipient: rfc822; quinn@example.com\nAction: failed\nStatus: 5.3.4\nDiagnostic-Code: smtp; 552 5.3.4 Message size exceeds fixed maximum message size", "message_rejected", F, "DSN for an oversized message"],
  ["Final-Recipient: rfc822; ray@example.com\nAction: delayed\nStatus: 4.7.1\nDiagnostic-Code: smtp; 450 4.7.1 <ray@example.com>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.com.html", "transient", R, "postgrey greylisting as a delayed DSN"],
  ["Final-Recipient: rfc822; sue@example.com\nAction: failed\nStatus: 5.7.1\nDiagnostic-Code: smtp; 550 5.7.1 Message rejected per DMARC policy for sender.example", "sender_config", F, "DSN for a DMARC reject"],
  ["Action: failed\nStatus: 5.0.0\nDiagnostic-Code: X-Postfix; unknown user: \"tom\"", "mailbox_unknown", S, "Postfix local delivery unknown user DSN"],
  ["Action: failed\nStatus: 5.2.0\nDiagnostic-Code: X-Postfix; cannot update mailbox /var/mail/uma for user uma. error writing message: File too large", "mailbox_full", R, "Postfix local delivery: mailbox file size limit"],
];

const ESP: readonly Row[] = [
  ["HardBounce: The server was unable to deliver your message (ex: unknown user, mailbox not found).", "mailbox_unknown", S, "Postmark HardBounce type description"],
  ["SoftBounce: Unable to temporarily deliver this email.", "transient", R, "Postmark SoftBounce description"],
  ["Transient: The server could not temporarily deliver your message (ex: Message is delayed due to network troubles).", "transient", R, "Postmark Transient type description"],
  ["SpamNotification: The message was delivered, but was either blocked by the user, or classified as spam, bulk mail, or had rejected content.", "spam_content", V, "Postmark SpamNotification description"],
  ["DnsError: A temporary DNS error.", "connection_failed", R, "Postmark DnsError description"],
  ["BadEmailAddress: Invalid email address.", "mailbox_unknown", S, "Postmark BadEmailAddress description"],
  ["BlockedBounce: The email was blocked by the recipient's ISP or server.", "blocklisted", V, "Postmark Blocked type"],
  ["ManuallyDeactivated: The email was manually deactivated.", "unknown", V, "Postmark manual deactivation: no bounce evidence"],
  ["SpamComplaint: The subscriber explicitly marked this email as spam.", "recipient_policy", V, "Postmark SpamComplaint: the recipient complained, filed like Mailgun's marked-as-spam drop"],
  ["AutoResponder: Automatic email responder (ex: \"Out of Office\" or \"On Vacation\").", "unknown", V, "Postmark AutoResponder description: an auto-reply is no bounce"],
  ["ChallengeVerification: The bounce is a challenge asking for verification you actually sent the email. Typcial challenges are made by Spam Arrest, or MailFrontier Matador.", "recipient_policy", V, "Postmark ChallengeVerification: the recipient's challenge-response policy"],
  ["hard-bounce: smtp;550 5.1.1 The email account that you tried to reach does not exist.", "mailbox_unknown", S, "Mandrill hard-bounce event with diag"],
  ["soft-bounce: smtp;452 4.2.2 The email account that you tried to reach is over quota.", "mailbox_full", R, "Mandrill soft-bounce event with diag"],
  ["invalid: The recipient address is not a valid email address", "mailbox_unknown", S, "Mandrill 'invalid' reject reason"],
  ["rejected: hard-bounce: Recipient is on the rejection blacklist because of a previous hard bounce", "mailbox_unknown", S, "Mandrill rejection blacklist after an earlier hard bounce"],
  ["Hard bounce - The recipient's email address does not exist", "mailbox_unknown", S, "Mailchimp hard bounce reason"],
  ["Soft bounce - Mailbox full", "mailbox_full", R, "Mailchimp soft bounce reason"],
  ["Soft bounce - The recipient's server is temporarily unavailable", "transient", R, "Mailchimp soft bounce: server temporarily unavailable"],
  ["hard_bounce: Email address does not exist", "mailbox_unknown", S, "Brevo hard_bounce event reason"],
  ["soft_bounce: Mailbox is full", "mailbox_full", R, "Brevo soft_bounce event reason"],
  ["blocked: Recipient is blocked because of previous hard bounce", "mailbox_unknown", S, "Brevo blocked: address already hard-bounced"],
  ["Invalid domain: the domain of this email address does not exist", "domain_invalid", S, "Brevo invalid domain reason"],
  ["Bounced: Email address does not exist", "mailbox_unknown", S, "Klaviyo bounced reason"],
  ["Bounced (Hard): Mailbox does not exist", "mailbox_unknown", S, "Klaviyo hard bounce reason"],
  ["Bounced (Soft): Recipient inbox full", "mailbox_full", R, "Klaviyo soft bounce: inbox full"],
  ["UNKNOWN_USER", "mailbox_unknown", S, "HubSpot bounce category code in a contact export"],
  ["MAILBOX_FULL", "mailbox_full", R, "HubSpot bounce category code"],
  ["Mailbox full", "mailbox_full", R, "HubSpot 'Bounce reason' column text"],
  ["Unknown user", "mailbox_unknown", S, "HubSpot 'Bounce reason' column text"],
  ["SPAM", "spam_content", V, "HubSpot bounce category SPAM"],
  ["Bounce type: Invalid Recipient (10) - The recipient is invalid.", "mailbox_unknown", S, "SparkPost bounce_class 10 description"],
  ["bounce_class 10: Invalid Recipient: The message bounced due to an invalid recipient address.", "mailbox_unknown", S, "SparkPost bounce_class 10 webhook description"],
  ["bounce_class 20: Soft Bounce: The message soft bounced due to an unspecified reason.", "transient", R, "SparkPost bounce_class 20"],
  ["bounce_class 22: Mailbox Full: The message bounced due to the remote mailbox being over quota.", "mailbox_full", R, "SparkPost bounce_class 22"],
  ["bounce_class 23: Too Large: The message bounced because it was too large for the recipient.", "message_rejected", F, "SparkPost bounce_class 23"],
  ["bounce_class 50: Mail Block: The message was blocked by the receiver.", "blocklisted", V, "SparkPost bounce_class 50"],
  ["bounce_class 51: Spam Block: The message was blocked by the receiver as coming from a known spam source.", "blocklisted", V, "SparkPost bounce_class 51"],
  ["bounce_class 52: Spam Content: The message was blocked by the receiver as spam.", "spam_content", V, "SparkPost bounce_class 52"],
  ["bounce_class 30: Generic Bounce: No RCPT: No recipient could be determined for the message.", "unknown", V, "SparkPost bounce_class 30: no cause given"],
  ["bounce_class 1: Undetermined: The response text could not be identified.", "unknown", V, "SparkPost bounce_class 1 undetermined"],
  ["bounce_class 25: Admin Failure: The message was failed by Momentum's configured policies.", "unknown", V, "SparkPost bounce_class 25 admin failure: the ESP's own policy, no cause named"],
  ["bounce_class 24: Timeout: The message soft bounced due to a timeout.", "connection_failed", R, "SparkPost bounce_class 24"],
  ["bounce_class 21: DNS Failure: The message bounced due to a DNS failure.", "connection_failed", R, "SparkPost bounce_class 21 (soft DNS failure)"],
  ["bounce_class 70: Transient Failure: Message transmission has been temporarily delayed.", "transient", R, "SparkPost bounce_class 70"],
  ["error_related_to: recipient; error: user unknown", "mailbox_unknown", S, "Mailjet bounce event error_related_to / error"],
  ["error_related_to: recipient; error: quota exceeded", "mailbox_full", R, "Mailjet quota exceeded"],
  ["error_related_to: domain; error: invalid domain", "domain_invalid", S, "Mailjet invalid domain"],
  ["error_related_to: domain; error: no mail host", "domain_invalid", S, "Mailjet domain without mail host"],
  ["error_related_to: spam; error: sender blocked", "spam_content", V, "Mailjet spam/sender blocked: filed under spam (same review action; README-vs-expectation case)"],
  ["error_related_to: spam; error: content blocked", "spam_content", V, "Mailjet content blocked"],
  ["error_related_to: system; error: connection issue", "connection_failed", R, "Mailjet connection issue"],
  ["error_related_to: recipient; error: mailbox inactive", "mailbox_disabled", S, "Mailjet mailbox inactive"],
  ["bounce: 550 5.1.1 <bob@example.com>: Recipient address rejected: undeliverable address: host mx.example.com said: 550 user unknown", "mailbox_unknown", S, "Mailgun failed event delivery-status message"],
  ["Not delivering to previously bounced address", "mailbox_unknown", S, "Mailgun suppression reason for earlier hard bounce"],
  ["Amazon SES has suppressed sending to this address because it has a recent history of bouncing as an invalid address.", "mailbox_unknown", S, "SES account-level suppression list reason"],
  ["bounceType: Permanent; bounceSubType: NoEmail", "mailbox_unknown", S, "SES bounce notification type/subtype"],
  ["bounceType: Transient; bounceSubType: MailboxFull", "mailbox_full", R, "SES transient MailboxFull subtype"],
  ["bounceType: Permanent; bounceSubType: Suppressed", "mailbox_unknown", S, "SES permanent Suppressed subtype"],
];

const KOREAN: readonly Row[] = [
  ["550 5.1.1 받는 사람의 메일 주소가 존재하지 않습니다.", "mailbox_unknown", S, "Naver: recipient address does not exist"],
  ["존재하지 않는 메일 주소입니다.", "mailbox_unknown", S, "Daum/Kakao: non-existent address"],
  ["받는 사람의 메일함 용량이 부족합니다.", "mailbox_full", R, "Naver: recipient mailbox capacity insufficient"],
  ["수신자의 메일함이 가득 찼습니다.", "mailbox_full", R, "Korean: recipient's mailbox is full"],
  ["휴면 계정이므로 메일을 받을 수 없습니다.", "mailbox_disabled", S, "Naver dormant account cannot receive mail"],
  ["스팸으로 분류되어 수신이 거부되었습니다.", "spam_content", V, "Korean: classified as spam, receipt refused"],
  ["550 5.7.1 수신 거부된 발신자입니다.", "recipient_policy", V, "Korean: sender blocked by the recipient"],
  ["도메인을 찾을 수 없습니다.", "domain_invalid", S, "Korean: domain cannot be found"],
];

const DUTCH: readonly Row[] = [
  ["550 5.1.1 Onbekende gebruiker", "mailbox_unknown", S, "Dutch: unknown user"],
  ["Het e-mailadres bestaat niet.", "mailbox_unknown", S, "Dutch: the address does not exist"],
  ["De mailbox van de ontvanger is vol.", "mailbox_full", R, "Dutch: recipient's mailbox is full"],
  ["Dit account is uitgeschakeld.", "mailbox_disabled", S, "Dutch: this account is disabled"],
  ["Uw bericht is geweigerd omdat het als spam is aangemerkt.", "spam_content", V, "Dutch: rejected as spam"],
  ["Tijdelijke fout, probeer het later opnieuw.", "transient", R, "Dutch: temporary error, try again later"],
  ["Automatisch antwoord: Afwezig tot maandag", "unknown", V, "Dutch Outlook auto-reply subject"],
  ["Het domein bestaat niet.", "domain_invalid", S, "Dutch: the domain does not exist"],
];

const POLISH: readonly Row[] = [
  ["550 5.1.1 Użytkownik nie istnieje", "mailbox_unknown", S, "Polish: user does not exist (WP/Onet/Interia style)"],
  ["Nie ma takiego użytkownika", "mailbox_unknown", S, "Polish: no such user"],
  ["Skrzynka odbiorcy jest pełna", "mailbox_full", R, "Polish: recipient mailbox full"],
  ["Przekroczony limit pojemności skrzynki", "mailbox_full", R, "Polish: mailbox capacity limit exceeded"],
  ["Konto zostało zablokowane", "mailbox_disabled", S, "Polish: account has been blocked"],
  ["Wiadomość odrzucona jako spam", "spam_content", V, "Polish: message rejected as spam"],
  ["Błąd tymczasowy, spróbuj ponownie później", "transient", R, "Polish: temporary error, try again later"],
  ["Odpowiedź automatyczna: urlop", "unknown", V, "Polish Outlook auto-reply subject"],
];

const TURKISH: readonly Row[] = [
  ["550 5.1.1 Kullanıcı bulunamadı", "mailbox_unknown", S, "Turkish: user not found"],
  ["Böyle bir kullanıcı yok", "mailbox_unknown", S, "Turkish: no such user"],
  ["Alıcının posta kutusu dolu", "mailbox_full", R, "Turkish: recipient mailbox full"],
  ["Hesap devre dışı bırakıldı", "mailbox_disabled", S, "Turkish: account disabled"],
  ["İleti spam olarak reddedildi", "spam_content", V, "Turkish: message rejected as spam"],
  ["Geçici hata, lütfen daha sonra tekrar deneyin", "transient", R, "Turkish: temporary error, try later"],
  ["Otomatik yanıt: Ofis dışındayım", "unknown", V, "Turkish Outlook auto-reply subject"],
];

const CZECH: readonly Row[] = [
  ["550 5.1.1 Uživatel neexistuje", "mailbox_unknown", S, "Czech (Seznam): user does not exist"],
  ["Adresát neexistuje", "mailbox_unknown", S, "Czech: recipient does not exist"],
  ["Schránka příjemce je plná", "mailbox_full", R, "Czech: recipient's mailbox is full"],
  ["Účet je zablokován", "mailbox_disabled", S, "Czech: account blocked"],
  ["Zpráva byla odmítnuta jako spam", "spam_content", V, "Czech: message rejected as spam"],
  ["Dočasná chyba, zkuste to později", "transient", R, "Czech: temporary error, try later"],
  ["Automatická odpověď: Dovolená", "unknown", V, "Czech Outlook auto-reply subject"],
];

const UKRAINIAN: readonly Row[] = [
  ["550 5.1.1 Користувача не існує", "mailbox_unknown", S, "Ukrainian (ukr.net): user does not exist"],
  ["Такої поштової скриньки не існує", "mailbox_unknown", S, "Ukrainian: no such mailbox"],
  ["Поштова скринька переповнена", "mailbox_full", R, "Ukrainian: mailbox overfull"],
  ["Обліковий запис заблоковано", "mailbox_disabled", S, "Ukrainian: account blocked"],
  ["Лист відхилено як спам", "spam_content", V, "Ukrainian: letter rejected as spam"],
  ["Тимчасова помилка, спробуйте пізніше", "transient", R, "Ukrainian: temporary error, try later"],
  ["Автоматична відповідь: відпустка", "unknown", V, "Ukrainian Outlook auto-reply subject"],
];

const ISP: readonly Row[] = [
  ["554 resimta-ch2-12v.sys.comcast.net comcast 192.0.2.7 Comcast block for spam. Please see http://postmaster.comcast.net/smtp-error-codes.php#BL000000", "blocklisted", V, "Comcast BL000000 IP block"],
  ["554 resimta-po-21v.sys.comcast.net comcast 192.0.2.7 found on one or more DNSBLs, see http://postmaster.comcast.net/smtp-error-codes.php#BL000001", "blocklisted", V, "Comcast BL000001 DNSBL"],
  ["550 5.1.1 <bob@comcast.net> Not our Customer", "mailbox_unknown", S, "Comcast unknown recipient"],
  ["421 4.2.0 resimta-h1p-02v.sys.comcast.net comcast Too many sessions opened from 192.0.2.7 - please see http://postmaster.comcast.net/smtp-error-codes.php#RL000001", "rate_limited", R, "Comcast RL000001 session rate limit"],
  ["550 5.2.1 <bob@comcast.net> Account is disabled", "mailbox_disabled", S, "Comcast disabled account"],
  ["554 5.7.1 Sending domain sender.example does not pass DMARC verification. Please see http://postmaster.comcast.net/smtp-error-codes.php#DM000001", "sender_config", F, "Comcast DM000001 DMARC"],
  ["554 5.7.1 comcast 192.0.2.7 Not allowed to send mail (DYN). See http://postmaster.comcast.net/smtp-error-codes.php#BL000010", "blocklisted", V, "Comcast dynamic IP block listed"],
  ["553 5.1.8 <news@sender.example> sender domain does not exist", "sender_config", F, "Comcast/ISP: the sender's own domain does not resolve"],
  ["553 5.3.0 flpd174 DNSBL:RBL 521< 192.0.2.7 >_is_blocked.For assistance forward this email to abuse_rbl@abuse-att.net", "blocklisted", V, "AT&T RBL 521 block"],
  ["550 5.3.0 alph124 DNSBL:ATTRBL 521< 192.0.2.7 >_is_blocked.For assistance forward this error to abuse_rbl@abuse-att.net", "blocklisted", V, "AT&T ATTRBL 521 block"],
  ["421 4.3.0 alph130 Blocked for abuse. Please contact abuse_rbl@abuse-att.net", "blocklisted", V, "AT&T temporary abuse block (reputation)"],
  ["550 5.1.1 <bob@att.net> recipient rejected: user unknown", "mailbox_unknown", S, "AT&T (Yahoo-hosted) unknown user"],
  ["553 5.3.0 flph840 DNSBL:RBL 521< 192.0.2.7 >_is_blocked.For assistance forward this error to abuse_rbl@abuse-att.net", "blocklisted", V, "AT&T flph RBL block"],
  ["550 5.1.1 <bob@verizon.net>: Recipient address rejected: verizon.net no longer provides email service", "mailbox_disabled", S, "Verizon.net mailboxes moved to AOL; old address gone"],
  ["571 Email from 192.0.2.7 is currently blocked by Verizon Online's anti-spam system. The email sender or Email Service Provider may visit http://www.verizon.net/whitelist and request removal of the block.", "blocklisted", V, "Verizon Online anti-spam block"],
  ["550 5.1.1 bob@cox.net recipient rejected", "mailbox_unknown", S, "Cox: recipient rejected with 5.1.1"],
  ["554 5.7.1 - ERROR: Mail refused - <192.0.2.7> - See http://cox.com/help/mail_server_errors.htm#RBL", "blocklisted", V, "Cox RBL refuse"],
  ["421 4.7.1 cox too many connections from your IP (rate controlled - Cox/IPBL0010)", "rate_limited", R, "Cox IPBL0010 rate control"],
  ["550 5.1.1 <bob@charter.net> recipient invalid", "mailbox_unknown", S, "Charter/Spectrum invalid recipient"],
  ["554 5.7.1 Spectrum has blocked this IP. Please see https://www.spectrum.net/support/internet/understanding-email-error-codes AUP#1260", "blocklisted", V, "Spectrum/Charter AUP IP block"],
  ["554 5.7.0 Spectrum: your message was rejected for possible spam/virus content AUP#CXSNDR", "spam_content", V, "Spectrum content rejection"],
  ["452 4.2.2 <bob@charter.net> mailbox full", "mailbox_full", R, "Charter mailbox full"],
  ["550 5.7.1 Email rejected per AOL policy. Please go to https://postmaster.yahooinc.com", "recipient_policy", V, "AOL (Verizon Media) policy rejection, no reason given"],
  ["421 4.7.0 [TSS04] Messages from 192.0.2.7 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes", "rate_limited", R, "AOL/Yahoo TSS04 deferral for Verizon/AOL mailboxes"],
  ["554 5.7.9 Message not accepted for policy reasons. See https://postmaster.yahooinc.com/error-codes", "spam_content", V, "Yahoo/AOL 5.7.9 policy reasons: Yahoo documents it as its spam filter's verdict"],
  ["Sorry, I wasn't able to establish an SMTP connection. (#4.4.1) I'm not going to try again; this message has been in the queue too long.", "connection_failed", R, "qmail give-up after connect failures to an ISP"],
  ["550 Requested action not taken: mailbox unavailable (rcpt to <bob@earthlink.net>)", "mailbox_unknown", S, "EarthLink unknown recipient"],
  ["550 5.1.1 <bob@frontier.com>... User account is unavailable", "mailbox_unknown", S, "Frontier unknown user"],
  ["554 5.7.1 Your mail has been rejected by CenturyLink. Your IP 192.0.2.7 is listed on Spamcop", "blocklisted", V, "CenturyLink Spamcop listed"],
];

const WORKSPACE: readonly Row[] = [
  ["550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. For more information, go to https://support.google.com/mail/?p=NoSuchUser - gcdp", "mailbox_unknown", S, "Workspace group/routing server (gcdp) for an unknown user"],
  ["550 5.2.1 The email account that you tried to reach is inactive. For more information, go to https://support.google.com/mail/?p=DisabledUser - gsmtp", "mailbox_disabled", S, "Workspace suspended user ('inactive')"],
  ["550 5.7.1 This message was blocked because of your organization's policy. - gsmtp", "recipient_policy", V, "Workspace compliance rule reject"],
  ["550 5.7.0 Mail relay denied [192.0.2.7]. Invalid credentials for relay for one of the domains in: sender.example (as obtained from HELO and MAIL FROM). Email is being sent from a domain or IP address which isn't registered in your Workspace account.", "sender_config", F, "Workspace SMTP relay: IP not registered"],
  ["550 5.7.1 Invalid credentials for relay [192.0.2.7]. The IP address you've registered in your G Suite SMTP Relay service doesn't match domain of the account this email is being sent from.", "sender_config", F, "Workspace SMTP relay domain mismatch"],
  ["550 5.4.5 Daily SMTP relay limit exceeded for customer. For more information on SMTP relay sending limits please contact your administrator", "rate_limited", R, "Workspace relay daily limit"],
  ["550 5.7.1 Our system has detected that this message does not meet IPv6 sending guidelines regarding PTR records and authentication.", "sender_config", F, "Gmail IPv6 PTR/auth guideline"],
  ["550 5.7.1 The group you're sending to doesn't allow posts from outside. - gsmtp", "recipient_policy", V, "Workspace Google Group external posting restricted"],
  ["550 5.7.1 You're not authorized to send mail to this group. Contact the group owner for more information.", "recipient_policy", V, "Workspace group posting permission"],
  ["452 4.5.3 Domain policy size per transaction exceeded, please try this recipient in a separate transaction.", "rate_limited", R, "Gmail too many recipients in one transaction"],
  ["454 4.7.0 Too many login attempts, please try again later.", "rate_limited", R, "Gmail SMTP AUTH lockout: a sender-side limit that lifts with time"],
  ["535 5.7.8 Username and Password not accepted. Learn more at https://support.google.com/mail/?p=BadCredentials", "sender_config", F, "Gmail submission bad credentials"],
  ["550 5.4.1 Recipient address rejected: Access denied. For more information see https://support.google.com/a/answer/3221692", "mailbox_unknown", S, "Workspace recipient address rejected (no such user on a Workspace domain)"],
  ["550 5.7.1 Recipient domain example.com is a Google Workspace domain that requires mail from approved senders only.", "recipient_policy", V, "Workspace allowlist-only domain"],
  ["421 4.7.0 Try again later, closing connection. (EHLO) - gsmtp", "transient", R, "Gmail EHLO deferral"],
  ["550 5.7.26 Unauthenticated email from sender.example is not accepted due to domain's DMARC policy. Please contact the administrator of sender.example domain if this was a legitimate mail. - gsmtp", "sender_config", F, "Workspace/Gmail DMARC one-line form"],
];

const AUTO_AND_GUARDS: readonly Row[] = [
  ["Automatisch antwoord: Ik ben tijdelijk afwezig en lees mijn mail na 3 juni.", "unknown", V, "Dutch Outlook out-of-office whose 'tijdelijk' must not read as a soft bounce"],
  ["Odpowiedź automatyczna: Jestem tymczasowo nieobecny do poniedziałku.", "unknown", V, "Polish Outlook out-of-office with 'tymczasowo'"],
  ["Otomatik yanıt: Geçici olarak ofis dışındayım.", "unknown", V, "Turkish Outlook out-of-office with 'geçici'"],
  ["Automatická odpověď: Jsem dočasně mimo kancelář.", "unknown", V, "Czech Outlook out-of-office with 'dočasně'"],
  ["Автоматична відповідь: Я тимчасово у відпустці.", "unknown", V, "Ukrainian Outlook out-of-office with 'тимчасово'"],
  ["[자동 응답] 부재중입니다. 일시적으로 메일 확인이 어렵습니다.", "unknown", V, "Naver/Daum auto-reply with '일시적으로'"],
  ["550 5.1.1 Uživatel neexistuje, dočasná chyba", "mailbox_unknown", R, "Czech unknown user on a reply that also says temporary: hard category downgraded to retry"],
  ["451 4.2.1 Tijdelijk niet beschikbaar: gebruiker onbekend", "mailbox_unknown", R, "Dutch unknown user with a 4xx temporary reply"],
  ["550 5.7.1 <mail.sender.example>: Helo command rejected: Invalid domain name", "sender_config", F, "Postfix reject_invalid_helo_hostname: 'invalid domain name' is the sender's HELO, not the recipient's domain"],
  ["550 5.7.1 Message blocked: mailbox volume policy", "recipient_policy", V, "English 'mailbox ... volume' must not read as Dutch 'mailbox vol'"],
  ["DNS Error: a DNS error occurred: NXDOMAIN for exmaple.com", "domain_invalid", S, "a named NXDOMAIN stays domain_invalid even after 'a DNS error'"],
  ["bounceType: Transient; bounceSubType: General", "transient", R, "SES transient general subtype"],
];

const GROUPS: readonly (readonly [string, readonly Row[]])[] = [
  ["DSN bodies and fields", DSN],
  ["ESP exports and webhooks", ESP],
  ["Korean", KOREAN],
  ["Dutch", DUTCH],
  ["Polish", POLISH],
  ["Turkish", TURKISH],
  ["Czech", CZECH],
  ["Ukrainian", UKRAINIAN],
  ["US ISPs", ISP],
  ["Google Workspace", WORKSPACE],
  ["auto-replies and guards", AUTO_AND_GUARDS],
];

describe("bounce corpus 3", () => {
  for (const [name, rows] of GROUPS) {
    describe(name, () => {
      it.each(rows.map((row) => ({ text: row[0], category: row[1], action: row[2], why: row[3] })))(
        "$why: $text",
        ({ text, category, action }) => {
          const got = classifyBounce(text);
          expect({ category: got.category, action: got.action }).toEqual({ category, action });
        },
      );
    });
  }

  it("has at least 150 cases, none duplicated", () => {
    const texts = GROUPS.flatMap(([, rows]) => rows.map((row) => row[0]));
    expect(texts.length).toBeGreaterThanOrEqual(150);
    expect(new Set(texts).size).toBe(texts.length);
  });
});
