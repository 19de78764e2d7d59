import { CYRILLIC, LATIN, type Person } from "./people.js";
import { table, type Dialect, type Encoding } from "./format.js";

/**
 * Real-world export shapes, written the way each platform writes them (header names, delimiter,
 * line ends, quoting, encoding), with synthetic content. Header lists follow the platforms'
 * export files as of 2023-2024; where a platform varies by version or locale, both shapes appear.
 */

export interface ExportCase {
  readonly name: string;
  /** Decoded text of the file, without BOM. */
  readonly text: string;
  readonly encoding: Encoding;
  readonly delimiter: string;
  readonly args?: readonly string[];
  /** The header name the address column must be detected as (exit 0 expected). */
  readonly column?: string;
  /** A failing run: exit status and words stderr must contain. */
  readonly code?: number;
  readonly mentions?: readonly string[];
  readonly header?: boolean;
}

const COMMA_LF: Dialect = { delimiter: ",", newline: "\n", quote: "minimal", finalNewline: true };
const COMMA_CRLF: Dialect = { delimiter: ",", newline: "\r\n", quote: "minimal", finalNewline: true };
const SEMI_CRLF: Dialect = { delimiter: ";", newline: "\r\n", quote: "minimal", finalNewline: true };
const SEMI_LF: Dialect = { delimiter: ";", newline: "\n", quote: "minimal", finalNewline: true };
const TAB_CRLF: Dialect = { delimiter: "\t", newline: "\r\n", quote: "minimal", finalNewline: true };
const ALL_CRLF: Dialect = { delimiter: ",", newline: "\r\n", quote: "all", finalNewline: true };

type Row = (p: Person, i: number) => string[];

function build(header: readonly string[], pool: readonly Person[], row: Row, d: Dialect): string {
  const rows = pool.map(row);
  for (const r of rows) if (r.length !== header.length) throw new Error(`row width ${r.length} != ${header.length}: ${header.join("|")}`);
  return table(header, rows, d);
}

const id = (i: number, base = 100000): string => String(base + i * 37);
const iso = (p: Person): string => p.created.replace(" ", "T") + "Z";
const yes = (i: number): string => (i % 3 === 0 ? "no" : "yes");

export const CASES: readonly ExportCase[] = [
  // Mailchimp audience exports: subscribed / unsubscribed / cleaned, comma, LF, UTF-8 no BOM.
  {
    name: "mailchimp-subscribed",
    encoding: "utf-8",
    delimiter: ",",
    column: "Email Address",
    text: build(
      ["Email Address", "First Name", "Last Name", "Address", "Phone Number", "Birthday", "MEMBER_RATING", "OPTIN_TIME", "OPTIN_IP", "CONFIRM_TIME", "CONFIRM_IP", "LATITUDE", "LONGITUDE", "GMTOFF", "DSTOFF", "TIMEZONE", "CC", "REGION", "LAST_CHANGED", "LEID", "EUID", "NOTES", "TAGS"],
      LATIN,
      (p, i) => [p.email, p.first, p.last, p.city ? `12 Main St  ${p.city}  ${p.country}  10001  ${p.country}` : "", p.phone, i % 4 === 0 ? "04/12" : "", String((i % 5) + 1), p.created, "", p.created, `203.0.113.${i + 1}`, "", "", "", "", "", p.country, "", p.created, id(i), `a1b2c3d${i}`, p.note, i % 2 ? '"Customer","2023"' : ""],
      COMMA_LF,
    ),
  },
  {
    name: "mailchimp-unsubscribed",
    encoding: "utf-8",
    delimiter: ",",
    column: "Email Address",
    text: build(
      ["Email Address", "First Name", "Last Name", "MEMBER_RATING", "OPTIN_TIME", "OPTIN_IP", "CONFIRM_TIME", "CONFIRM_IP", "LATITUDE", "LONGITUDE", "GMTOFF", "DSTOFF", "TIMEZONE", "CC", "REGION", "UNSUB_TIME", "UNSUB_CAMPAIGN_TITLE", "UNSUB_CAMPAIGN_ID", "UNSUB_REASON", "UNSUB_REASON_OTHER", "LEID", "EUID", "NOTES", "TAGS"],
      LATIN,
      (p, i) => [p.email, p.first, p.last, "2", p.created, "", p.created, "", "", "", "", "", "", p.country, "", p.created, "Spring Sale, 20% off", `c${i}f00d`, i % 2 ? "NORMAL" : "OTHER", i % 2 ? "" : "Too many emails, \"really\"", id(i), `e${i}`, "", ""],
      COMMA_LF,
    ),
  },
  {
    name: "mailchimp-cleaned",
    encoding: "utf-8",
    delimiter: ",",
    column: "Email Address",
    text: build(
      ["Email Address", "First Name", "Last Name", "MEMBER_RATING", "OPTIN_TIME", "CONFIRM_TIME", "CLEAN_TIME", "CLEAN_CAMPAIGN_TITLE", "CLEAN_CAMPAIGN_ID", "LEID", "EUID", "NOTES", "TAGS"],
      LATIN,
      (p, i) => [p.email, p.first, p.last, "1", p.created, p.created, p.created, "Newsletter #12", `cc${i}`, id(i), `e${i}`, "", ""],
      COMMA_LF,
    ),
  },
  // HubSpot: "Email" plus several properties that merely mention email.
  {
    name: "hubspot-contacts",
    encoding: "utf-8",
    delimiter: ",",
    column: "Email",
    text: build(
      ["Record ID", "First Name", "Last Name", "Email", "Phone Number", "Contact owner", "Lifecycle Stage", "Lead Status", "Marketing contact status", "Create Date", "Last Activity Date", "Email Domain", "Unsubscribed from all email", "Marketing emails opened", "Associated Company"],
      LATIN,
      (p, i) => [id(i, 5100), p.first, p.last, p.email, p.phone, "Jane Owner", i % 2 ? "Lead" : "Subscriber", i % 3 ? "New" : "", "Marketing contact", p.created, p.created, p.email.split("@")[1]?.trim().replace(/>$/, "") ?? "", i % 5 === 0 ? "true" : "false", String(i * 3), p.company],
      COMMA_LF,
    ),
  },
  {
    name: "hubspot-with-additional-emails",
    encoding: "utf-8-bom",
    delimiter: ",",
    column: "Email",
    text: build(
      ["Record ID", "Email", "Additional email addresses", "First Name", "Email hard bounce reason", "Email address quarantined", "Opted out of email: Marketing Information"],
      LATIN,
      (p, i) => [id(i, 7000), p.email, i % 4 === 0 ? `alt${i}@example.org;old${i}@example.net` : "", p.first, i === 4 ? "550 5.1.1 user unknown" : "", "false", i % 6 === 0 ? "true" : ""],
      COMMA_LF,
    ),
  },
  // Salesforce: report export quotes every cell and ends lines with CRLF.
  {
    name: "salesforce-report",
    encoding: "utf-8",
    delimiter: ",",
    column: "Email",
    text: build(
      ["First Name", "Last Name", "Title", "Account Name", "Email", "Phone", "Mailing City", "Lead Source", "Email Opt Out", "Created Date"],
      LATIN,
      (p, i) => [p.first, p.last, i % 2 ? "VP Marketing" : "", p.company, p.email, p.phone, p.city, "Web", i % 4 === 0 ? "1" : "0", p.created.slice(0, 10)],
      ALL_CRLF,
    ),
  },
  {
    name: "salesforce-dataloader",
    encoding: "utf-8",
    delimiter: ",",
    column: "EMAIL",
    text: build(
      ["ID", "FIRSTNAME", "LASTNAME", "EMAIL", "HASOPTEDOUTOFEMAIL", "EMAILBOUNCEDREASON", "EMAILBOUNCEDDATE", "PHONE", "DESCRIPTION"],
      LATIN,
      (p, i) => [`003Dn00000${String(i).padStart(5, "0")}AAA`, p.first, p.last, p.email, i % 4 === 0 ? "true" : "false", i === 9 ? "550 Requested action not taken: mailbox unavailable" : "", i === 9 ? "2024-01-05T10:00:00.000Z" : "", p.phone, p.note],
      ALL_CRLF,
    ),
  },
  // Brevo (Sendinblue): upper-case attribute names, `;`.
  {
    name: "brevo-contacts",
    encoding: "utf-8",
    delimiter: ";",
    column: "EMAIL",
    text: build(
      ["CONTACT ID", "EMAIL", "FIRSTNAME", "LASTNAME", "SMS", "DOUBLE_OPT-IN", "OPT_IN", "EMAIL_BLACKLISTED", "SMS_BLACKLISTED", "ADDED_TIME", "MODIFIED_TIME"],
      LATIN,
      (p, i) => [String(i + 1), p.email, p.first, p.last, p.phone.replace(/[^\d+]/g, ""), i % 2 ? "Yes" : "No", "", i % 7 === 0 ? "Yes" : "No", "No", p.created, p.created],
      SEMI_LF,
    ),
  },
  {
    name: "sendinblue-legacy",
    encoding: "utf-8",
    delimiter: ";",
    column: "EMAIL",
    text: build(["EMAIL", "NOM", "PRENOM", "SMS", "DATE_INSCRIPTION"], LATIN, (p) => [p.email, p.last, p.first, p.phone, p.created.slice(0, 10)], SEMI_CRLF),
  },
  // Klaviyo: "Email" first, consent columns after.
  {
    name: "klaviyo-profiles",
    encoding: "utf-8",
    delimiter: ",",
    column: "Email",
    text: build(
      ["Email", "Phone Number", "First Name", "Last Name", "Organization", "Title", "Address", "Address 2", "City", "State / Region", "Country", "Zip Code", "Source", "IP Address", "Klaviyo ID", "Email Marketing Consent", "Email Marketing Consent Timestamp", "SMS Marketing Consent", "Date Added", "Last Open", "Last Click"],
      LATIN,
      (p, i) => [p.email, p.phone, p.first, p.last, p.company, "", "", "", p.city, "", p.country, "", "Shopify", `198.51.100.${i}`, `01HK${i}ZX9Q`, i % 3 ? "SUBSCRIBED" : "NEVER_SUBSCRIBED", iso(p), "", iso(p), "", ""],
      COMMA_LF,
    ),
  },
  // Shopify customers: current and legacy layouts; zip codes exported with a leading `'`.
  {
    name: "shopify-customers",
    encoding: "utf-8",
    delimiter: ",",
    column: "Email",
    text: build(
      ["Customer ID", "First Name", "Last Name", "Email", "Accepts Email Marketing", "Default Address Company", "Default Address Address1", "Default Address Address2", "Default Address City", "Default Address Province Code", "Default Address Country Code", "Default Address Zip", "Default Address Phone", "Phone", "Accepts SMS Marketing", "Total Spent", "Total Orders", "Note", "Tax Exempt", "Tags"],
      LATIN,
      (p, i) => [`'${7000000000 + i}`, p.first, p.last, p.email, yes(i), p.company, "1 Market St", "", p.city, "", p.country, `'0${2100 + i}`, p.phone, p.phone.startsWith("+") ? `'${p.phone.replace(/ /g, "")}` : "", "no", `${(i * 13.5).toFixed(2)}`, String(i), p.note, "no", i % 2 ? "vip, wholesale" : ""],
      COMMA_LF,
    ),
  },
  {
    name: "shopify-customers-legacy",
    encoding: "utf-8",
    delimiter: ",",
    column: "Email",
    text: build(
      ["First Name", "Last Name", "Email", "Company", "Address1", "Address2", "City", "Province", "Province Code", "Country", "Country Code", "Zip", "Phone", "Accepts Marketing", "Total Spent", "Total Orders", "Tags", "Note", "Tax Exempt"],
      LATIN,
      (p, i) => [p.first, p.last, p.email, p.company, "1 Market St", "", p.city, "", "", p.country, p.country, `'0${2100 + i}`, p.phone, yes(i), "0.00", "0", "", p.note, "no"],
      COMMA_LF,
    ),
  },
  // ConvertKit (Kit): snake_case.
  {
    name: "convertkit-subscribers",
    encoding: "utf-8",
    delimiter: ",",
    column: "email_address",
    text: build(["first_name", "email_address", "state", "created_at", "tag_names"], LATIN, (p, i) => [p.first, p.email, i % 5 ? "active" : "cancelled", iso(p), i % 2 ? "lead magnet,webinar" : ""], COMMA_LF),
  },
  // Constant Contact: "Email address" with status/permission columns.
  {
    name: "constant-contact",
    encoding: "utf-8",
    delimiter: ",",
    column: "Email address",
    text: build(
      ["Email status", "Email permission status", "Email address", "First name", "Last name", "Company", "Job title", "Phone - mobile", "Email Lists", "Source Name", "Created At", "Updated At", "Email update source", "Confirmed Opt-Out Date"],
      LATIN,
      (p, i) => [i % 4 ? "Active" : "Bounced", i % 3 ? "Implicit" : "Explicit", p.email, p.first, p.last, p.company, "", p.phone, "General Interest; Newsletter", "Website sign-up form", p.created, p.created, "Contact", ""],
      COMMA_CRLF,
    ),
  },
  // GetResponse.
  {
    name: "getresponse-contacts",
    encoding: "utf-8",
    delimiter: ",",
    column: "email",
    text: build(["email", "name", "campaign", "origin", "created_on", "ip", "country", "engagement_score"], LATIN, (p, i) => [p.email, `${p.first} ${p.last}`.trim(), "my_list", i % 2 ? "api" : "import", p.created, "", p.country, String(i % 5)], COMMA_LF),
  },
  // ActiveCampaign, Campaign Monitor, MailerLite, Zoho, Eventbrite, Substack, Beehiiv.
  {
    name: "activecampaign",
    encoding: "utf-8",
    delimiter: ",",
    column: "Email",
    text: build(["Email", "First Name", "Last Name", "Phone", "Organization", "Tags", "Date Created", "IP Address", "Bounce Count"], LATIN, (p, i) => [p.email, p.first, p.last, p.phone, p.company, i % 2 ? "customer, newsletter" : "", p.created, "", "0"], COMMA_LF),
  },
  {
    name: "campaign-monitor",
    encoding: "utf-8",
    delimiter: ",",
    column: "Email Address",
    text: build(["Email Address", "Name", "Date Subscribed", "Email Client", "Consent to track"], LATIN, (p, i) => [p.email, `${p.first} ${p.last}`.trim(), p.created, i % 2 ? "Gmail" : "Apple Mail", "Yes"], COMMA_CRLF),
  },
  {
    name: "mailerlite",
    encoding: "utf-8",
    delimiter: ",",
    column: "Subscriber",
    text: build(["Subscriber", "Name", "Last name", "Location", "Subscribed", "Opens", "Clicks"], LATIN, (p, i) => [p.email, p.first, p.last, p.city, p.created, String(i), String(i % 3)], COMMA_LF),
  },
  {
    name: "zoho-crm",
    encoding: "utf-8",
    delimiter: ",",
    column: "Email",
    text: build(
      ["Record Id", "First Name", "Last Name", "Email", "Secondary Email", "Email Opt Out", "Phone", "Mobile", "Lead Source", "Created Time"],
      LATIN,
      (p, i) => [`zcrm_${4800000000 + i}`, p.first, p.last, p.email, i % 5 === 0 ? `second${i}@example.org` : "", i % 4 === 0 ? "true" : "false", p.phone, "", "Web Form", p.created],
      COMMA_LF,
    ),
  },
  {
    name: "eventbrite-attendees",
    encoding: "utf-8",
    delimiter: ",",
    column: "Email",
    text: build(["Order #", "Order Date", "First Name", "Last Name", "Email", "Quantity", "Ticket Type", "Attendee #", "Attendee Status", "Buyer email"], LATIN, (p, i) => [String(880000 + i), p.created, p.first, p.last, p.email, "1", "General Admission", String(1200 + i), "Attending", i % 3 ? p.email : ""], COMMA_LF),
  },
  {
    name: "substack-subscribers",
    encoding: "utf-8",
    delimiter: ",",
    column: "email",
    text: build(["email", "active_subscription", "expiry", "plan", "email_disabled", "created_at", "first_payment_at"], LATIN, (p, i) => [p.email, i % 3 === 0 ? "true" : "false", "", i % 3 === 0 ? "paid" : "free", "false", iso(p), ""], COMMA_LF),
  },
  {
    name: "beehiiv-subscribers",
    encoding: "utf-8",
    delimiter: ",",
    column: "email",
    text: build(["email", "status", "created_at", "utm_source", "referral_code", "email_open_rate"], LATIN, (p, i) => [p.email, "active", iso(p), "twitter", `ref${i}`, "0.5"], COMMA_LF),
  },
  // Outlook and Google Contacts: several address columns; the first is the primary one.
  {
    name: "outlook-contacts",
    encoding: "utf-8",
    delimiter: ",",
    column: "E-mail Address",
    text: build(
      ["First Name", "Middle Name", "Last Name", "Title", "Company", "E-mail Address", "E-mail 2 Address", "E-mail 3 Address", "E-mail Display Name", "Mobile Phone", "Notes"],
      LATIN,
      (p, i) => [p.first, "", p.last, "", p.company, p.email, i % 6 === 0 ? `home${i}@example.net` : "", "", p.first ? `${p.first} ${p.last} (${p.email.trim()})` : "", p.phone, p.note],
      COMMA_CRLF,
    ),
  },
  {
    name: "google-contacts",
    encoding: "utf-8",
    delimiter: ",",
    column: "E-mail 1 - Value",
    text: build(
      ["Name", "Given Name", "Family Name", "Group Membership", "E-mail 1 - Type", "E-mail 1 - Value", "E-mail 2 - Type", "E-mail 2 - Value", "Phone 1 - Type", "Phone 1 - Value"],
      LATIN,
      (p, i) => [`${p.first} ${p.last}`.trim(), p.first, p.last, "* myContacts", "* Home", p.email, i % 2 ? "Work" : "", i % 2 ? `work${i}@example.com` : "", "Mobile", p.phone],
      COMMA_LF,
    ),
  },
  // Google Forms responses: "Timestamp", "Email Address" (English) / Russian form.
  {
    name: "google-forms-ru",
    encoding: "utf-8",
    delimiter: ",",
    column: "Адрес электронной почты",
    text: build(["Отметка времени", "Адрес электронной почты", "Ваше имя", "Откуда вы узнали о нас?"], CYRILLIC, (p) => [p.created, p.email, p.first, p.note], { ...COMMA_CRLF, finalNewline: false }),
  },
  // Russian ESPs.
  {
    name: "unisender-export",
    encoding: "utf-8",
    delimiter: ",",
    column: "email",
    text: build(
      ["email", "email_status", "email_availability", "email_add_time", "email_confirm_time", "email_list_ids", "email_unsubscribed_list_ids", "phone", "Name", "Город"],
      CYRILLIC,
      (p, i) => [p.email, i % 4 ? "active" : "unsubscribed", "available", p.created, p.created, "1,3", "", p.phone, p.first, p.city],
      COMMA_LF,
    ),
  },
  {
    name: "sendpulse-cp1251",
    encoding: "windows-1251",
    delimiter: ";",
    args: ["--encoding", "windows-1251"],
    column: "Email",
    text: build(["Email", "Телефон", "Имя", "Статус", "Дата добавления"], CYRILLIC, (p, i) => [p.email, p.phone, p.first, i % 3 ? "Активный" : "Отписан", p.created], SEMI_CRLF),
  },
  {
    name: "dashamail-utf8-bom",
    encoding: "utf-8-bom",
    delimiter: ";",
    column: "E-mail",
    text: build(["E-mail", "Имя", "Фамилия", "Город", "Дата рождения", "Пол"], CYRILLIC, (p, i) => [p.email, p.first, p.last, p.city, "", i % 2 ? "ж" : "м"], SEMI_CRLF),
  },
  {
    name: "russian-pochta-cp1251",
    encoding: "windows-1251",
    delimiter: ";",
    args: ["--encoding", "windows-1251"],
    column: "Почта",
    text: build(["ФИО", "Почта", "Телефон", "Город", "Комментарий"], CYRILLIC, (p) => [`${p.last} ${p.first}`.trim(), p.email, p.phone, p.city, p.note], SEMI_CRLF),
  },
  // amoCRM / Bitrix24: typed address fields (work, personal, other).
  {
    name: "amocrm-contacts",
    encoding: "utf-8-bom",
    delimiter: ";",
    column: "Рабочий email",
    text: build(
      ["ID", "Наименование", "Компания", "Ответственный", "Дата создания", "Рабочий телефон", "Рабочий email", "Теги", "Примечание 1"],
      CYRILLIC,
      (p, i) => [String(21000000 + i), `${p.first} ${p.last}`.trim(), p.company, "Менеджер Иванов", p.created, p.phone, p.email, i % 2 ? "клиент" : "", p.note],
      SEMI_CRLF,
    ),
  },
  {
    name: "bitrix24-contacts",
    encoding: "windows-1251",
    delimiter: ";",
    args: ["--encoding", "windows-1251"],
    column: "Рабочий e-mail",
    text: build(
      ["ID", "Имя", "Фамилия", "Рабочий телефон", "Мобильный телефон", "Рабочий e-mail", "Источник", "Дата создания", "Ответственный"],
      CYRILLIC,
      (p, i) => [String(1000 + i), p.first, p.last, p.phone, "", p.email, "Веб-сайт", p.created, "Админ"],
      SEMI_CRLF,
    ),
  },
  {
    name: "bitrix24-mailing-and-private",
    encoding: "utf-8-bom",
    delimiter: ";",
    column: "E-mail (раб.)",
    text: build(
      ["ID", "Имя", "E-mail (раб.)", "Телефон (раб.)", "Разрешить рассылку по e-mail", "Дата изменения"],
      CYRILLIC,
      (p, i) => [String(50 + i), p.first, p.email, p.phone, i % 2 ? "Да" : "Нет", p.created],
      SEMI_CRLF,
    ),
  },
  // Excel: "CSV UTF-8", regional "CSV" with sep= hint and a legacy code page, "Unicode Text".
  {
    name: "excel-csv-utf8",
    encoding: "utf-8-bom",
    delimiter: ",",
    column: "Email",
    text: build(["Name", "Email", "Company", "Notes"], LATIN, (p) => [`${p.first} ${p.last}`.trim(), p.email, p.company, p.note], COMMA_CRLF),
  },
  {
    name: "excel-regional-de-cp1252",
    encoding: "windows-1252",
    delimiter: ";",
    args: ["--encoding", "windows-1252"],
    column: "E-Mail-Adresse",
    text: build(["Anrede", "Vorname", "Nachname", "E-Mail-Adresse", "Straße", "PLZ", "Ort", "Umsatz EUR"], LATIN, (p, i) => [i % 2 ? "Frau" : "Herr", p.first, p.last, p.email, "Hauptstraße 1", "10115", p.city, `${i},50`], SEMI_CRLF),
  },
  {
    name: "excel-regional-sep-line",
    encoding: "windows-1252",
    delimiter: ";",
    args: ["--encoding", "windows-1252"],
    column: "Courriel",
    text: "sep=;\r\n" + build(["Nom", "Prénom", "Courriel", "Téléphone", "Ville"], LATIN, (p) => [p.last, p.first, p.email, p.phone, p.city], SEMI_CRLF),
  },
  {
    name: "excel-regional-ru-cp1251",
    encoding: "windows-1251",
    delimiter: ";",
    args: ["--encoding", "windows-1251"],
    column: "Электронная почта",
    text: build(["Фамилия", "Имя", "Электронная почта", "Телефон", "Сумма"], CYRILLIC, (p, i) => [p.last, p.first, p.email, p.phone, `${i * 100},00`], SEMI_CRLF),
  },
  {
    name: "excel-unicode-text",
    encoding: "utf-16le-bom",
    delimiter: "\t",
    column: "E-mail",
    text: build(["Имя", "Name", "E-mail", "Notiz"], LATIN.map((p, i) => ({ ...p, first: CYRILLIC[i % CYRILLIC.length]!.first })), (p) => [p.first, p.last, p.email, p.note], TAB_CRLF),
  },
  // Google Sheets (CRLF, no final newline), LibreOffice (LF), Numbers (LF, `;` in comma-decimal locales).
  {
    name: "google-sheets",
    encoding: "utf-8",
    delimiter: ",",
    column: "email",
    text: build(["name", "email", "signed_up", "source"], LATIN, (p) => [`${p.first} ${p.last}`.trim(), p.email, p.created.slice(0, 10), "landing page"], { ...COMMA_CRLF, finalNewline: false }),
  },
  {
    name: "libreoffice-quoted-text",
    encoding: "utf-8",
    delimiter: ",",
    column: "E-Mail",
    text: build(["Vorname", "Nachname", "E-Mail", "Bemerkung"], LATIN, (p) => [p.first, p.last, p.email, p.note], { ...COMMA_LF, quote: "all" }),
  },
  {
    name: "numbers-semicolon",
    encoding: "utf-8",
    delimiter: ";",
    column: "Correo electrónico",
    text: build(["Nombre", "Apellidos", "Correo electrónico", "Teléfono", "Importe"], LATIN, (p, i) => [p.first, p.last, p.email, p.phone, `${i},99`], SEMI_LF),
  },
  // Database dumps: pipe-delimited, unquoted, MySQL \N nulls.
  {
    name: "pipe-dump",
    encoding: "utf-8",
    delimiter: "|",
    column: "user_email",
    text: build(["id", "user_email", "display_name", "created_at", "deleted_at"], LATIN.filter((p) => !/["\n]/.test(p.note + p.email)), (p, i) => [String(i + 1), p.email, `${p.first} ${p.last}`.trim(), p.created, "\\N"], { delimiter: "|", newline: "\n", quote: "none", finalNewline: true }),
  },
  // Trailing empty columns (Excel after a stray delimiter in the header) and blank lines.
  {
    name: "trailing-empty-columns",
    encoding: "utf-8-bom",
    delimiter: ";",
    column: "Email",
    text: build(["Name", "Email", "City", "", ""], LATIN, (p) => [p.first, p.email, p.city, "", ""], SEMI_CRLF) + "\r\n;;;;\r\n",
  },
  {
    name: "blank-lines-between",
    encoding: "utf-8",
    delimiter: ",",
    column: "Email",
    text: "\n" + build(["Email", "Name"], LATIN, (p) => [p.email, p.first], COMMA_LF).replace(/\n(?=[^\n]*@gmail)/g, "\n\n") + "\n\n",
  },
  // Notes columns with everything a free-text field collects.
  {
    name: "notes-hostile",
    encoding: "utf-8",
    delimiter: ",",
    column: "email",
    text: build(
      ["id", "email", "notes", "formula", "json"],
      LATIN,
      (p, i) => [String(i + 1), p.email, `line one, "quoted"\nline two; ${p.note}\r\nline three`, ["=SUM(A1:A2)", "+1-555", "-5", "@SUM(1)", "\tTAB", "=cmd|' /C calc'!A0", "plain"][i % 7]!, `{"a": [1, 2], "b": "x,y"}`],
      COMMA_LF,
    ),
  },
  // Headers that name the primary address column without being "Email".
  {
    name: "primary-email",
    encoding: "utf-8",
    delimiter: ",",
    column: "Primary Email",
    text: build(["Full Name", "Primary Email", "Secondary Email", "Email Opt-In"], LATIN, (p, i) => [`${p.first} ${p.last}`.trim(), p.email, i % 3 === 0 ? `other${i}@example.org` : "", yes(i)], COMMA_LF),
  },
  {
    name: "email-1-email-2",
    encoding: "utf-8",
    delimiter: ",",
    column: "Email 1",
    text: build(["Name", "Email 1", "Email 2", "Email 3"], LATIN, (p, i) => [p.first, p.email, i % 2 ? `second${i}@example.com` : "", ""], COMMA_LF),
  },
  {
    name: "work-email-only",
    encoding: "utf-8",
    delimiter: ",",
    column: "Work Email",
    text: build(["Name", "Work Email", "Email Marketing Consent", "Email Status", "Unsubscribed Email"], LATIN, (p, i) => [p.first, p.email, i % 2 ? "granted" : "denied", "valid", i % 5 === 0 ? "yes" : "no"], COMMA_LF),
  },
  {
    name: "work-and-personal-email",
    encoding: "utf-8",
    delimiter: ",",
    code: 65,
    mentions: ["Work Email", "Personal Email", "--email-column"],
    text: build(["Name", "Work Email", "Personal Email"], LATIN, (p, i) => [p.first, p.email, `me${i}@gmail.com`], COMMA_LF),
  },
  {
    name: "work-and-personal-email-chosen",
    encoding: "utf-8",
    delimiter: ",",
    args: ["--email-column", "Personal Email"],
    column: "Personal Email",
    text: build(["Name", "Work Email", "Personal Email"], LATIN, (p, i) => [p.first, `w${i}@corp.example.com`, p.email], COMMA_LF),
  },
  {
    name: "pipedrive-persons",
    encoding: "utf-8",
    delimiter: ",",
    column: "Person - Email - Work",
    text: build(["Person - ID", "Person - Name", "Person - Email - Work", "Person - Phone - Work", "Person - Organization", "Person - Label"], LATIN, (p, i) => [String(i + 1), `${p.first} ${p.last}`.trim(), p.email, p.phone, p.company, "Warm"], COMMA_LF),
  },
  {
    name: "woocommerce-customers",
    encoding: "utf-8",
    delimiter: ",",
    column: "Email",
    text: build(["Customer ID", "Username", "Email", "First Name", "Last Name", "Billing Email", "Billing Phone", "Date Registered"], LATIN, (p, i) => [String(i + 1), `user${i}`, p.email, p.first, p.last, i % 2 ? p.email.trim() : "", p.phone, p.created], COMMA_LF),
  },
  // Other languages' names for the address column.
  {
    name: "japanese-headers",
    encoding: "utf-8-bom",
    delimiter: ",",
    column: "メールアドレス",
    text: build(["氏名", "メールアドレス", "電話番号", "登録日"], LATIN, (p) => [`${p.last} ${p.first}`.trim(), p.email, p.phone, p.created.slice(0, 10)], COMMA_CRLF),
  },
  {
    name: "chinese-headers",
    encoding: "utf-8-bom",
    delimiter: ",",
    column: "电子邮箱",
    text: build(["姓名", "电子邮箱", "手机号", "注册时间"], LATIN, (p) => [`${p.last}${p.first}`, p.email, p.phone, p.created], COMMA_CRLF),
  },
  {
    name: "polish-turkish-dutch",
    encoding: "utf-8",
    delimiter: ";",
    column: "Adres e-mail",
    text: build(["Imię", "Nazwisko", "Adres e-mail", "Zgoda marketingowa e-mail"], LATIN, (p, i) => [p.first, p.last, p.email, yes(i)], SEMI_LF),
  },
  {
    name: "turkish-eposta",
    encoding: "utf-8",
    delimiter: ",",
    column: "E-posta",
    text: build(["Ad", "Soyad", "E-posta", "Telefon"], LATIN, (p) => [p.first, p.last, p.email, p.phone], COMMA_LF),
  },
  {
    name: "dutch-emailadres",
    encoding: "utf-8",
    delimiter: ";",
    column: "E-mailadres",
    text: build(["Voornaam", "Achternaam", "E-mailadres", "Woonplaats"], LATIN, (p) => [p.first, p.last, p.email, p.city], SEMI_CRLF),
  },
  {
    name: "nordic-epost",
    encoding: "utf-8",
    delimiter: ";",
    column: "E-postadress",
    text: build(["Förnamn", "Efternamn", "E-postadress", "Ort"], LATIN, (p) => [p.first, p.last, p.email, p.city], SEMI_CRLF),
  },
  // Names must decide: both address columns are filled on every row.
  {
    name: "email-1-email-2-full",
    encoding: "utf-8",
    delimiter: ",",
    column: "Email 1",
    text: build(["Name", "Email 1", "Email 2"], LATIN, (p, i) => [p.first, p.email, `second${i}@example.com`], COMMA_LF),
  },
  {
    name: "primary-secondary-full",
    encoding: "utf-8",
    delimiter: ",",
    column: "Primary Email",
    text: build(["Primary Email", "Secondary Email", "Email Status"], LATIN, (p, i) => [p.email, `backup${i}@example.net`, "Active"], COMMA_CRLF),
  },
  {
    name: "google-contacts-two-each",
    encoding: "utf-8",
    delimiter: ",",
    column: "E-mail 1 - Value",
    text: build(["Name", "E-mail 1 - Type", "E-mail 1 - Value", "E-mail 2 - Type", "E-mail 2 - Value"], LATIN, (p, i) => [p.first, "* Home", p.email, "Work", `w${i}@work.example.com`], COMMA_LF),
  },
  {
    name: "salesforce-person-account",
    encoding: "utf-8",
    delimiter: ",",
    column: "PERSONEMAIL",
    text: build(["ID", "NAME", "PERSONEMAIL", "PERSONHASOPTEDOUTOFEMAIL", "PERSONEMAILBOUNCEDREASON"], LATIN, (p, i) => [`001Dn0000${i}`, `${p.first} ${p.last}`.trim(), p.email, "false", ""], ALL_CRLF),
  },
  {
    name: "opt-in-only-no-address",
    encoding: "utf-8",
    delimiter: ",",
    code: 65,
    mentions: ["Email Opt-In", "--email-column"],
    text: build(["Name", "Email Opt-In", "Phone"], LATIN, (p, i) => [p.first, yes(i), p.phone], COMMA_LF),
  },
  {
    name: "facebook-hashed-audience",
    encoding: "utf-8",
    delimiter: ",",
    code: 65,
    mentions: ["email_sha256"],
    text: build(["email_sha256", "fn", "ln"], LATIN, (p, i) => [`${"ab".repeat(31)}${String(i).padStart(2, "0")}`, p.first, p.last], COMMA_LF),
  },
  // Excel 2011 for Mac "CSV (Macintosh)": CR line ends.
  {
    name: "excel-mac-cr",
    encoding: "utf-8",
    delimiter: ",",
    column: "Email",
    text: build(["Name", "Email", "Company"], LATIN.filter((p) => !p.note.includes("\n")), (p) => [p.first, p.email, p.company], { delimiter: ",", newline: "\r", quote: "minimal", finalNewline: true }),
  },
  // Excel "CSV UTF-8" in a `;` locale with the sep= hint after the BOM.
  {
    name: "excel-utf8-bom-sep-line",
    encoding: "utf-8-bom",
    delimiter: ";",
    column: "E-Mail",
    text: "sep=;\r\n" + build(["Name", "E-Mail", "Ort"], LATIN, (p) => [p.first, p.email, p.city], SEMI_CRLF),
  },
  // Google Sheets "Tab-separated values": LF, no quoting needed for commas.
  {
    name: "google-sheets-tsv",
    encoding: "utf-8",
    delimiter: "\t",
    column: "Email",
    text: build(["Name", "Email", "Tags"], LATIN, (p) => [p.first, p.email, "a, b, c"], { delimiter: "\t", newline: "\r\n", quote: "minimal", finalNewline: false }),
  },
  // A stray delimiter at the end of some data rows (hand-edited in a text editor).
  {
    name: "ragged-trailing-delimiters",
    encoding: "utf-8",
    delimiter: ",",
    column: "Email",
    text: build(["Email", "Name"], LATIN, (p) => [p.email, p.first], COMMA_LF).replace(/(@gmail\.com),(\w*)\n/g, "$1,$2,,\n"),
  },
  // Salesforce Classic report footer: lines of one cell after the data go to rejected as malformed.
  {
    name: "salesforce-report-footer",
    encoding: "utf-8",
    delimiter: ",",
    column: "Email",
    text:
      build(["First Name", "Last Name", "Email"], LATIN, (p) => [p.first, p.last, p.email], ALL_CRLF) +
      '""\r\n"Grand Totals (16 records)"\r\n"Confidential Information - Do Not Distribute"\r\n"Copyright (c) 2000-2024 salesforce.com, inc. All rights reserved."\r\n',
  },
  {
    name: "headerless-list",
    encoding: "utf-8",
    delimiter: ",",
    header: false,
    text: table(null, LATIN.filter((p) => p.email.includes("@")).map((p) => [p.email.trim(), p.first]), COMMA_LF),
  },
];
