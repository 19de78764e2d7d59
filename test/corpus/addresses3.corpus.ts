// Third address corpus: new ground only — B2B mail at second-level ccTLDs, typos inside those
// suffixes, .con/.cmo/.ocm/.comm/.om on providers and on company domains, regional free
// providers (Latin America, Africa, South and East Asia, Eastern Europe) and their slips,
// disposable services people really use, Gmail +tags and dots, and mixed-case local parts.
// Each case names where it comes from; expectations follow design.md and the README.
import type { ReasonCode } from "../../src/index.js";

export type Status3 = "valid" | "risky" | "unknown" | "invalid";

export interface AddressCase3 {
  readonly input: string;
  readonly status: Status3;
  /** The address as written to the clean list. */
  readonly written: string;
  /** The exact set of classification codes expected (see CLASS_CODES in the test). */
  readonly codes: readonly ReasonCode[];
  /** Checked only when given: the suggestion (null = none). */
  readonly suggestion?: string | null;
  readonly why: string;
}

type Row = readonly [input: string, status: Status3, written: string, codes: string, why: string, suggestion?: string | null];

function rows(list: readonly Row[]): AddressCase3[] {
  return list.map(([input, status, written, codes, why, suggestion]) => ({
    input,
    status,
    written: written === "=" ? input : written,
    codes: codes === "" ? [] : (codes.split(" ") as ReasonCode[]),
    why,
    ...(suggestion !== undefined ? { suggestion } : {}),
  }));
}

// "=" in the written column: the address is written exactly as typed.
const CORP = "corporate_domain";
const EDU = "corporate_domain edu_domain";
const GOV = "corporate_domain gov_domain";
const FREE = "free_mail";

/** Company mail at second-level ccTLDs: real domains, left alone, flagged corporate. */
const b2bCcTld: Row[] = [
  ["j.smith@acme-logistics.co.uk", "valid", "=", CORP, "UK Ltd companies register under .co.uk"],
  ["accounts.payable@harrisonbuild.co.uk", "valid", "=", CORP, "UK B2B invoicing mailbox (not a bare role word)"],
  ["sarah.jones@thamesvalleyvets.co.uk", "valid", "=", CORP, "UK small business domain"],
  ["r.patel@northwind.org.uk", "valid", "=", CORP, "UK charity domain under .org.uk"],
  ["m.nguyen@bluegum-consulting.com.au", "valid", "=", CORP, "Australian company under .com.au"],
  ["liam@harbourfreight.net.au", "valid", "=", CORP, ".net.au business registrations"],
  ["joao.silva@construtoraalfa.com.br", "valid", "=", CORP, "Brazilian company under .com.br"],
  ["ana.souza@agropecuaria.ind.br", "valid", "=", CORP, ".ind.br is Brazil's industry SLD"],
  ["tanaka@sakura-shoji.co.jp", "valid", "=", CORP, "Japanese kabushiki kaisha under .co.jp"],
  ["k.suzuki@example-kk.co.jp", "valid", "=", CORP, "Japanese company mail"],
  ["thabo.m@capeholdings.co.za", "valid", "=", CORP, "South African company under .co.za"],
  ["luis.hernandez@grupoaztlan.com.mx", "valid", "=", CORP, "Mexican company under .com.mx"],
  ["priya.sharma@infotechsolutions.co.in", "valid", "=", CORP, "Indian company under .co.in"],
  ["mehmet.yilmaz@anadoluteknik.com.tr", "valid", "=", CORP, "Turkish company under .com.tr"],
  ["w.chen@pacificgate.com.sg", "valid", "=", CORP, "Singapore company under .com.sg"],
  ["a.lee@harbourtrading.com.hk", "valid", "=", CORP, "Hong Kong company under .com.hk"],
  ["tom@kiwiorchards.co.nz", "valid", "=", CORP, "New Zealand company under .co.nz"],
  ["d.cohen@negevtech.co.il", "valid", "=", CORP, "Israeli company under .co.il"],
  ["kim.minjun@hanbit.co.kr", "valid", "=", CORP, "Korean company under .co.kr"],
  ["martin.gomez@estudiojuridico.com.ar", "valid", "=", CORP, "Argentine company under .com.ar"],
  ["c.rojas@minera-andina.cl", "valid", "=", CORP, "Chilean company directly under .cl"],
  ["p.ramirez@cafetal.com.co", "valid", "=", CORP, "Colombian company under .com.co"],
  ["wang.lei@huaxin-tech.com.cn", "valid", "=", CORP, "Chinese company under .com.cn"],
  ["nguyen.van.an@vietsteel.com.vn", "valid", "=", CORP, "Vietnamese company under .com.vn"],
  ["somchai@siamfoods.co.th", "valid", "=", CORP, "Thai company under .co.th"],
  ["ahmad@petrojaya.com.my", "valid", "=", CORP, "Malaysian company under .com.my"],
  ["budi@nusantara.co.id", "valid", "=", CORP, "Indonesian company under .co.id"],
  ["ops@lagosfreight.com.ng", "valid", "=", CORP, "Nigerian company under .com.ng; ops is not a listed role word"],
  ["wanjiru@safaritours.co.ke", "valid", "=", CORP, "Kenyan company under .co.ke"],
  ["omar@deltatextiles.com.eg", "valid", "=", CORP, "Egyptian company under .com.eg"],
  ["jan.kowalski@budimex-serwis.com.pl", "valid", "=", CORP, "Polish company under .com.pl"],
  ["hassan@gulfmarine.com.sa", "valid", "=", CORP, "Saudi company under .com.sa"],
  ["ali.raza@karachiports.com.pk", "valid", "=", CORP, "Pakistani company under .com.pk"],
  ["jose@manilashipping.com.ph", "valid", "=", CORP, "Philippine company under .com.ph"],
  ["olga@kievsoft.com.ua", "valid", "=", CORP, "Ukrainian company under .com.ua"],
  ["bob@acme.com.bt", "valid", "=", CORP, "com.bt is Bhutan's real commercial SLD: a company there is left alone"],
  ["sales.team@acme.om", "valid", "=", CORP, ".om is Oman's delegated ccTLD: a company domain there is real"],
  ["ivan@acme.cm", "valid", "=", CORP, ".cm is Cameroon's delegated ccTLD"],
  ["peter@acme.co", "valid", "=", CORP, ".co is Colombia's ccTLD, widely used by startups"],
];

/** Academic and government mail at ccTLDs. */
const eduGov: Row[] = [
  ["j.doe@cs.ox.ac.uk", "valid", "=", EDU, "University of Oxford department subdomain (.ac.uk)"],
  ["a.smith@ucl.ac.uk", "valid", "=", EDU, "UCL under .ac.uk"],
  ["s.taylor@stmarys.bucks.sch.uk", "valid", "=", EDU, "UK schools sit under <school>.<county>.sch.uk"],
  ["k.brown@unimelb.edu.au", "valid", "=", EDU, "University of Melbourne under .edu.au"],
  ["yamada@u-tokyo.ac.jp", "valid", "=", EDU, "University of Tokyo under .ac.jp"],
  ["n.dlamini@uct.ac.za", "valid", "=", EDU, "University of Cape Town under .ac.za"],
  ["r.kumar@iitb.ac.in", "valid", "=", EDU, "IIT Bombay under .ac.in"],
  ["m.santos@usp.br", "valid", "=", CORP, "USP sits directly under .br (no edu SLD): corporate only"],
  ["p.silva@ufrj.edu.br", "valid", "=", EDU, "Brazilian federal universities also use .edu.br"],
  ["l.garcia@unam.edu.mx", "valid", "=", EDU, "UNAM under .edu.mx"],
  ["a.ozturk@metu.edu.tr", "valid", "=", EDU, "METU under .edu.tr"],
  ["kim@snu.ac.kr", "valid", "=", EDU, "Seoul National University under .ac.kr"],
  ["li.wei@tsinghua.edu.cn", "valid", "=", EDU, "Tsinghua under .edu.cn"],
  ["h.levi@mail.huji.ac.il", "valid", "=", EDU, "Hebrew University mail host under .ac.il"],
  ["t.wilson@auckland.ac.nz", "valid", "=", EDU, "University of Auckland under .ac.nz"],
  ["enquiries.officer@dfat.gov.au", "valid", "=", GOV, "Australian federal department under .gov.au"],
  ["j.bloggs@hmrc.gov.uk", "valid", "=", GOV, "UK government under .gov.uk"],
  ["ana@receita.fazenda.gov.br", "valid", "=", GOV, "Brazilian federal revenue under .gov.br"],
  ["contacto.ciudadano@sat.gob.mx", "valid", "=", GOV, "Mexican government under .gob.mx"],
  ["r.singh@nic.in", "valid", "=", GOV, "India's NIC government mail domain"],
  ["a.verma@mea.gov.in", "valid", "=", GOV, "Indian ministry under .gov.in"],
  ["s.mokoena@treasury.gov.za", "valid", "=", GOV, "South African treasury under .gov.za"],
  ["b.kaya@icisleri.gov.tr", "valid", "=", GOV, "Turkish ministry under .gov.tr"],
  ["suzuki@mofa.go.jp", "valid", "=", GOV, "Japanese ministry under .go.jp"],
  ["park@mofa.go.kr", "valid", "=", GOV, "Korean ministry under .go.kr"],
  ["m.brown@dia.govt.nz", "valid", "=", GOV, "New Zealand government under .govt.nz"],
  ["e.ramos@minsal.gob.cl", "valid", "=", GOV, "Chilean ministry under .gob.cl"],
  ["d.perez@mecon.gob.ar", "valid", "=", GOV, "Argentine ministry under .gob.ar"],
];

/** Typos inside second-level suffixes: fix only when the typed TLD does not exist. */
const suffixTypos: Row[] = [
  ["jane@yahoo.co.uj", "valid", "jane@yahoo.co.uk", "typo_fixed free_mail", "j next to k: .uj is not delegated"],
  ["jane@hotmail.co.ik", "valid", "jane@hotmail.co.uk", "typo_fixed free_mail", "i next to u: .ik is not delegated"],
  ["jane@btinternet.con", "valid", "jane@btinternet.com", "typo_fixed free_mail", "BT Internet with .con"],
  ["amy@yahoo.com.ay", "valid", "amy@yahoo.com.au", "typo_fixed free_mail", "y next to u on QWERTY: .ay is not delegated"],
  ["amy@bigpond.con", "valid", "amy@bigpond.com", "typo_fixed free_mail", "Telstra BigPond with .con"],
  ["carlos@bol.com.vr", "valid", "carlos@bol.com.br", "typo_fixed free_mail", "v next to b: .vr is not delegated"],
  ["carlos@uol.com.be", "risky", "=", "typo_suspected corporate_domain", ".be is delegated: near miss under a real TLD is only suggested", "carlos@uol.com.br"],
  ["carlos@uol.com.bt", "valid", "=", CORP, "com.bt is a real registry zone and a three-letter name there may be anyone's: left alone (MIN_LABEL_FOR_SUFFIX_EDIT)"],
  ["carlos@uol.con.br", "risky", "=", "typo_suspected corporate_domain", "con.br is no .br category but .br is delegated: only suggested", "carlos@uol.com.br"],
  ["carlos@terra.com.vr", "valid", "carlos@terra.com.br", "typo_fixed free_mail", "Terra Brazil with .vr"],
  ["carlos@yahoo.com.rb", "valid", "carlos@yahoo.com.br", "typo_fixed free_mail", "transposed br: .rb is not delegated"],
  ["maria@hotmail.com.mz", "risky", "=", "typo_suspected corporate_domain", ".mz (Mozambique) is delegated: only suggested", "maria@hotmail.com.mx"],
  ["maria@hotmail.com.xm", "valid", "maria@hotmail.com.mx", "typo_fixed free_mail", "transposed mx: .xm is not delegated"],
  ["maria@prodigy.net.xm", "valid", "maria@prodigy.net.mx", "typo_fixed free_mail", "Telmex Prodigy Infinitum with transposed .mx"],
  ["raj@yahoo.co.ib", "valid", "raj@yahoo.co.in", "typo_fixed free_mail", "b next to n: .ib is not delegated"],
  ["raj@rediffmail.con", "valid", "raj@rediffmail.com", "typo_fixed free_mail", "Rediffmail with .con"],
  ["emre@hotmail.com.rt", "valid", "emre@hotmail.com.tr", "typo_fixed free_mail", "transposed tr: .rt is not delegated"],
  ["thandi@webmail.co.az", "valid", "=", CORP, "co.az is a real zone and webmail.<zone> is a generic host name: webmail.co.za is no typo target"],
  ["thandi@mweb.co.zs", "valid", "thandi@mweb.co.za", "typo_fixed free_mail", "MWEB South Africa, s next to a: .zs is not delegated"],
  ["ken@yahoo.co.jo", "risky", "=", "typo_suspected corporate_domain", ".jo (Jordan) is delegated: only suggested", "ken@yahoo.co.jp"],
  ["ken@yahoo.co.jpp", "valid", "ken@yahoo.co.jp", "typo_fixed free_mail", "doubled p: .jpp is not delegated"],
  ["bob@acme.co.uj", "invalid", "=", "", "a company domain under a TLD that does not exist: no provider intent, cannot be mailed"],
  ["bob@acme.co.ik", "invalid", "=", "", "same, .ik is not delegated"],
  ["bob@acme.com.rb", "invalid", "=", "", "company domain with transposed .br"],
  ["bob@acme.con.au", "valid", "=", CORP, "con.au under delegated .au: company domain, no provider intent; left alone (DNS decides)"],
];

/** .con/.cmo/.ocm/.comm/.om on providers and on company domains. */
const comSlips: Row[] = [
  ["ivan@gmail.cmo", "valid", "ivan@gmail.com", "typo_fixed free_mail", "transposed om"],
  ["ivan@gmail.ocm", "valid", "ivan@gmail.com", "typo_fixed free_mail", "transposed co"],
  ["ivan@gmail.comm", "valid", "ivan@gmail.com", "typo_fixed free_mail", "doubled m"],
  ["ivan@yahoo.con", "valid", "ivan@yahoo.com", "typo_fixed free_mail", "n next to m"],
  ["ivan@hotmail.cmo", "valid", "ivan@hotmail.com", "typo_fixed free_mail", "transposed om"],
  ["ivan@outlook.ocm", "valid", "ivan@outlook.com", "typo_fixed free_mail", "transposed co"],
  ["ivan@aol.comm", "valid", "ivan@aol.com", "typo_fixed free_mail", "doubled m"],
  ["ivan@icloud.con", "valid", "ivan@icloud.com", "typo_fixed free_mail", "n next to m"],
  ["ivan@naver.con", "valid", "ivan@naver.com", "typo_fixed free_mail", "Naver with .con"],
  ["ivan@daum.cmo", "invalid", "=", "typo_suspected", "Daum mail is daum.net, so daum.cmo has no clear provider intent: .cmo is only read as .com, suggested"],
  ["ivan@qq.con", "valid", "ivan@qq.com", "typo_fixed free_mail", "Tencent QQ with .con"],
  ["ivan@163.comm", "valid", "ivan@163.com", "typo_fixed free_mail", "NetEase 163 with .comm"],
  ["ivan@globo.ocm", "valid", "ivan@globo.com", "typo_fixed free_mail", "Globo Brazil with .ocm"],
  ["sales.lead@acme.con", "invalid", "=", "typo_suspected", "company .con: not delegated, suggested only (no provider intent)", "sales.lead@acme.com"],
  ["sales.lead@acme.cmo", "invalid", "=", "typo_suspected", "company .cmo: suggested only", "sales.lead@acme.com"],
  ["sales.lead@acme.ocm", "invalid", "=", "typo_suspected", "company .ocm: suggested only", "sales.lead@acme.com"],
  ["sales.lead@acme.comm", "invalid", "=", "typo_suspected", "company .comm: suggested only", "sales.lead@acme.com"],
  ["sales.lead@acme.om", "valid", "=", CORP, "company .om is Oman's real TLD: left alone"],
  ["p.novak@firma-stavby.con", "invalid", "=", "typo_suspected", "Czech company with .con", "p.novak@firma-stavby.com"],
  ["linda@brightsmile-dental.cpm", "invalid", "=", "typo_suspected", "p next to o: .cpm", "linda@brightsmile-dental.com"],
  ["linda@brightsmile-dental.vom", "invalid", "=", "typo_suspected", "v next to c: .vom", "linda@brightsmile-dental.com"],
];

/** Regional free providers: valid, free_mail, untouched. */
const regionalFree: Row[] = [
  ["maria.silva@uol.com.br", "valid", "=", FREE, "UOL, Brazil's largest portal mail"],
  ["jose.santos@bol.com.br", "valid", "=", FREE, "BOL (UOL's free tier)"],
  ["ana.lima@terra.com.br", "valid", "=", FREE, "Terra Brazil"],
  ["pedro@ig.com.br", "valid", "=", FREE, "iG Brazil"],
  ["carla@globo.com", "valid", "=", FREE, "Globo.com mail"],
  ["rafa@yahoo.com.br", "valid", "=", FREE, "Yahoo Brazil"],
  ["rafa@hotmail.com.br", "valid", "=", FREE, "Hotmail Brazil"],
  ["rafa@outlook.com.br", "valid", "=", FREE, "Outlook Brazil"],
  ["lupita@prodigy.net.mx", "valid", "=", FREE, "Telmex Prodigy Infinitum"],
  ["lupita@hotmail.com.mx", "valid", "=", FREE, "Hotmail Mexico"],
  ["lupita@yahoo.com.mx", "valid", "=", FREE, "Yahoo Mexico"],
  ["lucas@hotmail.com.ar", "valid", "=", FREE, "Hotmail Argentina"],
  ["lucas@yahoo.com.ar", "valid", "=", FREE, "Yahoo Argentina"],
  ["vikram@rediffmail.com", "valid", "=", FREE, "Rediffmail, India"],
  ["vikram@yahoo.co.in", "valid", "=", FREE, "Yahoo India"],
  ["jiwoo@naver.com", "valid", "=", FREE, "Naver, Korea's largest portal"],
  ["jiwoo@hanmail.net", "valid", "=", FREE, "Daum Hanmail"],
  ["jiwoo@daum.net", "valid", "=", FREE, "Daum mail"],
  ["jiwoo@nate.com", "valid", "=", FREE, "Nate (SK Communications)"],
  ["zhang@163.com", "valid", "=", FREE, "NetEase 163"],
  ["zhang@126.com", "valid", "=", FREE, "NetEase 126"],
  ["zhang@qq.com", "valid", "=", FREE, "Tencent QQ mail"],
  ["zhang@sina.com", "valid", "=", FREE, "Sina mail"],
  ["zhang@yeah.net", "valid", "=", FREE, "NetEase yeah.net"],
  ["taro@yahoo.co.jp", "valid", "=", FREE, "Yahoo Japan (real, never 'fixed' to yahoo.com)"],
  ["taro@docomo.ne.jp", "valid", "=", FREE, "NTT Docomo carrier mail"],
  ["taro@ezweb.ne.jp", "valid", "=", FREE, "au/KDDI carrier mail"],
  ["jan.nowak@wp.pl", "valid", "=", FREE, "Wirtualna Polska"],
  ["jan.nowak@o2.pl", "valid", "=", FREE, "o2.pl (WP group)"],
  ["jan.nowak@interia.pl", "valid", "=", FREE, "Interia"],
  ["jan.nowak@onet.pl", "valid", "=", FREE, "Onet Poczta"],
  ["jan.nowak@op.pl", "valid", "=", FREE, "Onet's op.pl"],
  ["jan.nowak@gazeta.pl", "valid", "=", FREE, "Gazeta.pl mail"],
  ["petr.novak@seznam.cz", "valid", "=", FREE, "Seznam, Czech Republic"],
  ["petr.novak@centrum.cz", "valid", "=", FREE, "Centrum.cz"],
  ["petr.novak@email.cz", "valid", "=", FREE, "Seznam's email.cz"],
  ["petr.novak@post.cz", "valid", "=", FREE, "Seznam's post.cz"],
  ["jozef@azet.sk", "valid", "=", FREE, "Azet, Slovakia"],
  ["jozef@zoznam.sk", "valid", "=", FREE, "Zoznam, Slovakia"],
  ["istvan@freemail.hu", "valid", "=", FREE, "Freemail, Hungary"],
  ["istvan@citromail.hu", "valid", "=", FREE, "Citromail, Hungary"],
  ["georgi@abv.bg", "valid", "=", FREE, "ABV, Bulgaria's largest free mail"],
  ["georgi@mail.bg", "valid", "=", FREE, "Mail.bg"],
  ["georgi@dir.bg", "valid", "=", FREE, "Dir.bg"],
  ["oksana@ukr.net", "valid", "=", FREE, "ukr.net, Ukraine"],
  ["oksana@i.ua", "valid", "=", FREE, "i.ua, Ukraine"],
  ["oksana@meta.ua", "valid", "=", FREE, "meta.ua, Ukraine"],
  ["oksana@bigmir.net", "valid", "=", FREE, "bigmir)net, Ukraine"],
  ["thabo@webmail.co.za", "valid", "=", FREE, "Webmail South Africa"],
  ["thabo@mweb.co.za", "valid", "=", FREE, "MWEB consumer mail"],
  ["thabo@yahoo.co.za", "valid", "=", FREE, "Yahoo South Africa"],
  ["kerem@mynet.com", "valid", "=", FREE, "Mynet, Turkey"],
  ["kerem@hotmail.com.tr", "valid", "=", FREE, "Hotmail Turkey"],
  ["aroha@xtra.co.nz", "valid", "=", FREE, "Spark Xtra, New Zealand"],
  ["emma@optusnet.com.au", "valid", "=", FREE, "Optus consumer mail"],
];

/** Common slips on those regional providers. */
const regionalTypos: Row[] = [
  ["maria@uol.com.brr", "valid", "maria@uol.com.br", "typo_fixed free_mail", "doubled r: .brr is not delegated"],
  ["maria@uol.cm.br", "risky", "=", "typo_suspected corporate_domain", "missing o: .br is delegated, only suggested", "maria@uol.com.br"],
  ["maria@bol.com", "valid", "=", CORP, "bol.com is the Dutch retailer's real domain: never rewritten to bol.com.br"],
  ["maria@terra.com", "valid", "=", CORP, "terra.com is a real domain: never rewritten to terra.com.br"],
  ["vikram@rediffmail.cmo", "valid", "vikram@rediffmail.com", "typo_fixed free_mail", "Rediffmail with .cmo"],
  ["vikram@rediffmai.com", "valid", "vikram@rediffmail.com", "typo_fixed free_mail", "dropped l: a listed typo-domain (README: listed typo-domains are fixed)"],
  ["vikram@redifmail.com", "valid", "vikram@rediffmail.com", "typo_fixed free_mail", "single f: a listed typo-domain"],
  ["jiwoo@naver.comm", "valid", "jiwoo@naver.com", "typo_fixed free_mail", "doubled m"],
  ["jiwoo@hanmail.nte", "valid", "jiwoo@hanmail.net", "typo_fixed free_mail", "transposed et: .nte is not delegated"],
  ["jiwoo@hanmail.ner", "valid", "jiwoo@hanmail.net", "typo_fixed free_mail", "r next to t: .ner is not delegated"],
  ["jiwoo@hanmial.net", "valid", "jiwoo@hanmail.net", "typo_fixed free_mail", "transposed ai: a listed typo-domain"],
  ["jiwoo@naver.co", "risky", "=", "typo_suspected corporate_domain", ".co is delegated: only suggested", "jiwoo@naver.com"],
  ["jan@wp.pll", "valid", "jan@wp.pl", "typo_fixed free_mail", "doubled l: .pll is not delegated"],
  ["jan@interia.pll", "valid", "jan@interia.pl", "typo_fixed free_mail", "doubled l"],
  ["jan@interia.lp", "valid", "jan@interia.pl", "typo_fixed free_mail", "transposed pl: .lp is not delegated"],
  ["jan@onet.lp", "valid", "jan@onet.pl", "typo_fixed free_mail", "transposed pl"],
  ["jan@intreia.pl", "risky", "=", "typo_suspected corporate_domain", "transposed er under real .pl: only suggested", "jan@interia.pl"],
  ["petr@seznam.zc", "valid", "petr@seznam.cz", "typo_fixed free_mail", "transposed cz: .zc is not delegated"],
  ["petr@seznam.cy", "risky", "=", "typo_suspected corporate_domain", ".cy (Cyprus) is delegated: only suggested", "petr@seznam.cz"],
  ["petr@sezman.cz", "valid", "=", CORP, "n and m swapped across a letter is two edits: beyond a one-edit suggestion"],
  ["petr@seznan.cz", "risky", "=", "typo_suspected corporate_domain", "m slipped to the neighbouring n under real .cz: only suggested", "petr@seznam.cz"],
  ["petr@centrum.zc", "valid", "petr@centrum.cz", "typo_fixed free_mail", "transposed cz"],
  ["petr@email.zc", "valid", "petr@email.cz", "typo_fixed free_mail", "transposed cz"],
  ["georgi@abv.bgg", "valid", "georgi@abv.bg", "typo_fixed free_mail", "doubled g: .bgg is not delegated"],
  ["georgi@abv.gb", "valid", "=", CORP, ".gb is delegated (dormant UK ccTLD): a three-letter domain near miss is not confident enough"],
  ["oksana@ukr.nte", "valid", "oksana@ukr.net", "typo_fixed free_mail", "transposed et"],
  ["oksana@ukr.ner", "valid", "oksana@ukr.net", "typo_fixed free_mail", "r next to t"],
  ["oksana@urk.net", "valid", "=", CORP, "three-letter name under a real TLD: one edit from dozens of real domains, left alone (typos/index.ts MIN_LABEL_FOR_LETTER_EDIT)"],
  ["oksana@ukr.nett", "valid", "oksana@ukr.net", "typo_fixed free_mail", "doubled t: .nett is not delegated"],
  ["zhang@qq.comm", "valid", "zhang@qq.com", "typo_fixed free_mail", "doubled m"],
  ["zhang@163.cmo", "valid", "zhang@163.com", "typo_fixed free_mail", "transposed om"],
  ["zhang@126.con", "valid", "zhang@126.com", "typo_fixed free_mail", "n next to m"],
];

/** Disposable services people really use. */
const DISP = "disposable_domain";
const disposable: Row[] = [
  ["test123@temp-mail.org", "invalid", "=", DISP, "Temp-Mail, the most used throwaway site"],
  ["x@10minutemail.com", "invalid", "=", DISP, "10 Minute Mail"],
  ["x@10minutemail.net", "invalid", "=", DISP, "10minutemail.net clone"],
  ["x@10minutemail.co.uk", "invalid", "=", DISP, "10minutemail.co.uk clone"],
  ["x@guerrillamail.com", "invalid", "=", DISP, "Guerrilla Mail"],
  ["x@guerrillamail.net", "invalid", "=", DISP, "Guerrilla Mail alternate domain"],
  ["x@guerrillamail.org", "invalid", "=", DISP, "Guerrilla Mail alternate domain"],
  ["x@guerrillamailblock.com", "invalid", "=", DISP, "Guerrilla Mail alternate domain"],
  ["x@sharklasers.com", "invalid", "=", DISP, "Guerrilla Mail's default random domain"],
  ["x@grr.la", "invalid", "=", DISP, "Guerrilla Mail short domain"],
  ["x@pokemail.net", "invalid", "=", DISP, "Guerrilla Mail domain"],
  ["x@spam4.me", "invalid", "=", DISP, "Guerrilla Mail domain"],
  ["x@yopmail.com", "invalid", "=", DISP, "YOPmail"],
  ["x@yopmail.fr", "invalid", "=", DISP, "YOPmail French domain"],
  ["x@yopmail.net", "invalid", "=", DISP, "YOPmail alternate"],
  ["x@cool.fr.nf", "invalid", "=", DISP, "YOPmail alias domain listed on yopmail.com"],
  ["x@jetable.fr.nf", "invalid", "=", DISP, "YOPmail alias domain"],
  ["x@courriel.fr.nf", "invalid", "=", DISP, "YOPmail alias domain"],
  ["x@moncourrier.fr.nf", "invalid", "=", DISP, "YOPmail alias domain"],
  ["x@monemail.fr.nf", "invalid", "=", DISP, "YOPmail alias domain"],
  ["x@monmail.fr.nf", "invalid", "=", DISP, "YOPmail alias domain"],
  ["x@nospam.ze.tc", "invalid", "=", DISP, "YOPmail alias domain"],
  ["x@nomail.xl.cx", "invalid", "=", DISP, "YOPmail alias domain"],
  ["x@mega.zik.dj", "invalid", "=", DISP, "YOPmail alias domain"],
  ["x@speed.1s.fr", "invalid", "=", DISP, "YOPmail alias domain"],
  ["x@mailinator.com", "invalid", "=", DISP, "Mailinator public inboxes"],
  ["x@maildrop.cc", "invalid", "=", DISP, "Maildrop"],
  ["x@dispostable.com", "invalid", "=", DISP, "Dispostable"],
  ["x@trashmail.com", "invalid", "=", DISP, "TrashMail"],
  ["x@getnada.com", "invalid", "=", DISP, "Nada temp inbox"],
  ["x@mohmal.com", "invalid", "=", DISP, "Mohmal, popular in the Arab world"],
  ["x@throwawaymail.com", "invalid", "=", DISP, "ThrowAwayMail"],
  ["x@fakeinbox.com", "invalid", "=", DISP, "FakeInbox"],
  ["x@mintemail.com", "invalid", "=", DISP, "MintEmail"],
  ["x@tempail.com", "invalid", "=", DISP, "Tempail"],
  ["x@emailondeck.com", "invalid", "=", DISP, "EmailOnDeck"],
  ["x@1secmail.com", "invalid", "=", DISP, "1secMail API temp mail"],
  ["x@mailnesia.com", "invalid", "=", DISP, "Mailnesia"],
  ["x@discard.email", "invalid", "=", DISP, "Discard.email"],
  ["X.Test@YOPMAIL.COM", "invalid", "X.Test@yopmail.com", `${DISP} normalized`, "upper-case domain still disposable"],
];

/** Gmail +tags and dots: never merged, never changed; mixed-case local parts kept. */
const gmailTags: Row[] = [
  ["john.smith+newsletter@gmail.com", "valid", "=", FREE, "Gmail plus-addressing: kept as typed"],
  ["john.smith+shop.amazon@gmail.com", "valid", "=", FREE, "dots inside a +tag"],
  ["j.o.h.n.smith@gmail.com", "valid", "=", FREE, "Gmail ignores dots, mailsweep must not remove them"],
  ["johnsmith+@gmail.com", "valid", "=", FREE, "empty tag is legal RFC 5322 dot-atom"],
  ["john+a+b@gmail.com", "valid", "=", FREE, "two plus signs: legal"],
  ["john.smith+work@googlemail.com", "valid", "=", FREE, "Googlemail (Germany/UK legacy domain)"],
  ["John.Smith+News@Gmail.com", "valid", "John.Smith+News@gmail.com", `${FREE} normalized`, "domain case folded, local case kept"],
  ["JOHN.SMITH@GMAIL.COM", "valid", "JOHN.SMITH@gmail.com", `${FREE} normalized`, "caps-lock entry from a paper form"],
  ["Maria.Garcia@Hotmail.Com", "valid", "Maria.Garcia@hotmail.com", `${FREE} normalized`, "title-case typed on phones"],
  ["IVAN.PETROV@GMAIL.CON", "valid", "IVAN.PETROV@gmail.com", `typo_fixed ${FREE} normalized`, "caps-lock plus .con"],
  ["Jan.Kowalski@WP.PL", "valid", "Jan.Kowalski@wp.pl", `${FREE} normalized`, "Polish provider in caps"],
  ["Kim.Minjun@Naver.Com", "valid", "Kim.Minjun@naver.com", `${FREE} normalized`, "Korean provider title case"],
  ["J.Smith@ACME-LOGISTICS.CO.UK", "valid", "J.Smith@acme-logistics.co.uk", `${CORP} normalized`, "caps company domain at .co.uk"],
  ["john..smith@gmail.com", "invalid", "=", "", "consecutive dots: RFC 5322 dot-atom forbids them"],
  [".john@gmail.com", "invalid", "=", "", "leading dot in local part"],
  ["john.@gmail.com", "invalid", "=", "", "trailing dot in local part"],
  ["john.smith+news@gmail.co.uk", "risky", "=", "typo_suspected corporate_domain", "gmail.co.uk is not Gmail but .uk is delegated: only suggested", "john.smith+news@gmail.com"],
];

/** Role accounts at company domains in these markets. */
const ROLE = "role_account corporate_domain";
const roles: Row[] = [
  ["info@acme-logistics.co.uk", "risky", "=", ROLE, "RFC 2142 info@"],
  ["enquiries@harrisonbuild.co.uk", "risky", "=", ROLE, "British 'enquiries' mailbox"],
  ["contato@construtoraalfa.com.br", "risky", "=", ROLE, "Portuguese 'contact'"],
  ["vendas@construtoraalfa.com.br", "risky", "=", ROLE, "Portuguese 'sales'"],
  ["financeiro@construtoraalfa.com.br", "risky", "=", ROLE, "Portuguese 'finance'"],
  ["ventas@grupoaztlan.com.mx", "risky", "=", ROLE, "Spanish 'sales'"],
  ["biuro@budimex-serwis.com.pl", "risky", "=", ROLE, "Polish 'office', the usual SME address"],
  ["sekretariat@budimex-serwis.com.pl", "risky", "=", ROLE, "Polish/Czech 'secretariat'"],
  ["obchod@firma-stavby.cz", "risky", "=", ROLE, "Czech 'sales'"],
  ["Info+Leads@acme.co.za", "risky", "=", ROLE, "role ignoring +tag and case"],
  ["SALES@PACIFICGATE.COM.SG", "risky", "SALES@pacificgate.com.sg", `${ROLE} normalized`, "caps role at .com.sg"],
  ["recepcao@hotelbahia.com.br", "risky", "=", ROLE, "Portuguese 'reception', hotel front desk"],
  ["compras@grupoaztlan.com.mx", "risky", "=", ROLE, "Spanish/Portuguese 'purchasing'"],
];

export const ADDRESS_CASES_3: readonly AddressCase3[] = [
  ...rows(b2bCcTld),
  ...rows(eduGov),
  ...rows(suffixTypos),
  ...rows(comSlips),
  ...rows(regionalFree),
  ...rows(regionalTypos),
  ...rows(disposable),
  ...rows(gmailTags),
  ...rows(roles),
];
