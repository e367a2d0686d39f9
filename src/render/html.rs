//! The report as one self-contained HTML page: a dimension × source
//! heatmap, the claims of each dimension with their citations, the source
//! list, and charts as inline SVG. No scripts, fonts, styles or images are
//! fetched; everything taken from the document is escaped by `maud`.

use crate::analysis::Analysis;
use crate::reference::{EntryType, Reference};
use crate::report::{DimensionReport, Report};
use maud::{DOCTYPE, Markup, PreEscaped, html};
use std::collections::BTreeMap;
use std::io::{self, Write};

/// Okabe–Ito colours, distinguishable with every common colour-vision
/// deficiency, one per entry type.
fn type_colour(t: EntryType) -> &'static str {
    match t {
        EntryType::Article => "#0072B2",
        EntryType::Book => "#E69F00",
        EntryType::InCollection => "#009E73",
        EntryType::InProceedings => "#CC79A7",
        EntryType::Report => "#56B4E9",
        EntryType::Thesis => "#D55E00",
        EntryType::Online => "#F0E442",
        EntryType::Misc => "#999999",
    }
}

fn type_label(t: EntryType) -> &'static str {
    match t {
        EntryType::Article => "journal article",
        EntryType::Book => "book",
        EntryType::InCollection => "book chapter",
        EntryType::InProceedings => "conference paper",
        EntryType::Report => "report",
        EntryType::Thesis => "thesis",
        EntryType::Online => "web page",
        EntryType::Misc => "other",
    }
}

const TYPES: [EntryType; 8] = [
    EntryType::Article,
    EntryType::Book,
    EntryType::InCollection,
    EntryType::InProceedings,
    EntryType::Report,
    EntryType::Thesis,
    EntryType::Online,
    EntryType::Misc,
];

/// A single-hue blue scale from light to dark: readable without colour
/// vision and in greyscale print.
fn heat(v: f64) -> (String, &'static str) {
    let (a, b) = ((0xef, 0xf3, 0xff), (0x08, 0x30, 0x6b));
    let mix = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * v).round() as u8;
    let bg = format!(
        "#{:02x}{:02x}{:02x}",
        mix(a.0, b.0),
        mix(a.1, b.1),
        mix(a.2, b.2)
    );
    (bg, if v > 0.5 { "#fff" } else { "#000" })
}

const CSS: &str = r#"
:root { --fg:#1a1a1a; --muted:#555; --line:#ccc; --accent:#0b5394; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); margin: 0; }
header, main, footer { max-width: 1800px; margin: 0 auto; padding: 0 clamp(.6rem, 2vw, 2rem); }
header { padding-top: 1.2rem; border-bottom: 1px solid var(--line); }
nav ul { list-style: none; padding: 0; display: flex; gap: 1.2rem; flex-wrap: wrap; }
a { color: var(--accent); }
a:focus, [tabindex]:focus { outline: 3px solid #E69F00; outline-offset: 1px; }
h2 { margin-top: 2.2rem; border-bottom: 2px solid var(--fg); }
.totals { color: var(--muted); }
.scroll { max-height: 75vh; overflow: auto; border: 1px solid var(--line); }
table { border-collapse: separate; border-spacing: 0; }
table.heatmap { width: 100%; }
.heatmap th, .heatmap td { border-bottom: 1px solid var(--line); border-right: 1px solid var(--line); }
.heatmap thead th { position: sticky; top: 0; background: #fff; z-index: 2; vertical-align: bottom; }
.heatmap thead th.src { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; font-weight: normal; padding: .3rem .1rem; }
.heatmap thead th.src a { display: inline-block; white-space: nowrap; }
.heatmap tbody th { position: sticky; left: 0; background: #fff; z-index: 1; text-align: left; font-weight: normal; min-width: 14rem; max-width: 22rem; padding: .2rem .5rem; }
.heatmap thead th.corner { left: 0; z-index: 3; }
.heatmap td { min-width: 1.5rem; height: 1.9rem; text-align: center; position: relative; font-variant-numeric: tabular-nums; }
.heatmap td .tip { display: none; position: absolute; z-index: 5; left: 1.6rem; top: 1.6rem; width: 24rem; text-align: left; background: #fff; color: var(--fg); border: 1px solid var(--fg); padding: .5rem; font-size: 13px; box-shadow: 2px 2px 6px rgba(0,0,0,.3); }
.heatmap td:hover .tip, .heatmap td:focus .tip { display: block; }
.tip ul { margin: .3rem 0 0; padding-left: 1rem; }
.flags { list-style: none; padding: 0; }
.flags li { border-left: 4px solid #D55E00; padding: .2rem .6rem; margin: .3rem 0; background: #fdf3ec; }
.claims li { margin: .4rem 0; }
mark { background: #fff1c2; padding: 0 .1rem; }
.sources { width: 100%; }
.sources th, .sources td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid var(--line); }
.sources thead th { position: sticky; top: 0; background: #fff; }
.sources .raw { color: var(--muted); font-size: 13px; }
.uncited { color: #D55E00; font-weight: bold; }
.swatch { display: inline-block; width: .9rem; height: .9rem; border: 1px solid #333; vertical-align: middle; margin-right: .3rem; }
figure { margin: 1.2rem 0; }
figure svg { width: 100%; max-width: 1000px; height: auto; }
.legend { display: flex; flex-wrap: wrap; gap: .2rem 1rem; }
@media (max-width: 600px) {
  body { font-size: 14px; }
  .heatmap tbody th { min-width: 8rem; max-width: 10rem; font-size: 13px; }
  .heatmap td .tip { width: 16rem; }
  nav ul { gap: .6rem; }
}
svg text { font: 11px system-ui, sans-serif; fill: #1a1a1a; }
footer { color: var(--muted); border-top: 1px solid var(--line); margin-top: 2rem; padding-bottom: 2rem; }
@page { size: A4; margin: 14mm; }
@media print {
  nav, .tip { display: none !important; }
  header, main, footer { max-width: none; padding: 0; }
  .heatmap { font-size: 7pt; }
  .heatmap tbody th { min-width: 9rem; }
  .heatmap td { min-width: 0; height: auto; }
  .scroll { max-height: none; overflow: visible; border: 0; }
  .heatmap thead th, .heatmap tbody th { position: static; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
  article, figure, tr { break-inside: avoid; }
  body { font-size: 11pt; }
}
"#;

/// A source's label that keeps its year whatever the room: the names are
/// cut, "(2015)" never is.
fn label(short: &str, n: usize) -> String {
    match short.rfind(" (") {
        Some(i) if short.ends_with(')') => {
            format!("{} {}", excerpt(&short[..i], n), &short[i + 1..])
        }
        _ => excerpt(short, n),
    }
}

/// Tick values for an axis from `lo` to `hi`: a round step (1, 2, 5, 10,
/// 20, 25, 50, …) that gives at most `most` ticks.
fn ticks(lo: u32, hi: u32, most: u32) -> Vec<u32> {
    let span = hi.saturating_sub(lo).max(1);
    let step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000]
        .into_iter()
        .find(|s| span / s < most.max(1))
        .unwrap_or(1000);
    let first = lo.div_ceil(step) * step;
    (0..)
        .map(|k| first + k * step)
        .take_while(|&t| t <= hi)
        .collect()
}

fn excerpt(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let cut: String = s.chars().take(n).collect();
    format!("{}…", cut.trim_end())
}

/// A link target for a reference: its DOI or URL, only over http(s).
fn reference_link(r: &Reference) -> Option<String> {
    if let Some(d) = &r.doi {
        return Some(format!("https://doi.org/{d}"));
    }
    let u = r.url.as_deref()?;
    if u.starts_with("https://") || u.starts_with("http://") {
        Some(u.to_string())
    } else if u.starts_with("www.") {
        Some(format!("https://{u}"))
    } else {
        None
    }
}

fn claim_markup(text: &str, marks: &[std::ops::Range<usize>], keys: &[Option<String>]) -> Markup {
    // Pieces in order; a mark that does not fall on character boundaries
    // inside the text is shown unmarked.
    let mut order: Vec<(std::ops::Range<usize>, Option<&String>)> = marks
        .iter()
        .cloned()
        .zip(keys.iter().map(Option::as_ref))
        .filter(|(r, _)| {
            r.start < r.end
                && r.end <= text.len()
                && text.is_char_boundary(r.start)
                && text.is_char_boundary(r.end)
        })
        .collect();
    order.sort_by_key(|(r, _)| r.start);
    let mut at = 0;
    let mut parts: Vec<Markup> = Vec::new();
    for (r, key) in order {
        if r.start < at {
            continue;
        }
        parts.push(html! { (text[at..r.start]) });
        let piece = &text[r.clone()];
        parts.push(match key {
            Some(k) => html! { a.cite href={ "#ref-" (k) } { mark { (piece) } } },
            None => html! { mark title="no reference found" { (piece) } },
        });
        at = r.end;
    }
    parts.push(html! { (text[at..]) });
    html! { @for p in parts { (p) } }
}

fn heatmap(r: &Report, a: &Analysis) -> Markup {
    let (cols, rows) = r.matrix();
    let max = rows.iter().flatten().copied().max().unwrap_or(0).max(1);
    let by_key: BTreeMap<&str, &Reference> =
        a.references.iter().map(|x| (x.key.as_str(), x)).collect();
    html! {
        section #heatmap aria-labelledby="h-heatmap" {
            h2 #h-heatmap { "Dimensions × sources" }
            p { "Each cell counts the citations of a source (column) in a dimension (row). Rows follow the document; columns are sorted by use. Hover over or focus a cell (Tab) to see the reference and the claims." }
            p.totals { (r.dimensions.len()) " dimensions × " (cols.len()) " cited sources" }
            div.scroll tabindex="0" aria-label="Heatmap, scrollable" {
                table.heatmap aria-label="Citations per dimension and source" {
                    thead { tr {
                        th.corner scope="col" { "Dimension" }
                        @for c in &cols {
                            @let full = by_key.get(c.key.as_str()).map_or_else(|| c.short.clone(), |re| excerpt(re.text.as_str(), 300));
                            th.src scope="col" title=(full) { a href={ "#ref-" (c.key) } aria-label=(c.short) { (label(&c.short, 18)) } }
                        }
                    } }
                    tbody {
                        @for (d, row) in r.dimensions.iter().zip(&rows) {
                            tr {
                                th scope="row" { a href={ "#dim-" (d.id) } { (d.heading) } }
                                @for (c, n) in cols.iter().zip(row) {
                                    @if *n == 0 {
                                        td.cell data-count="0" {}
                                    } @else {
                                        @let (bg, fg) = heat(*n as f64 / max as f64);
                                        @let claims: Vec<&crate::report::Claim> = d.claims.iter().filter(|cl| cl.keys.iter().any(|k| k.as_deref() == Some(c.key.as_str()))).collect();
                                        td.cell data-count=(n) tabindex="0" style={ "background:" (bg) ";color:" (fg) }
                                            aria-label={ (n) " citations of " (c.short) " in " (d.heading) } {
                                            (n)
                                            span.tip role="tooltip" {
                                                strong { (c.short) }
                                                @if let Some(re) = by_key.get(c.key.as_str()) { br; (excerpt(re.text.as_str(), 220)) }
                                                ul { @for cl in claims.iter().take(4) { li { (excerpt(&cl.text, 240)) } } }
                                                @if claims.len() > 4 { (claims.len() - 4) " more claims" }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn flags(d: &DimensionReport) -> Vec<String> {
    let mut f = Vec::new();
    if d.citations == 0 {
        f.push("No citations: nothing in this dimension rests on a source.".to_string());
    } else if d.sources.len() == 1 {
        f.push(format!("Rests on a single source: {}.", d.sources[0].short));
    }
    if d.unresolved > 0 {
        f.push(format!(
            "{} citation(s) with no entry in the reference list.",
            d.unresolved
        ));
    }
    for u in &d.unsupported {
        f.push(format!(
            "Line {}: a figure (\u{201c}{}\u{201d}) with no source in its paragraph: {}",
            u.line,
            u.figure,
            excerpt(&u.sentence, 200)
        ));
    }
    f
}

/// What an editor should look at first: every dimension's flags, before
/// the details.
fn flag_summary(r: &Report) -> Markup {
    let flagged: Vec<(&DimensionReport, Vec<String>)> = r
        .dimensions
        .iter()
        .map(|d| (d, flags(d)))
        .filter(|(_, f)| !f.is_empty())
        .collect();
    html! {
        section #flags aria-labelledby="h-flags" {
            h2 #h-flags { "Flags" }
            @if flagged.is_empty() {
                p { "Nothing to flag: every dimension rests on several sources, and every figure has one." }
            } @else {
                p.totals { (flagged.len()) " of " (r.dimensions.len()) " dimensions have something to look at." }
                ul.flags {
                    @for (d, fl) in &flagged {
                        @for f in fl {
                            li { a href={ "#dim-" (d.id) } { (d.heading) } ": " (f) }
                        }
                    }
                }
            }
        }
    }
}

fn dimensions(r: &Report) -> Markup {
    html! {
        section #dimensions aria-labelledby="h-dimensions" {
            h2 #h-dimensions { "Dimensions" }
            @for d in &r.dimensions {
                article #{ "dim-" (d.id) } aria-labelledby={ "h-dim-" (d.id) } {
                    h3 #{ "h-dim-" (d.id) } { (d.heading) }
                    p.totals { (d.citations) " citations of " (d.sources.len()) " sources, line " (d.line) "." }
                    @let fl = flags(d);
                    @if !fl.is_empty() { ul.flags { @for f in &fl { li { (f) } } } }
                    @if !d.claims.is_empty() {
                        ol.claims { @for c in &d.claims { li { (claim_markup(&c.text, &c.marks, &c.keys)) } } }
                    }
                }
            }
        }
    }
}

fn sources(r: &Report, a: &Analysis) -> Markup {
    html! {
        section #sources aria-labelledby="h-sources" {
            h2 #h-sources { "Sources" }
            p.totals { (r.totals.references) " references, " (r.totals.uncited) " not cited." }
            div.scroll {
                table.sources {
                    thead { tr { th scope="col" { "Source" } th scope="col" { "Type" } th scope="col" { "Year" } th scope="col" { "Cited" } th scope="col" { "Dimensions" } } }
                    tbody {
                        @for (s, re) in r.sources.iter().zip(&a.references) {
                            tr #{ "ref-" (s.key) } {
                                td {
                                    strong { (s.short) } " " code { (s.key) }
                                    div.raw {
                                        (s.raw)
                                        @if let Some(href) = reference_link(re) { " " a href=(href) rel="noreferrer" { "link" } }
                                    }
                                }
                                td { span.swatch style={ "background:" (type_colour(s.kind)) } {} (type_label(s.kind)) }
                                td { (s.year.as_deref().unwrap_or("n.d.")) }
                                td { @if s.count == 0 { span.uncited { "uncited" } } @else { (s.count) } }
                                td { (s.dimensions) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Years of the cited sources, overall: one bar per year (or per five
/// years when the range is wide).
fn year_histogram(years: &[u32]) -> Markup {
    let (Some(&lo), Some(&hi)) = (years.iter().min(), years.iter().max()) else {
        return html! { p { "No dated sources." } };
    };
    let step = if hi - lo > 40 { 5 } else { 1 };
    let first = lo - lo % step;
    let bins = ((hi - first) / step + 1) as usize;
    let mut counts = vec![0usize; bins];
    for y in years {
        counts[((y - first) / step) as usize] += 1;
    }
    let max = counts.iter().copied().max().unwrap_or(1).max(1);
    let (w, h, left, bottom) = (680.0, 200.0, 34.0, 28.0);
    let bw = (w - left - 10.0) / bins as f64;
    html! {
        svg width=(w) height=(h) viewBox={ "0 0 " (w) " " (h) } role="img" aria-labelledby="yh-title yh-desc" {
            title #yh-title { "Publication years of the cited sources" }
            desc #yh-desc { (years.len()) " dated citations of sources from " (lo) " to " (hi) "." }
            line x1=(left) y1=(h - bottom) x2=(w - 10.0) y2=(h - bottom) stroke="#1a1a1a" {}
            line x1=(left) y1="8" x2=(left) y2=(h - bottom) stroke="#1a1a1a" {}
            @for v in ticks(0, max as u32, 5) {
                @let y = h - bottom - (f64::from(v) / max as f64) * (h - bottom - 14.0);
                line x1=(left - 4.0) y1=(y) x2=(left) y2=(y) stroke="#1a1a1a" {}
                text.ytick x=(left - 6.0) y=(y + 4.0) text-anchor="end" { (v) }
            }
            @for t in ticks(lo, hi, 10) {
                @let x = left + f64::from((t - first) / step) * bw + bw / 2.0;
                line x1=(x) y1=(h - bottom) x2=(x) y2=(h - bottom + 4.0) stroke="#1a1a1a" {}
                text.xtick x=(x) y=(h - 10.0) text-anchor="middle" { (t) }
            }
            @for (i, n) in counts.iter().enumerate() {
                @let bh = (*n as f64 / max as f64) * (h - bottom - 14.0);
                @let x = left + i as f64 * bw;
                @let year = first + i as u32 * step;
                @if *n > 0 {
                    rect x=(x + 1.0) y=(h - bottom - bh) width=((bw - 2.0).max(1.0)) height=(bh) fill="#0072B2" {
                        title { (year) @if step > 1 { "–" (year + step - 1) } ": " (n) }
                    }
                }
            }
        }
    }
}

/// Years of the sources of each dimension, as dots on a shared axis.
fn year_strips(r: &Report) -> Markup {
    let years: Vec<u32> = r
        .dimensions
        .iter()
        .flat_map(|d| d.sources.iter())
        .filter_map(|s| s.year.as_deref()?.get(..4)?.parse().ok())
        .collect();
    let (Some(&lo), Some(&hi)) = (years.iter().min(), years.iter().max()) else {
        return html! {};
    };
    let span = f64::from((hi - lo).max(1));
    let (w, row, left) = (680.0, 22.0, 230.0);
    let h = row * r.dimensions.len() as f64 + 40.0;
    let x = |y: u32| left + f64::from(y - lo) / span * (w - left - 20.0);
    html! {
        svg width=(w) height=(h) viewBox={ "0 0 " (w) " " (h) } role="img" aria-labelledby="ys-title ys-desc" {
            title #ys-title { "Publication years of the sources, per dimension" }
            desc #ys-desc { "Each dot is a source cited in the dimension, placed by year, " (lo) " to " (hi) "." }
            @for (i, d) in r.dimensions.iter().enumerate() {
                @let cy = row * i as f64 + 14.0;
                text x="0" y=(cy + 4.0) { title { (d.heading) } (excerpt(&d.heading, 34)) }
                line x1=(left) y1=(cy) x2=(w - 20.0) y2=(cy) stroke="#ddd" {}
                @for s in &d.sources {
                    @if let Some(y) = s.year.as_deref().and_then(|y| y.get(..4)?.parse::<u32>().ok()) {
                        circle cx=(x(y)) cy=(cy) r="5" fill="#0072B2" fill-opacity="0.7" stroke="#08306b" {
                            title { (s.short) }
                        }
                    }
                }
            }
            line x1=(left) y1=(h - 24.0) x2=(w - 20.0) y2=(h - 24.0) stroke="#1a1a1a" {}
            @for t in ticks(lo, hi, 10) {
                line x1=(x(t)) y1=(h - 24.0) x2=(x(t)) y2=(h - 20.0) stroke="#1a1a1a" {}
                text.xtick x=(x(t)) y=(h - 6.0) text-anchor="middle" { (t) }
            }
        }
    }
}

/// The stacked-bar segments of a dimension: (type, sources, x, width).
fn segments(
    d: &DimensionReport,
    kind: &BTreeMap<&str, EntryType>,
    total: usize,
    left: f64,
    width: f64,
) -> Vec<(EntryType, usize, f64, f64)> {
    let mut x = left;
    let mut out = Vec::new();
    for t in TYPES {
        let n = d
            .sources
            .iter()
            .filter(|s| kind.get(s.key.as_str()) == Some(&t))
            .count();
        if n > 0 {
            let bw = n as f64 / total as f64 * width;
            out.push((t, n, x, bw));
            x += bw;
        }
    }
    out
}

/// Source types per dimension as 100 % stacked bars, with a legend.
fn type_bars(r: &Report, a: &Analysis) -> Markup {
    let kind: BTreeMap<&str, EntryType> = a
        .references
        .iter()
        .map(|x| (x.key.as_str(), x.kind))
        .collect();
    let (w, row, left) = (680.0, 22.0, 230.0);
    let h = row * r.dimensions.len() as f64 + 10.0;
    html! {
        svg width=(w) height=(h) viewBox={ "0 0 " (w) " " (h) } role="img" aria-labelledby="yt-title yt-desc" {
            title #yt-title { "Source types per dimension" }
            desc #yt-desc { "For each dimension, the share of its sources of each type." }
            @for (i, d) in r.dimensions.iter().enumerate() {
                @let y = row * i as f64 + 4.0;
                @let total = d.sources.len();
                text x="0" y=(y + 12.0) { title { (d.heading) } (excerpt(&d.heading, 34)) }
                                @if total > 0 {
                    @for (t, n, x, bw) in segments(d, &kind, total, left, w - left - 20.0) {
                        rect x=(x) y=(y) width=(bw) height=(row - 6.0) fill=(type_colour(t)) stroke="#fff" {
                            title { (d.heading) ": " (n) " " (type_label(t)) }
                        }
                    }
                } @else {
                    text x=(left) y=(y + 12.0) { "no sources" }
                }
            }
        }
        p.legend {
            @for t in TYPES.into_iter().filter(|t| r.dimensions.iter().flat_map(|d| &d.sources).any(|s| kind.get(s.key.as_str()) == Some(t))) {
                span { span.swatch style={ "background:" (type_colour(t)) } {} (type_label(t)) }
            }
        }
    }
}

fn charts(r: &Report, a: &Analysis) -> Markup {
    let years: Vec<u32> = a
        .citations
        .iter()
        .filter_map(|c| c.link.reference)
        .filter_map(|i| a.references[i].year_digits()?.parse().ok())
        .collect();
    html! {
        section #charts aria-labelledby="h-charts" {
            h2 #h-charts { "Charts" }
            figure { h3 { "Age of the evidence" } (year_histogram(&years)) figcaption { "Publication years of the cited sources, weighted by citations." } }
            figure { h3 { "Years per dimension" } (year_strips(r)) figcaption { "Publication years of the sources of each dimension, one dot a source." } }
            figure { h3 { "Kinds of source per dimension" } (type_bars(r, a)) figcaption { "Which kinds of sources each dimension rests on." } }
        }
    }
}

/// Writes the report as a self-contained HTML page.
pub fn write<W: Write>(a: &Analysis, r: &Report, title: &str, mut w: W) -> io::Result<()> {
    let t = &r.totals;
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content={ "citemap " (env!("CARGO_PKG_VERSION")) };
                title { "Sources per dimension: " (title) }
                style { (PreEscaped(CSS)) }
            }
            body {
                header {
                    h1 { "Sources per dimension" }
                    p { (title) }
                    p.totals { (t.dimensions) " dimensions, " (t.references) " references, " (t.citations) " citations (" (t.linked) " linked), " (t.uncited) " uncited references."
                        @if t.outside_dimensions > 0 { " " (super::markdown::outside_note(t.outside_dimensions)) } }
                    nav aria-label="Sections" { ul {
                        li { a href="#flags" { "Flags" } }
                        li { a href="#heatmap" { "Heatmap" } }
                        li { a href="#dimensions" { "Dimensions" } }
                        li { a href="#sources" { "Sources" } }
                        li { a href="#charts" { "Charts" } }
                    } }
                }
                main {
                    (flag_summary(r))
                    (heatmap(r, a))
                    (dimensions(r))
                    (sources(r, a))
                    (charts(r, a))
                }
                footer { p { "Made by citemap from the document's own text; nothing is loaded from the network." } }
            }
        }
    };
    w.write_all(page.into_string().as_bytes())
}
