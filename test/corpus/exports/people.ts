/**
 * Synthetic subscribers for the export corpus. The email cells carry the mess real exports carry:
 * case and spaces, `mailto:`, display names, a provider typo, throwaway and role mailboxes, blanks,
 * junk and a case-only duplicate. Two pools so single-byte encodings stay encodable: LATIN fits
 * windows-1252, CYRILLIC fits windows-1251.
 */

export interface Person {
  readonly first: string;
  readonly last: string;
  readonly email: string;
  readonly phone: string;
  readonly city: string;
  readonly country: string;
  readonly company: string;
  readonly note: string;
  readonly created: string;
}

export const LATIN: readonly Person[] = [
  { first: "Anna", last: "Petrova", email: "anna.petrova@gmail.com", phone: "+1 415 555 0101", city: "San Francisco", country: "US", company: "Petrova Design", note: "", created: "2023-01-14 09:12:44" },
  { first: "John", last: "Smith", email: "J.Smith@Outlook.com", phone: "(212) 555-0199", city: "New York", country: "US", company: "Smith & Sons, LLC", note: "Met at expo, \"hot\" lead", created: "2023-02-02 17:40:01" },
  { first: "María", last: "García", email: " maria.garcia@yahoo.es ", phone: "+34 612 345 678", city: "Málaga", country: "ES", company: "", note: "Prefers Spanish", created: "2023-03-21 11:00:00" },
  { first: "Peter", last: "Müller", email: "\"Peter Müller\" <peter.mueller@web.de>", phone: "0049 30 1234567", city: "Berlin", country: "DE", company: "Müller GmbH", note: "Straße 5\nHinterhaus", created: "2023-04-01 08:05:09" },
  { first: "Tom", last: "Baker", email: "tom.baker@gmail.con", phone: "07700 900123", city: "London", country: "GB", company: "", note: "typed on phone", created: "2023-04-17 20:30:00" },
  { first: "", last: "", email: "", phone: "+44 20 7946 0958", city: "Leeds", country: "GB", company: "Unknown", note: "no email given", created: "2023-05-05 10:10:10" },
  { first: "Kate", last: "Temp", email: "kate.temp@mailinator.com", phone: "", city: "", country: "", company: "", note: "=HYPERLINK(\"http://evil.example\",\"click\")", created: "2023-05-06 12:00:00" },
  { first: "Sales", last: "Team", email: "sales@acme-industries.com", phone: "-", city: "Chicago", country: "US", company: "ACME Industries, Inc.", note: "@channel ping", created: "2023-06-11 15:45:00" },
  { first: "Pierre", last: "Dubois", email: "p.dubois@orange.fr", phone: "+33 6 12 34 56 78", city: "Lyon", country: "FR", company: "Dubois SARL", note: "Désabonné en 2022; réinscrit", created: "2023-07-01 07:07:07" },
  { first: "Ahmed", last: "Khan", email: "ahmed.k@hotmail.co.uk", phone: "", city: "Manchester", country: "GB", company: "", note: "", created: "2023-07-19 13:13:13" },
  { first: "Junk", last: "Row", email: "not an email", phone: "", city: "", country: "", company: "", note: "imported from old CRM", created: "2023-08-08 08:08:08" },
  { first: "Anna", last: "Petrova", email: "Anna.Petrova@GMAIL.com", phone: "+1 415 555 0101", city: "San Francisco", country: "US", company: "Petrova Design", note: "second signup", created: "2023-09-09 09:09:09" },
  { first: "Olga", last: "Nilsen", email: "mailto:olga.nilsen@online.no", phone: "+47 412 34 567", city: "Bergen", country: "NO", company: "", note: "", created: "2023-10-10 10:10:10" },
  { first: "Chen", last: "Li", email: "chen.li@company.com.au", phone: "+61 2 9876 5432", city: "Sydney", country: "AU", company: "Company Pty Ltd", note: "a, b, c", created: "2023-11-11 11:11:11" },
  { first: "Zoë", last: "O'Neil", email: "zoe.oneil+news@fastmail.com", phone: "", city: "Dublin", country: "IE", company: "", note: "'quoted' note", created: "2023-12-12 12:12:12" },
  { first: "Lars", last: "Berg", email: "lars@berg.se", phone: "+46 8 123 456 78", city: "Stockholm", country: "SE", company: "Berg AB", note: "  leading spaces", created: "2024-01-02 03:04:05" },
];

export const CYRILLIC: readonly Person[] = [
  { first: "Анна", last: "Петрова", email: "anna.petrova@yandex.ru", phone: "+7 (912) 345-67-89", city: "Москва", country: "Россия", company: "ООО \"Ромашка\"", note: "", created: "14.01.2023 09:12" },
  { first: "Иван", last: "Сидоров", email: "Ivan.Sidorov@Mail.Ru", phone: "8 800 555-35-35", city: "Санкт-Петербург", country: "Россия", company: "ИП Сидоров", note: "звонить после 18:00; вежливо", created: "02.02.2023 17:40" },
  { first: "Ольга", last: "Ким", email: " olga.kim@bk.ru ", phone: "+7 701 123 45 67", city: "Алматы", country: "Казахстан", company: "", note: "", created: "21.03.2023 11:00" },
  { first: "Пётр", last: "Ёлкин", email: "petr.elkin@yandex.ru", phone: "-", city: "Екатеринбург", country: "Россия", company: "АО \"Ёлка\"", note: "Многострочная\nзаметка", created: "01.04.2023 08:05" },
  { first: "Сергей", last: "Опечаткин", email: "sergey@gmail.con", phone: "+375 29 123-45-67", city: "Минск", country: "Беларусь", company: "", note: "", created: "17.04.2023 20:30" },
  { first: "", last: "", email: "", phone: "+7 999 000-00-00", city: "Казань", country: "Россия", company: "", note: "без почты", created: "05.05.2023 10:10" },
  { first: "Временный", last: "Ящик", email: "temp@mailinator.com", phone: "", city: "", country: "", company: "", note: "=1+2", created: "06.05.2023 12:00" },
  { first: "Отдел", last: "Продаж", email: "info@stroy-market.ru", phone: "+7 495 123-45-67", city: "Москва", country: "Россия", company: "Строймаркет", note: "общий ящик", created: "11.06.2023 15:45" },
  { first: "Наталья", last: "Иванова", email: "natalia.ivanova@rambler.ru", phone: "", city: "Новосибирск", country: "Россия", company: "", note: "", created: "01.07.2023 07:07" },
  { first: "Мусор", last: "Строка", email: "нет почты", phone: "", city: "", country: "", company: "", note: "", created: "08.08.2023 08:08" },
  { first: "Анна", last: "Петрова", email: "ANNA.PETROVA@YANDEX.RU", phone: "+7 (912) 345-67-89", city: "Москва", country: "Россия", company: "ООО \"Ромашка\"", note: "повтор", created: "09.09.2023 09:09" },
  { first: "Дмитрий", last: "Ли", email: "mailto:dmitry.li@list.ru", phone: "+7 913 111-22-33", city: "Томск", country: "Россия", company: "", note: "", created: "10.10.2023 10:10" },
  { first: "Елена", last: "Смирнова", email: "Елена Смирнова <e.smirnova@inbox.ru>", phone: "", city: "Пермь", country: "Россия", company: "", note: "а, б; в", created: "11.11.2023 11:11" },
  { first: "Тарас", last: "Коваль", email: "taras.koval@ukr.net", phone: "+380 67 123 4567", city: "Киев", country: "Украина", company: "", note: "", created: "12.12.2023 12:12" },
];
