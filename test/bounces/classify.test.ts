import { describe, expect, it } from "vitest";
import { classifyBounce } from "../../src/bounces/classify.js";
import type { BounceAction, BounceCategory } from "../../src/bounces/types.js";

type Case = readonly [text: string, category: BounceCategory, action: BounceAction];

/**
 * Real-shaped bounce texts as they reach a bounce log: the remote reply, often inside a relay's
 * wrapper, sometimes with literal "\n" where the CSV export flattened line breaks.
 */

const GMAIL: readonly Case[] = [
  [
    "550-5.1.1 The email account that you tried to reach does not exist. Please try\n550-5.1.1 double-checking the recipient's email address for typos or\n550-5.1.1 unnecessary spaces. Learn more at\n550 5.1.1  https://support.google.com/mail/?p=NoSuchUser d2si123456wrb.12 - gsmtp",
    "mailbox_unknown",
    "suppress",
  ],
  [
    "host gmail-smtp-in.l.google.com[142.250.27.26] said: 550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 double-checking the recipient's email address for typos or 550-5.1.1 unnecessary spaces. (in reply to RCPT TO command)",
    "mailbox_unknown",
    "suppress",
  ],
  ["550-5.2.1 The email account that you tried to reach is disabled. Learn more at\\n550 5.2.1  https://support.google.com/mail/?p=DisabledUser x7si - gsmtp", "mailbox_disabled", "suppress"],
  ["452-4.2.2 The email account that you tried to reach is over quota. Please direct\\n452 4.2.2 the recipient to https://support.google.com/mail/?p=OverQuotaTemp", "mailbox_full", "retry"],
  ["552-5.2.2 The email account that you tried to reach is over quota and inactive.", "mailbox_full", "retry"],
  ["550-5.7.26 Unauthenticated email from shop.example is not accepted due to domain's DMARC policy. Please contact the administrator of shop.example domain.", "sender_config", "fix-sender"],
  ["550-5.7.26 This mail is unauthenticated, which poses a security risk to the sender and Gmail users, and has been blocked. The sender must authenticate with at least one of SPF or DKIM.", "sender_config", "fix-sender"],
  ["550-5.7.25 [192.0.2.10] The IP address sending this message does not have a PTR record setup, or the corresponding forward DNS entry does not point to the sending IP.", "sender_config", "fix-sender"],
  ["421-4.7.28 [192.0.2.10] Our system has detected an unusual rate of unsolicited mail originating from your IP address. To protect our users from spam, mail sent from your IP address has been temporarily rate limited.", "rate_limited", "retry"],
  ["550-5.7.1 [192.0.2.10] Our system has detected that this message is likely unsolicited mail. To reduce the amount of spam sent to Gmail, this message has been blocked.", "spam_content", "review"],
  ["550-5.7.1 [192.0.2.10] Gmail has detected that this message is likely suspicious due to the very low reputation of the sending IP address.", "blocklisted", "review"],
  ["552-5.2.3 Your message exceeded Google's message size limits. Please visit https://support.google.com/mail/?p=MaxSizeError", "message_rejected", "fix-sender"],
  ["552-5.7.0 This message was blocked because its content presents a potential security issue. Please visit https://support.google.com/mail/?p=BlockedMessage", "message_rejected", "fix-sender"],
  ["550-5.7.1 The user or domain that you are sending to (or from) has a policy that prohibited the mail that you sent.", "recipient_policy", "review"],
  ["421-4.7.0 Try again later, closing connection. (EHLO) s12-20020a05.4 - gsmtp", "transient", "retry"],
  ["450-4.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages from being delivered.", "transient", "retry"],
  ["550 5.4.5 Daily user sending limit exceeded. For more information on Gmail sending limits go to https://support.google.com/a/answer/166852", "rate_limited", "retry"],
  ["530-5.7.0 Authentication Required. Learn more at https://support.google.com/mail/?p=WantAuthError", "sender_config", "fix-sender"],
  ["535-5.7.8 Username and Password not accepted. Learn more at https://support.google.com/mail/?p=BadCredentials", "sender_config", "fix-sender"],
  ["550-5.7.1 [192.0.2.10] The IP you're using to send mail is not authorized to send email directly to our servers. Please use the SMTP relay at your service provider instead.", "sender_config", "fix-sender"],
  ["550-5.7.1 Messages missing a valid Message-ID header are not accepted.", "message_rejected", "fix-sender"],
  ["The response from the remote server was:\\n550 5.1.1 The email account that you tried to reach does not exist.", "mailbox_unknown", "suppress"],
  ["DNS Error: DNS type 'mx' lookup of exmaple.com responded with code NXDOMAIN Domain name not found: exmaple.com", "domain_invalid", "suppress"],
  ["DNS Error: DNS type 'mx' lookup of example.com responded with code SERVFAIL", "connection_failed", "retry"],
  ["Address not found. Your message wasn't delivered to bob@example.com because the address couldn't be found, or is unable to receive mail.", "mailbox_unknown", "suppress"],
];

const MICROSOFT: readonly Case[] = [
  ["Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'", "mailbox_unknown", "suppress"],
  ["#550 5.1.1 RESOLVER.ADR.ExRecipNotFound; not found ##", "mailbox_unknown", "suppress"],
  ["Diagnostic information for administrators: Generating server: AM6PR01MB1234.eurprd01.prod.exchangelabs.com Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'", "mailbox_unknown", "suppress"],
  ["550 5.4.1 Recipient address rejected: Access denied. AS(201806281) [DB5EUR03FT045.eop-EUR03.prod.protection.outlook.com]", "mailbox_unknown", "suppress"],
  ["Remote Server returned '554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded; Failed to process message due to a permanent exception'", "mailbox_full", "retry"],
  ["550 5.7.1 Unfortunately, messages from [192.0.2.10] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150). You can also refer your provider to http://mail.live.com/mail/troubleshooting.aspx#errors. [AM4PEPF00027A5F.eurprd04.prod.outlook.com]", "blocklisted", "review"],
  ["550 5.7.606 Access denied, banned sending IP [192.0.2.10]. To request removal from this list please visit https://sender.office.com/ and follow the directions.", "blocklisted", "review"],
  ["550 5.7.511 Access denied, banned sender[192.0.2.10]. To request removal from this list, forward this message to delist@microsoft.com.", "blocklisted", "review"],
  ["550 5.7.509 Access denied, sending domain [shop.example] does not pass DMARC verification and has a DMARC policy of reject.", "sender_config", "fix-sender"],
  ["550 5.7.515 Access denied, sending domain shop.example doesn't meet the required authentication level.", "sender_config", "fix-sender"],
  ["550 5.7.501 Service unavailable. Spam abuse detected from IP range. For more information please go to http://go.microsoft.com/fwlink/?LinkID=526655. ", "sender_account", "review"],
  ["550 5.7.705 Access denied, tenant has exceeded threshold. For more information please go to http://go.microsoft.com/fwlink/?LinkId=526653", "sender_account", "review"],
  ["550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP.", "sender_account", "review"],
  ["550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains.", "sender_config", "fix-sender"],
  ["550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; authentication required; Delivery restriction check failed because the sender was not authenticated when sending to this group", "recipient_policy", "review"],
  ["550 5.7.1 RESOLVER.RST.AuthRequired; authentication required [Stage: CreateMessage]", "recipient_policy", "review"],
  ["550 5.7.124 Sender not in allowed-senders list", "recipient_policy", "review"],
  ["550 5.2.3 RESOLVER.RST.RecipSizeLimit; message too large for this recipient", "message_rejected", "fix-sender"],
  ["530 5.7.57 Client not authenticated to send mail. [DM5PR13CA0024.namprd13.prod.outlook.com]", "sender_config", "fix-sender"],
  ["535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.", "sender_config", "fix-sender"],
  ["550 5.7.64 TenantAttribution; Relay Access Denied [SN1NAM02FT012.eop-nam02.prod.protection.outlook.com]", "sender_config", "fix-sender"],
  ["451 4.7.500 Server busy. Please try again later from [192.0.2.10]. (S77714) [VI1EUR04FT012.eop-eur04.prod.protection.outlook.com]", "rate_limited", "retry"],
  ["421 RP-001 (BAY004-MC1F1) Unfortunately, some messages from 192.0.2.10 weren't sent. Please try again. We have limits for how many messages can be sent per hour and per day.", "rate_limited", "retry"],
  ["550 SC-001 (BAY004-MC5F21) Unfortunately, messages from 192.0.2.10 weren't sent. Please contact your Internet service provider since part of their network is on our block list.", "blocklisted", "review"],
  ["550 OU-002 (COL004-MC1F21) Unfortunately, messages from 192.0.2.10 weren't sent. Mail rejected by Windows Live Hotmail for policy reasons.", "spam_content", "review"],
  ["550 5.5.0 Requested action not taken: mailbox unavailable (S2017062302). [BN8NAM12FT046.eop-nam12.prod.protection.outlook.com]", "mailbox_unknown", "suppress"],
  ["550 5.4.310 DNS domain exmaple.com does not exist [Message=InfoDomainNonexistent] [LastAttemptedServerName=exmaple.com]", "domain_invalid", "suppress"],
  ["550 5.4.316 Message expired, connection refused(Socket error code 10061)", "connection_failed", "retry"],
  ["550 4.4.7 QUEUE.Expired; message expired", "connection_failed", "retry"],
  ["554 5.6.0 STOREDRV.Submit; invalid message content", "message_rejected", "fix-sender"],
  ["550 5.6.211 Invalid MIME Content: Single text value size (32784) exceeded allowed maximum (32768) for the 'X-Header' header.", "message_rejected", "fix-sender"],
  ["550 5.7.520 Access denied, Your organization does not allow external forwarding. Please contact your administrator for further assistance. AS(7555)", "sender_config", "fix-sender"],
  ["550 5.2.1 Mailbox locked due to inactivity. Ask the recipient to sign in.", "mailbox_disabled", "suppress"],
  ["Удаленный сервер вернул '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'", "mailbox_unknown", "suppress"],
];

const YAHOO_AOL: readonly Case[] = [
  ["554 delivery error: dd This user doesn't have a yahoo.com account (bob@yahoo.com) [0] - mta1234.mail.gq1.yahoo.com", "mailbox_unknown", "suppress"],
  ["554 delivery error: dd Sorry your message to bob@yahoo.com cannot be delivered. This mailbox is disabled (554.30). - mta4077.mail.bf1.yahoo.com", "mailbox_disabled", "suppress"],
  ["554 30 Sorry, your message to bob@aol.com cannot be delivered. This account has been disabled or discontinued [#102].", "mailbox_disabled", "suppress"],
  ["421 4.7.0 [TSS04] Messages from 192.0.2.10 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes", "rate_limited", "retry"],
  ["421 4.7.0 [TS01] Messages from 192.0.2.10 temporarily deferred due to user complaints - 4.16.55.1; see https://help.yahoo.com/kb/postmaster/SLN3434.html", "rate_limited", "retry"],
  ["553 5.7.1 [BL21] Connections will not be accepted from 192.0.2.10, because the ip is in Spamhaus's list; see https://postmaster.yahooinc.com/error-codes", "blocklisted", "review"],
  ["554 5.7.9 Message not accepted for policy reasons.  See https://postmaster.yahooinc.com/error-codes", "spam_content", "review"],
  ["554 Message not allowed - [PH01] Email not accepted for policy reasons. Please visit https://postmaster.yahooinc.com/error-codes", "spam_content", "review"],
  ["552 1 Requested mail action aborted, mailbox not found", "mailbox_unknown", "suppress"],
  ["452 4.2.2 Mailbox full: bob@yahoo.com", "mailbox_full", "retry"],
  ["550 5.1.1 <bob@aol.com>... User is unknown", "mailbox_unknown", "suppress"],
  ["521 5.2.1 :  AOL will not accept delivery of this message.", "spam_content", "review"],
  ["554 5.7.9 Message not accepted, DKIM signature verification failed for shop.example", "sender_config", "fix-sender"],
];

const APPLE: readonly Case[] = [
  ["550 5.1.1 <bob@icloud.com>: user does not exist", "mailbox_unknown", "suppress"],
  ["552 5.2.2 <bob@icloud.com>: user is over quota (in reply to RCPT TO command)", "mailbox_full", "retry"],
  ["554 5.7.1 [HM08] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137", "spam_content", "review"],
  ["554 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137", "spam_content", "review"],
  ["550 5.7.0 Blocked - see https://ipcheck.proofpoint.com/?ip=192.0.2.10", "blocklisted", "review"],
  ["550 5.1.1 <bob@me.com>: inactive email address", "mailbox_disabled", "suppress"],
  ["host mx01.mail.icloud.com[17.57.154.33] said: 550 5.7.1 Mail from IP 192.0.2.10 was rejected due to listing in Spamhaus SBL. (in reply to MAIL FROM command)", "blocklisted", "review"],
];

const MAILRU_YANDEX: readonly Case[] = [
  ["550 Message was not accepted -- invalid mailbox. Local mailbox bob@mail.ru is unavailable: user not found", "mailbox_unknown", "suppress"],
  ["550 Message was not accepted -- invalid mailbox. Local mailbox bob@mail.ru is unavailable: account is disabled", "mailbox_disabled", "suppress"],
  ["550 Message was not accepted -- invalid mailbox. Local mailbox bob@bk.ru is unavailable: user is terminated", "mailbox_disabled", "suppress"],
  ["552 Message was not accepted -- invalid mailbox. Local mailbox bob@mail.ru is unavailable: mailbox is full", "mailbox_full", "retry"],
  ["550 spam message rejected. Please visit http://help.mail.ru/notspam-support/id?c=abc or report details to abuse@corp.mail.ru. Error code: 12345.", "spam_content", "review"],
  ["451 Ratelimit exceeded for mailbox bob@mail.ru. Try again later.", "rate_limited", "retry"],
  ["550 5.7.1 No such user!", "mailbox_unknown", "suppress"],
  ["552 5.2.2 Mailbox size limit exceeded", "mailbox_full", "retry"],
  ["554 5.7.1 [2] Message rejected under suspicion of SPAM; https://ya.cc/1IrBc 1700000000-abcDEF", "spam_content", "review"],
  ["451 4.7.1 Sorry, the service is currently unavailable. Please come back later.", "transient", "retry"],
  ["550 5.7.1 Policy rejection on the target address", "recipient_policy", "review"],
  ["Сообщение не доставлено. Пользователь не найден.", "mailbox_unknown", "suppress"],
  ["Ответ сервера: 550 5.1.1 Нет такого пользователя", "mailbox_unknown", "suppress"],
  ["Ваше сообщение не доставлено: почтовый ящик получателя переполнен", "mailbox_full", "retry"],
  ["550 Почтовый ящик заблокирован", "mailbox_disabled", "suppress"],
  ["Домен example.su не существует", "domain_invalid", "suppress"],
  ["Сервис временно недоступен, попробуйте позже", "transient", "retry"],
  ["554 5.7.1 Сообщение отклонено как спам", "spam_content", "review"],
  ["Не удалось установить соединение с сервером mx.example.ru", "connection_failed", "retry"],
  ["550 5.7.1 IP адрес 192.0.2.10 находится в черном списке", "blocklisted", "review"],
  ["550 Ваш ящик заблокирован за рассылку спама", "sender_account", "review"],
  ["Адресат не существует: bob@yandex.ru", "mailbox_unknown", "suppress"],
  ["451 4.7.1 Слишком много писем с вашего адреса, попробуйте позже", "rate_limited", "retry"],
  ["550 5.1.1 Sorry, no mailbox here by that name. (#5.1.1)", "mailbox_unknown", "suppress"],
];

const GMX_WEBDE_ORANGE: readonly Case[] = [
  ["550 Requested action not taken: mailbox unavailable", "mailbox_unknown", "suppress"],
  ["554-gmx.net (mxgmx117) Nemesis ESMTP Service not available\\n554-No SMTP service\\n554-IP address is block listed.\\n554 For explanation visit https://www.gmx.net/mail/senderguidelines?c=bl", "blocklisted", "review"],
  ["554-Transaction failed\\n554-Reject due to policy restrictions.\\n554 For explanation visit https://postmaster.web.de/error-messages?ip=192.0.2.10&c=hi", "spam_content", "review"],
  ["552 Requested mail action aborted: exceeded storage allocation", "mailbox_full", "retry"],
  ["550 5.1.1 <bob@web.de>: Empfänger unbekannt", "mailbox_unknown", "suppress"],
  ["550 5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]", "mailbox_unknown", "suppress"],
  ["552 5.2.2 Boite du destinataire pleine. Recipient mailbox full. OFR_417 [417]", "mailbox_full", "retry"],
  ["501 5.1.0 Emetteur invalide. Invalid Sender. OFR_102 [102]", "sender_config", "fix-sender"],
  ["421 mwinf5c08 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR004_104 [104]", "transient", "retry"],
];

const POSTFIX_EXIM_QMAIL: readonly Case[] = [
  ["host mx.example.com[192.0.2.1] said: 550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown in local recipient table (in reply to RCPT TO command)", "mailbox_unknown", "suppress"],
  ["550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown in virtual mailbox table", "mailbox_unknown", "suppress"],
  ["postfix/smtp[4242]: 4Xz1Q: to=<bob@example.com>, relay=mx.example.com[192.0.2.1]:25, delay=1.2, status=bounced (host mx.example.com[192.0.2.1] said: 550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown in relay recipient table (in reply to RCPT TO command))", "mailbox_unknown", "suppress"],
  ["550 No Such User Here", "mailbox_unknown", "suppress"],
  ["SMTP error from remote mail server after RCPT TO:<bob@example.com>:\\nhost mx.example.com [192.0.2.1]: 550 No Such User Here", "mailbox_unknown", "suppress"],
  ["550-Verification failed for <info@shop.example>\\n550-No Such User Here\\n550 Sender verify failed", "sender_config", "fix-sender"],
  ["SMTP error from remote mail server after RCPT TO:<bob@example.com>:\\nhost mx.example.com [192.0.2.1]: 550-Verification failed for <info@shop.example>\\n550-Unrouteable address\\n550 Sender verify failed", "sender_config", "fix-sender"],
  ["550 non-local sender verification failed", "sender_config", "fix-sender"],
  ["451 Could not complete sender verify callout", "sender_config", "fix-sender"],
  ["450 4.1.7 <info@shop.example>: Can't verify sender", "sender_config", "fix-sender"],
  ["550 5.7.1 Sender domain SPF exact match mandatory", "sender_config", "fix-sender"],
  ["550 5.7.23 Message rejected due to SPF fail: shop.example does not designate 192.0.2.10 as permitted sender", "sender_config", "fix-sender"],
  ["550-Callout verification failed:\\n550 550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown", "mailbox_unknown", "suppress"],
  ["550 Unrouteable address", "domain_invalid", "suppress"],
  ["Host or domain name not found. Name service error for name=exmaple.com type=A: Host not found", "domain_invalid", "suppress"],
  ["Host or domain name not found. Name service error for name=example.com type=MX: Host not found, try again", "connection_failed", "retry"],
  ["connect to mx.example.com[192.0.2.1]:25: Connection timed out", "connection_failed", "retry"],
  ["delivery temporarily suspended: connect to mx.example.com[192.0.2.1]:25: Connection refused", "connection_failed", "retry"],
  ["lost connection with mx.example.com[192.0.2.1] while receiving the initial server greeting", "connection_failed", "retry"],
  ["Sorry, I wasn't able to establish an SMTP connection. (#4.4.1)", "connection_failed", "retry"],
  ["Sorry, I couldn't find any host named exmaple.com. (#5.1.2)", "domain_invalid", "suppress"],
  ["Sorry, no mailbox here by that name. (#5.1.1)", "mailbox_unknown", "suppress"],
  ["Remote host said: 552 sorry, the recipient's mailbox is full (#5.2.2)", "mailbox_full", "retry"],
  ["Connected to 192.0.2.1 but sender was rejected.\\nRemote host said: 553 sorry, your envelope sender domain must exist (#5.7.1)", "sender_config", "fix-sender"],
  ["553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)", "sender_config", "fix-sender"],
  ["554 5.7.1 <bob@example.com>: Relay access denied", "sender_config", "fix-sender"],
  ["550 We do not relay non-local mail", "sender_config", "fix-sender"],
  ["450 4.2.0 <bob@example.com>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.com.html", "transient", "retry"],
  ["451 Greylisting in action, please come back later", "transient", "retry"],
  ["451 Temporary local problem - please try later", "transient", "retry"],
  ["451 4.3.0 <bob@example.com>: Temporary lookup failure", "transient", "retry"],
  ["452 4.3.1 Insufficient system storage", "transient", "retry"],
  ["550 Administrative prohibition", "recipient_policy", "review"],
  ["554 5.7.1 <bob@example.com>: Recipient address rejected: Access denied", "recipient_policy", "review"],
  ["554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.10", "blocklisted", "review"],
  ["554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using b.barracudacentral.org", "blocklisted", "review"],
  ["550 5.7.1 Your IP 192.0.2.10 is listed in bl.spamcop.net", "blocklisted", "review"],
  ["550 5.7.1 Mail from 192.0.2.10 rejected: blacklisted", "blocklisted", "review"],
  ["JunkMail rejected - ns1.example.net [192.0.2.10]:4212 is in an RBL on rbl.websitewelcome.com, see https://example.net", "blocklisted", "review"],
  ["450 4.7.25 Client host rejected: cannot find your hostname, [192.0.2.10]", "sender_config", "fix-sender"],
  ["504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname", "sender_config", "fix-sender"],
  ["450 4.1.8 <info@shop.example>: Sender address rejected: Domain not found", "sender_config", "fix-sender"],
  ["553 5.7.1 <info@shop.example>: Sender address rejected: not owned by user bob", "sender_config", "fix-sender"],
  ["552 5.3.4 Error: message file too big", "message_rejected", "fix-sender"],
  ["552 5.3.4 Message size exceeds fixed maximum message size", "message_rejected", "fix-sender"],
  ["554 5.7.1 Message rejected: prohibited attachment type .exe", "message_rejected", "fix-sender"],
  ["550 5.7.1 Message contains a virus (Eicar-Test-Signature)", "message_rejected", "fix-sender"],
  ["554 5.4.6 Too many hops", "connection_failed", "retry"],
  ["all hosts for 'example.com' have been failing for a long time (and retry time not reached)", "connection_failed", "retry"],
  ["retry timeout exceeded", "connection_failed", "retry"],
  ["R=dnslookup defer (-1): MX lookup failed for example.com", "connection_failed", "retry"],
  ["SMTP connect() failed. https://github.com/PHPMailer/PHPMailer/wiki/Troubleshooting", "connection_failed", "retry"],
  ["550 5.1.1 <bob@example.com>: Recipient address rejected: undeliverable address: host mx.example.com[192.0.2.1] said: 550 5.1.1 <bob@example.com>... User unknown (in reply to RCPT TO command)", "mailbox_unknown", "suppress"],
  ["556 5.1.10 <bob@example.com>: Recipient address rejected: Domain example.com does not accept mail (nullMX)", "domain_invalid", "suppress"],
  ["550 5.7.27 <info@shop.example>: Sender address rejected: Domain shop.example does not accept mail (nullMX)", "sender_config", "fix-sender"],
  ["550 5.2.1 Mailbox is disabled", "mailbox_disabled", "suppress"],
  ["550 5.2.1 <bob@example.com>: Recipient address rejected: this account has been deactivated", "mailbox_disabled", "suppress"],
  ["552 5.2.2 <bob@example.com>: Recipient address rejected: Mailbox is over quota", "mailbox_full", "retry"],
  ["Mailbox quota exceeded: retry timeout exceeded", "mailbox_full", "retry"],
  ["550 5.1.1 User bob not listed in Domino Directory", "mailbox_unknown", "suppress"],
  ["Diagnostic-Code: smtp; 550 5.1.1 <bob@example.com>... User unknown", "mailbox_unknown", "suppress"],
  ["550 5.1.2 <bob@exmaple.com>: Recipient address rejected: Domain not found", "domain_invalid", "suppress"],
  ["554 imta12.comcast.net comcast 192.0.2.10 Comcast block for spam. Please see http://postmaster.comcast.net/smtp-error-codes.php#BL000000", "blocklisted", "review"],
  ["Domain shop.example has exceeded the max emails per hour (100/100 (100%)) allowed.  Message discarded.", "rate_limited", "retry"],
  ["421 4.7.0 Too many concurrent SMTP connections from this IP address; please try again later.", "rate_limited", "retry"],
  ["452 4.5.3 Too many recipients", "rate_limited", "retry"],
  ["554 Message rejected: Email address is not verified. The following identities failed the check in region EU-WEST-1: info@shop.example", "sender_config", "fix-sender"],
  ["554 Sending paused for this account. For more information, please check the AWS Management Console.", "sender_account", "review"],
  ["550 5.1.8 Access denied, bad outbound sender", "sender_account", "review"],
  ["550 5.7.1 Message rejected as spam by Content Filtering.", "spam_content", "review"],
  ["550 High probability of spam", "spam_content", "review"],
  ["550 5.7.1 You are not allowed to post to this group", "recipient_policy", "review"],
  ["queryMx ENOTFOUND exmaple.com", "domain_invalid", "suppress"],
  ["getaddrinfo EAI_AGAIN mx.example.com", "connection_failed", "retry"],
  ["connect ECONNREFUSED 192.0.2.1:25", "connection_failed", "retry"],
];

/** Phrase beats code, transient replies downgrade hard categories, codes alone decide last. */
const CODES_AND_DISAGREEMENTS: readonly Case[] = [
  ["450 4.1.1 <bob@example.com>: Recipient address rejected: unverified address: host mx.example.com[192.0.2.1] said: 550 5.1.1 User unknown (in reply to RCPT TO command)", "mailbox_unknown", "retry"],
  ["450 4.2.1 Mailbox disabled temporarily", "mailbox_disabled", "retry"],
  ["550 4.1.1 User unknown", "mailbox_unknown", "retry"],
  ["450 5.1.1 User unknown", "mailbox_unknown", "retry"],
  ["550 5.1.1 User unknown, try again later", "mailbox_unknown", "retry"],
  ["550 5.1.1 Recipient temporarily unavailable: user not found", "mailbox_unknown", "retry"],
  ["451 4.4.4 Host not found for example.com, temporary DNS failure", "domain_invalid", "retry"],
  ["550 5.1.1", "mailbox_unknown", "suppress"],
  ["550 5.1.1 <bob@example.com>", "mailbox_unknown", "suppress"],
  ["554 5.1.2 <bob@example.com>", "domain_invalid", "suppress"],
  ["550 5.2.1 <bob@example.com>", "mailbox_disabled", "suppress"],
  ["552 5.2.2 <bob@example.com>", "mailbox_full", "retry"],
  ["554 5.3.4 <bob@example.com>", "message_rejected", "fix-sender"],
  ["550 5.7.1 <bob@example.com>", "recipient_policy", "review"],
  ["550 5.7.26 <bob@example.com>", "sender_config", "fix-sender"],
  ["421 4.7.28 <bob@example.com>", "rate_limited", "retry"],
  ["550 5.7.606 <192.0.2.10>", "blocklisted", "review"],
  ["550 5.7.705 <bob@example.com>", "sender_account", "review"],
  ["451 4.7.650 <192.0.2.10>", "rate_limited", "retry"],
  ["554 5.6.0 <bob@example.com>", "message_rejected", "fix-sender"],
  ["421 4.4.2 <bob@example.com>", "connection_failed", "retry"],
  ["451 4.3.5 <bob@example.com>", "transient", "retry"],
  ["450 4.9.9 <bob@example.com>", "transient", "retry"],
  ["451 <bob@example.com>", "transient", "retry"],
  ["421 mx.example.com closing transmission channel", "transient", "retry"],
  ["551 <bob@example.com>", "mailbox_unknown", "suppress"],
  ["552 <bob@example.com>", "mailbox_full", "retry"],
  ["535 <bob@example.com>", "sender_config", "fix-sender"],
  ["503 <bob@example.com>", "sender_config", "fix-sender"],
  ["556 <bob@example.com>", "domain_invalid", "suppress"],
  // Phrase over code: Yandex's unknown user carries the generic 5.7.1.
  ["550 5.7.1 No such user!", "mailbox_unknown", "suppress"],
  // Phrase over code: a sender-verify callout quoting 5.1.1 about our own address.
  ["550-Verification failed for <info@shop.example>\\n550-Called: 192.0.2.1\\n550-Sent: RCPT TO:<info@shop.example>\\n550-Response: 550 5.1.1 <info@shop.example>: Recipient address rejected: User unknown in local recipient table\\n550 Sender verify failed", "sender_config", "fix-sender"],
  // Microsoft's callout answer inside a sender-verify failure is still about our address.
  ["550-Verification failed for <info@shop.example>\\n550-Response: 550 5.4.1 Recipient address rejected: Access denied. AS(201806281)\\n550 Sender verify failed", "sender_config", "fix-sender"],
  // Sender-side categories stay sender-side under a transient code.
  ["451 4.7.1 Client host rejected: cannot find your reverse hostname, [192.0.2.10]", "sender_config", "fix-sender"],
  ["421 4.7.0 [192.0.2.10] blocked using zen.spamhaus.org, try again later", "blocklisted", "review"],
];

const NO_EVIDENCE: readonly Case[] = [
  ["", "unknown", "review"],
  ["   ", "unknown", "review"],
  ["550", "unknown", "review"],
  ["554 <bob@example.com>", "unknown", "review"],
  ["550 5.0.0 <bob@example.com>", "unknown", "review"],
  ["554 5.7.0 Message rejected", "unknown", "review"],
  ["Delivery to the following recipient failed: bob@example.com", "unknown", "review"],
  ["Message could not be delivered", "unknown", "review"],
  ["250 2.0.0 OK 1700000000 a1si123 - gsmtp", "unknown", "review"],
  ["Undelivered Mail Returned to Sender", "unknown", "review"],
  ["Error 12345 at port 465", "unknown", "review"],
];

const ALL: readonly Case[] = [
  ...GMAIL,
  ...MICROSOFT,
  ...YAHOO_AOL,
  ...APPLE,
  ...MAILRU_YANDEX,
  ...GMX_WEBDE_ORANGE,
  ...POSTFIX_EXIM_QMAIL,
  ...CODES_AND_DISAGREEMENTS,
  ...NO_EVIDENCE,
];

describe("classifyBounce: real-shaped bounce texts", () => {
  it("has a large table (at least 150 cases, every category covered)", () => {
    expect(ALL.length).toBeGreaterThanOrEqual(150);
    const categories = new Set(ALL.map(([, category]) => category));
    expect(categories.size).toBe(14);
  });

  it.each(ALL)("%s → %s / %s", (text, category, action) => {
    const result = classifyBounce(text);
    expect({ category: result.category, action: result.action }).toEqual({ category, action });
  });
});

describe("classifyBounce: result fields", () => {
  it("reports codes, rule and evidence for a Postfix unknown user", () => {
    const result = classifyBounce(POSTFIX_EXIM_QMAIL[0]?.[0] ?? "");
    expect(result).toMatchObject({
      category: "mailbox_unknown",
      action: "suppress",
      side: "recipient",
      severity: "hard",
      code: "550",
      enhancedCode: "5.1.1",
      rule: "mailbox-unknown",
      evidence: "User unknown",
    });
    expect(result.text).toBe(
      "550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown in local recipient table",
    );
    expect(result.blocklist).toBeUndefined();
  });

  it("downgrades a hard category under a transient reply to retry with soft severity", () => {
    const result = classifyBounce("450 4.1.1 <bob@example.com>: Recipient address rejected: User unknown");
    expect(result).toMatchObject({ category: "mailbox_unknown", action: "retry", severity: "soft", side: "recipient" });
  });

  it.each([
    ["550 5.7.26 Unauthenticated email from shop.example is not accepted due to domain's DMARC policy", "sender"],
    ["421 4.7.0 [TSS04] Messages from 192.0.2.10 temporarily deferred", "sender"],
    ["connect to mx.example.com[192.0.2.1]:25: Connection timed out", "soft"],
    ["452 4.2.2 The email account that you tried to reach is over quota", "soft"],
    ["550 No Such User Here", "hard"],
    ["Undelivered Mail Returned to Sender", "soft"],
  ] as const)("severity of %s is %s", (text, severity) => {
    expect(classifyBounce(text).severity).toBe(severity);
  });

  it.each([
    ["554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.10", "zen.spamhaus.org"],
    ["554 Service unavailable; Client host [192.0.2.10] blocked using Barracuda Reputation; http://www.barracudanetworks.com/reputation/?ip=192.0.2.10", "barracuda"],
    ["550 5.7.1 Your IP 192.0.2.10 is listed in bl.spamcop.net", "bl.spamcop.net"],
    ["550 5.7.1 Service unavailable, Client host [192.0.2.10] blocked using Spamhaus. To request removal from this list see https://www.spamhaus.org/query/ip/192.0.2.10 (AS3130).", "spamhaus"],
    ["553 5.7.1 [BL21] Connections will not be accepted from 192.0.2.10, because the ip is in Spamhaus's list", "spamhaus"],
    ["550 5.7.1 Unfortunately, messages from [192.0.2.10] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150).", "microsoft"],
    ["550 5.7.0 Blocked - see https://ipcheck.proofpoint.com/?ip=192.0.2.10", "proofpoint"],
    ["554 Rejected: 192.0.2.10 found in dnsbl.sorbs.net", "dnsbl.sorbs.net"],
  ] as const)("names the blocklist in %s", (text, list) => {
    const result = classifyBounce(text);
    expect(result.category).toBe("blocklisted");
    expect(result.blocklist).toBe(list);
  });

  it("leaves blocklist out when the reply names no list", () => {
    const result = classifyBounce("550 5.7.1 Mail from 192.0.2.10 rejected: blacklisted");
    expect(result.category).toBe("blocklisted");
    expect(result.blocklist).toBeUndefined();
  });

  it("gives unknown with no rule and no evidence for text without evidence", () => {
    expect(classifyBounce("Message could not be delivered")).toMatchObject({
      category: "unknown",
      action: "review",
      side: "none",
      rule: "no-evidence",
      evidence: null,
      code: null,
      enhancedCode: null,
    });
  });

  it("reports the code that decided when only codes are present", () => {
    expect(classifyBounce("554 5.1.2 <bob@example.com>")).toMatchObject({ rule: "enhanced:x.1.2", evidence: "5.1.2" });
    expect(classifyBounce("551 <bob@example.com>")).toMatchObject({ rule: "basic:551", evidence: "551" });
  });

  it("keeps the evidence in the text's own case", () => {
    expect(classifyBounce("550 5.1.1 Sorry, No Such User Here").evidence).toBe("No Such User");
  });
});

describe("classifyBounce: hints", () => {
  it("uses hint codes when the text has none", () => {
    const result = classifyBounce("Delivery failed", { code: "550", enhancedCode: "5.1.1" });
    expect(result).toMatchObject({ category: "mailbox_unknown", code: "550", enhancedCode: "5.1.1", rule: "enhanced:x.1.1" });
  });

  it("prefers the codes in the text over hints", () => {
    const result = classifyBounce("452 4.2.2 <bob@example.com>", { code: "550", enhancedCode: "5.1.1" });
    expect(result).toMatchObject({ category: "mailbox_full", code: "452", enhancedCode: "4.2.2" });
  });

  it("ignores malformed hints", () => {
    const result = classifyBounce("Delivery failed", { code: "5500", enhancedCode: "5.1" });
    expect(result).toMatchObject({ category: "unknown", code: null, enhancedCode: null });
  });

  it("applies the transient downgrade to a hinted 4.x.x code", () => {
    const result = classifyBounce("User unknown", { enhancedCode: "4.1.1" });
    expect(result).toMatchObject({ category: "mailbox_unknown", action: "retry" });
  });
});

/**
 * Edges of the rules added from the bounce corpus (test/corpus/bounces.test.ts): each pair shows
 * the text a pattern was written for next to a near text it must leave alone.
 */
const CORPUS_EDGES: readonly Case[] = [
  // Barracuda the blocklist, not Barracuda the filter appliance.
  ["554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using b.barracudacentral.org", "blocklisted", "review"],
  ["554 5.7.1 Message blocked by Barracuda: Spam score too high", "spam_content", "review"],
  // "recipient rejected" is the server refusing the address; "the recipient has rejected" is the person.
  ["550 5.1.1 recipient rejected", "mailbox_unknown", "suppress"],
  ["550 recipient rejected", "unknown", "review"],
  ["550 5.7.1 The recipient has rejected your message", "recipient_policy", "review"],
  // Exim's sender callout header, and the recipient callouts it must not swallow.
  ["550 Verification failed for <info@shop.example>", "sender_config", "fix-sender"],
  ["550 Recipient verification failed for <bob@example.com>", "unknown", "review"],
  ["550-Callout verification failed for <bob@example.com>\\n550 550 5.1.1 User unknown", "mailbox_unknown", "suppress"],
  // cPanel's "may be blacklisted" guess: the address when alone, our address inside a sender verify.
  ["550 The mail server could not deliver mail to bob@example.com.  The account or domain may not exist, they may be blacklisted, or missing the proper dns entries.", "mailbox_unknown", "suppress"],
  ["550-Verification failed for <info@shop.example>\\n550-The mail server could not deliver mail to info@shop.example.  The account or domain may not exist, they may be blacklisted, or missing the proper dns entries.\\n550 Sender verify failed", "sender_config", "fix-sender"],
  // A bare ESP bounce type decides only when it is the whole text.
  ["hard bounce", "mailbox_unknown", "suppress"],
  ["Hard bounce: 550 Administrative prohibition", "recipient_policy", "review"],
  ["soft bounce", "transient", "retry"],
  ["Soft bounce: 552 5.2.2 Mailbox full", "mailbox_full", "retry"],
  ["Too old", "connection_failed", "retry"],
  ["The message is too old", "unknown", "review"],
  // Yahoo: temporary deferrals are throttling, permanent ones are a reputation block.
  ["421 4.7.0 [TSS04] Messages from 192.0.2.10 temporarily deferred due to unexpected volume or user complaints", "rate_limited", "retry"],
  ["553 5.7.2 [TSS09] All messages from 192.0.2.10 will be permanently deferred; Retrying will NOT succeed.", "blocklisted", "review"],
  // An IP named as blocked, and one named as not blocked.
  ["421 IP 192.0.2.10 temporarily blocked due to spam", "blocklisted", "review"],
  ["Your IP 192.0.2.10 is not blocked", "unknown", "review"],
  // TLS the sender must use (sender_config) versus TLS the path failed (connection_failed).
  ["421-4.7.0 TLS required for RCPT domain, closing connection.", "sender_config", "fix-sender"],
  ["TLS is required, but was not offered by host mx.example.com[192.0.2.1]", "connection_failed", "retry"],
  // The recipient's blocked-senders list or a complaint is recipient policy, not spam content.
  ["Not delivering to a user who marked your messages as spam", "recipient_policy", "review"],
  ["550 5.7.1 Message marked as spam", "spam_content", "review"],
  // Localised temporary words downgrade a hard recipient category.
  ["Zustellung vorübergehend fehlgeschlagen: Benutzer unbekannt", "mailbox_unknown", "retry"],
  ["Utilisateur inconnu, erreur temporaire", "mailbox_unknown", "retry"],
  ["Utilisateur inconnu", "mailbox_unknown", "suppress"],
];

describe("classifyBounce: corpus rule edges", () => {
  it.each(CORPUS_EDGES)("%s → %s / %s", (text, category, action) => {
    const result = classifyBounce(text);
    expect({ category: result.category, action: result.action }).toEqual({ category, action });
  });
});

describe("classifyBounce: DKIM named without a DKIM failure", () => {
  it.each([
    // Gmail's spam-rate throttle names "your DKIM domain": a rate limit, not a DKIM failure.
    ["421-4.7.28 Gmail has detected an unusual rate of unsolicited mail originating from your DKIM domain [example.com 12]. To protect our users from spam, mail sent from your domain has been temporarily rate limited.", "rate_limited", "retry"],
    ["550 5.7.20 No passing DKIM signature found", "sender_config", "fix-sender"],
    ["554 5.7.9 Message not accepted, DKIM signature verification failed", "sender_config", "fix-sender"],
  ] as const)("%s → %s", (text, category, action) => {
    const r = classifyBounce(text);
    expect({ category: r.category, action: r.action }).toEqual({ category, action });
  });
});

describe("auto-replies and resend instructions", () => {
  const cases: readonly Case[] = [
    // Out-of-office wording that would otherwise read as transient: not a bounce at all.
    ["Thank you for your message. I am temporarily out of the office and will reply when I return.", "unknown", "review"],
    ["Automatische Antwort: Ich bin vorübergehend nicht erreichbar.", "unknown", "review"],
    // A real deferral that merely says "try again later" stays transient.
    ["451 4.7.1 Please try again later", "transient", "retry"],
    // Gmail's NDR tells the user to fix the address "and try again": permanent.
    ["Address not found. Your message wasn't delivered to bob@exampel.com because the domain exampel.com couldn't be found. Check for typos or unnecessary spaces and try again.", "domain_invalid", "suppress"],
    // "Please try again" without the instruction stays a temporary hint on a hard category.
    ["550 5.1.1 User unknown. Please try again", "mailbox_unknown", "retry"],
  ];
  it.each(cases)("%s → %s / %s", (text, category, action) => {
    const got = classifyBounce(text);
    expect([got.category, got.action]).toEqual([category, action]);
  });

  it("names the auto-reply rule as evidence", () => {
    expect(classifyBounce("Out of Office: back on Monday").rule).toBe("auto-reply");
  });
});
