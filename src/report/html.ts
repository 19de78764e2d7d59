import { createHash } from "node:crypto";
import { isRejectCode } from "../reasons.js";
import type { CleanReport } from "./summary.js";

/**
 * The `--report-html` page: one self-contained file a list owner can forward. No script, no
 * network fetch (fonts, images and chart are inline), readable from file:// and on a phone.
 *
 * Everything that came from the input (file name, header names, addresses, domains) is hostile:
 * it goes through escapeHtml() and nowhere else, and the CSP below forbids scripts outright, so a
 * missed escape still cannot run code.
 */

export interface HtmlExtras {
  /** Exit-threshold verdict, when --fail-on / --max-rejected-percent were given. */
  readonly thresholds?: readonly string[];
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text and attribute-value escaping (double- or single-quoted attributes). */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const CSS = `
:root{--fg:#1d2330;--muted:#5b6475;--bg:#fff;--line:#dde1e8;--bar:#3a6ea5;--bad:#b3261e;--ok:#1e7b34;--warn:#9a6700}
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:960px;margin:0 auto;padding:16px}
h1{font-size:1.35em;margin:.2em 0 .1em}
h2{font-size:1.1em;margin:1.6em 0 .5em;border-bottom:1px solid var(--line);padding-bottom:.2em}
.sub{color:var(--muted);margin:0 0 1em;overflow-wrap:anywhere}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(130px,1fr));gap:10px}
.card{border:1px solid var(--line);border-radius:8px;padding:10px}
.card .n{font-size:1.6em;font-weight:600;display:block}
.card .l{color:var(--muted);font-size:.9em}
.card.kept .n{color:var(--ok)}.card.rejected .n{color:var(--bad)}
.alert{border:1px solid var(--bad);color:var(--bad);border-radius:8px;padding:8px 12px;margin:12px 0}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.92em}
th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top;overflow-wrap:break-word}
td code{overflow-wrap:anywhere}
th{color:var(--muted);font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
svg.chart{width:100%;max-width:600px;height:auto;display:block}
svg.chart text{font:14px system-ui,sans-serif;fill:var(--fg)}
svg.chart rect{fill:var(--bar)}
svg.chart rect.reject{fill:var(--bad)}
code{font-size:.92em;overflow-wrap:anywhere}
.muted{color:var(--muted)}
footer{margin-top:2em;color:var(--muted);font-size:.85em}
`.trim();

/** The one inline stylesheet is allowed by its hash; scripts, fetches, frames and forms are not. */
function csp(css: string): string {
  const hash = createHash("sha256").update(css, "utf8").digest("base64");
  return `default-src 'none'; style-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'`;
}

function pct(n: number, of: number): string {
  if (of === 0) return "0%";
  const p = (100 * n) / of;
  return `${p > 0 && p < 0.1 ? p.toFixed(2) : p.toFixed(1)}%`;
}

function fmt(n: number): string {
  return n.toLocaleString("en-US");
}

function card(metric: string, label: string, value: number, cls = "", note = ""): string {
  return `<div class="card ${cls}"><span class="n" data-metric="${metric}">${fmt(value)}</span><span class="l">${escapeHtml(label)}${note ? ` · ${escapeHtml(note)}` : ""}</span></div>`;
}

function table(head: readonly string[], rows: readonly (readonly string[])[], numeric: ReadonlySet<number> = new Set(), attrs = ""): string {
  const th = head.map((h, i) => `<th${numeric.has(i) ? ' class="num"' : ""}>${escapeHtml(h)}</th>`).join("");
  const body = rows.map((r) => `<tr>${r.map((c, i) => `<td${numeric.has(i) ? ' class="num"' : ""}>${c}</td>`).join("")}</tr>`).join("\n");
  return `<div class="scroll"><table${attrs}><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

/** Horizontal bar chart of reason codes as inline SVG (scales to the screen through its viewBox). */
function reasonChart(codes: readonly [string, number][], total: number): string {
  // A narrow viewBox keeps the labels legible when a phone scales the chart down.
  const width = 400;
  const labelW = 140;
  const countW = 100;
  const barMax = width - labelW - countW;
  const rowH = 26;
  const max = Math.max(1, ...codes.map(([, n]) => n));
  const bars = codes.map(([code, n], i) => {
    const y = i * rowH;
    const w = Math.max(n > 0 ? 1 : 0, Math.round((barMax * n) / max));
    return (
      `<g class="bar" data-code="${escapeHtml(code)}" data-count="${n}">` +
      `<text x="${labelW - 8}" y="${y + 16}" text-anchor="end">${escapeHtml(code)}</text>` +
      `<rect class="${isRejectCode(code) ? "reject" : "flag"}" x="${labelW}" y="${y + 4}" width="${w}" height="${rowH - 8}" data-width="${w}"><title>${escapeHtml(code)}: ${fmt(n)}</title></rect>` +
      `<text x="${labelW + w + 6}" y="${y + 16}">${fmt(n)} (${pct(n, total)})</text></g>`
    );
  });
  const h = Math.max(rowH, codes.length * rowH);
  return `<svg class="chart" role="img" aria-label="Rows per reason code" viewBox="0 0 ${width} ${h}" width="${width}" height="${h}" data-bar-max="${barMax}">${bars.join("")}</svg>`;
}

function optionValue(v: unknown): string {
  if (v === null || v === undefined) return '<span class="muted">—</span>';
  if (Array.isArray(v)) return v.length === 0 ? '<span class="muted">—</span>' : escapeHtml(v.join(", "));
  if (typeof v === "object") return `<code>${escapeHtml(JSON.stringify(v))}</code>`;
  return escapeHtml(String(v));
}

/** The domains with the most rows: rows, rows rejected, DNS verdict, MX provider. */
function domainRows(r: CleanReport, limit: number): string[][] {
  return r.top_domains.slice(0, limit).map((d) => [
    escapeHtml(d.domain),
    fmt(d.rows),
    fmt(d.rejected_rows),
    escapeHtml(d.verdict ?? (r.dns.checked ? "—" : "not checked")),
    escapeHtml(d.provider ?? "—"),
  ]);
}

/** Distinct domains per MX provider, largest first. */
function providers(r: CleanReport): [string, number][] {
  const m = new Map<string, number>();
  for (const d of r.dns.domains) if (d.provider) m.set(d.provider, (m.get(d.provider) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

export function renderHtmlReport(r: CleanReport, extras: HtmlExtras = {}): string {
  const rows = r.rows;
  const total = rows.input_rows - rows.blank_rows;
  const codes = (Object.entries(r.by_code) as [string, number][]).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const parts: string[] = [];

  parts.push(`<h1>mailsweep report</h1>`);
  parts.push(
    `<p class="sub"><span data-field="input">${escapeHtml(r.input)}</span> · finished ${escapeHtml(r.timings.finished_at)} · ` +
      `${escapeHtml(r.timings.seconds.toFixed(1))} s · ${fmt(r.timings.rows_per_second)} rows/s · mailsweep ${escapeHtml(r.tool.version)}</p>`,
  );
  for (const t of extras.thresholds ?? []) parts.push(`<p class="alert" data-field="threshold">${escapeHtml(t)}</p>`);
  parts.push(
    `<section class="cards">` +
      card("input_rows", "rows in", rows.input_rows) +
      card("clean_rows", "kept", rows.clean_rows, "kept", pct(rows.clean_rows, total)) +
      card("rejected_rows", "rejected", rows.rejected_rows, "rejected", pct(rows.rejected_rows, total)) +
      card("blank_rows", "blank lines", rows.blank_rows) +
      card("valid", "valid", r.by_status.valid) +
      card("risky", "risky", r.by_status.risky) +
      card("unknown", "unknown", r.by_status.unknown) +
      card("invalid", "invalid", r.by_status.invalid) +
      `</section>`,
  );
  if (!r.dns.checked) parts.push(`<p class="alert">${escapeHtml(r.dns.note ?? "DNS checks were skipped.")}</p>`);

  parts.push(`<h2>Reasons</h2>`);
  parts.push(codes.length > 0 ? reasonChart(codes, total) : `<p class="muted">No reason codes: every row was plain valid.</p>`);
  parts.push(`<p class="muted">Red: the code rejects a row. Blue: a flag (the row is kept unless --reject names it). Percentages are of non-blank rows; a row can carry several codes.</p>`);

  parts.push(`<h2>Top domains</h2>`);
  const drows = domainRows(r, 25);
  parts.push(drows.length > 0 ? table(["domain", "rows", "rejected", "DNS verdict", "MX provider"], drows, new Set([1, 2]), ' id="domains"') : `<p class="muted">No domains to show.</p>`);
  const prov = providers(r);
  if (prov.length > 0) {
    parts.push(`<p>Domains per MX provider: ${prov.slice(0, 10).map(([p, n]) => `${escapeHtml(p)} (${fmt(n)})`).join(", ")}</p>`);
  }
  if (r.dns.stats) {
    const s = r.dns.stats;
    parts.push(`<p>DNS: ${fmt(s.queried)} queried, ${fmt(s.cached)} from cache, ${fmt(s.transient)} without a definite answer (kept as <em>unknown</em>).</p>`);
  }

  parts.push(`<h2>Typo corrections applied</h2>`);
  parts.push(
    r.typo_fixes.length > 0
      ? table(["original → fixed", "rows"], r.typo_fixes.map((t) => [escapeHtml(t.fix), fmt(t.count)]), new Set([1]), ' id="typos"')
      : `<p class="muted">None.</p>`,
  );

  parts.push(`<h2>Suppressed addresses</h2>`);
  const sup = r.suppressed;
  const supTotal = r.by_code.suppressed ?? sup.length;
  if (sup.length > 0) {
    parts.push(
      table(
        ["row", "address", "why", "from", "since"],
        sup.map((s) => [fmt(s.row), escapeHtml(s.address), escapeHtml(s.category), escapeHtml(s.source), escapeHtml(s.since)]),
        new Set([0]),
        ' id="suppressed"',
      ),
    );
    if (supTotal > sup.length) parts.push(`<p class="muted">First ${fmt(sup.length)} of ${fmt(supTotal)}; the rejected file lists them all.</p>`);
  } else {
    parts.push(`<p class="muted">${supTotal > 0 ? `${fmt(supTotal)} row(s); see the rejected file.` : "None."}</p>`);
  }

  const since = r.since_previous_sweep;
  if (since) {
    parts.push(`<h2>Since the previous sweep</h2>`);
    parts.push(
      `<p>Previous sweep ${escapeHtml(since.previous_finished_at)}${since.same_input ? " (same input)" : ""}: ` +
        `${fmt(since.newly_rejected_total)} newly rejected; ${fmt(since.domains_stopped_receiving.length)} domain(s) stopped receiving mail` +
        `${since.domains_stopped_receiving.length > 0 ? `: ${since.domains_stopped_receiving.slice(0, 20).map(escapeHtml).join(", ")}` : ""}.</p>`,
    );
    if (since.newly_rejected.length > 0) {
      parts.push(table(["address", "codes"], since.newly_rejected.slice(0, 50).map((x) => [escapeHtml(x.address), escapeHtml(x.codes)])));
    }
  }

  parts.push(`<h2>Files</h2>`);
  parts.push(
    table(
      ["output", "path"],
      [
        ["clean", `<code>${escapeHtml(r.files.clean)}</code>`],
        ["rejected", `<code>${escapeHtml(r.files.rejected)}</code>`],
        ["report", `<code>${escapeHtml(r.files.report)}</code>`],
      ],
    ),
  );
  const det = r.detected;
  parts.push(
    `<p class="muted">Read as ${escapeHtml(det.encoding)}${det.bom ? " with BOM" : ""}, delimiter <code>${escapeHtml(JSON.stringify(det.delimiter))}</code>, ` +
      `${det.header ? "with" : "without"} header; address column ${det.email_column.index}${det.email_column.name !== null ? ` (<code>${escapeHtml(det.email_column.name)}</code>)` : ""}. ` +
      `${fmt(r.neutralised_cells)} cell(s) guarded against spreadsheet formulas.</p>`,
  );

  parts.push(`<h2>Data lists</h2>`);
  parts.push(
    table(
      ["list", "source", "version", "date", "entries"],
      r.data_sources.map((s) => [escapeHtml(s.name), escapeHtml(s.source), escapeHtml(s.version ?? "—"), escapeHtml(s.date ?? "—"), fmt(s.entries)]),
      new Set([4]),
    ),
  );

  parts.push(`<h2>Options used</h2>`);
  parts.push(table(["option", "value"], Object.entries(r.options).map(([k, v]) => [`<code>${escapeHtml(k)}</code>`, optionValue(v)]), new Set(), ' id="options"'));

  parts.push(`<footer>Generated by mailsweep ${escapeHtml(r.tool.version)} from ${escapeHtml(r.files.report)}. This page runs no script and loads nothing from the network.</footer>`);

  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp(CSS))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>mailsweep report: ${escapeHtml(r.input)}</title>`,
    `<style>${CSS}</style>`,
    "</head>",
    "<body><main>",
    parts.join("\n"),
    "</main></body>",
    "</html>",
    "",
  ].join("\n");
}
