//! The order of the works cited together in one pair of parentheses. APA
//! lists them alphabetically by the first author's surname (then the next
//! authors'), and one author's works by date: undated first, then by year
//! and letter, "in press" last. Harvard and Chicago leave the order to the
//! author, so only APA is checked.
//!
//! Many journals that look like APA order by date instead, so a group is
//! reported only where the document's other groups keep the alphabetical
//! order. A pair is compared only where the rule is clear: names that start with
//! a lower-case particle ("de Souza", "van Dijk") sort by each language's
//! own custom, and "et al." against named co-authors has no agreed order.

use super::style::Style;
use super::{CheckOptions, Code, Out, fix::Edit};
use crate::analysis::Citation;
use crate::citation::Form;
use crate::text::fold;
use std::cmp::Ordering;

pub(super) fn citation_order(out: &mut Out<'_>, o: &CheckOptions) {
    if !matches!(o.style, Style::Apa7 | Style::Apa6) {
        return;
    }
    let a = out.a;
    let text = a.source.text();
    let cs = &a.citations;
    let mut groups = Vec::new();
    let mut i = 0;
    while i < cs.len() {
        // A group: parenthetical citations one after another, with only a
        // semicolon between them.
        let mut j = i + 1;
        while j < cs.len() && together(text, &cs[j - 1], &cs[j]) {
            j += 1;
        }
        if j - i >= 2 && cs[i].cite.form == Form::Parenthetical {
            groups.push(&cs[i..j]);
        }
        i = j;
    }
    // Many journals that look like APA order by date instead ("Lee, 2001;
    // Adler, 2009"). The document's own groups tell which order it keeps:
    // those that only one of the two orders explains vote, and the
    // alphabetical order must win them two to one before a group out of it
    // is a slip rather than the house style. A style the user named holds
    // regardless.
    let (mut alpha, mut dated) = (0, 0);
    for g in &groups {
        let by = |f: &dyn Fn(&Citation, &Citation) -> Option<Ordering>| {
            g.windows(2)
                .all(|w| f(&w[0], &w[1]) != Some(Ordering::Greater))
        };
        match (
            by(&order),
            by(&|x, y| Some(date_rank(&x.cite.year).cmp(&date_rank(&y.cite.year)))),
        ) {
            (true, false) => alpha += 1,
            (false, true) => dated += 1,
            _ => {}
        }
    }
    if !o.style_given && alpha < 2 * dated.max(1) {
        return;
    }
    for g in groups {
        group(out, text, g, o.style_given);
    }
}

fn together(text: &str, a: &Citation, b: &Citation) -> bool {
    a.cite.form == Form::Parenthetical
        && b.cite.form == Form::Parenthetical
        && a.cite.keyed.is_none()
        && b.cite.keyed.is_none()
        && a.span.end <= b.span.start
        && text
            .get(a.span.end..b.span.start)
            .is_some_and(|gap| gap.trim() == ";")
}

/// Reports the first pair out of order, once for the group: one slip, one
/// finding. The fix sorts the group when every work in it stands alone
/// (no prefix such as "see", no page), so nothing else moves.
fn group(out: &mut Out<'_>, text: &str, g: &[Citation], given: bool) {
    let Some(k) = g
        .windows(2)
        .position(|w| order(&w[0], &w[1]) == Some(Ordering::Greater))
    else {
        return;
    };
    let (x, y) = (&g[k], &g[k + 1]);
    let (xt, yt) = (out.a.written(x), out.a.written(y));
    let habit = if given {
        ""
    } else {
        ", as this document's other groups do"
    };
    out.push(
        Code::CitationOrder,
        y.span.clone(),
        format!(
            "\"{}\" comes after \"{}\"; APA lists works cited together alphabetically by author, and one author's works by year{habit}",
            yt, xt
        ),
        vec![],
        Some(format!("put \"{yt}\" before \"{xt}\"")),
    );
    let plain = g
        .iter()
        .all(|c| c.cite.prefix.is_none() && c.cite.locator.is_none());
    // Sorting needs every pair comparable, a check that grows with the
    // square of the group; a parenthesis of more works than this is
    // extraction damage, reported but not rewritten.
    const MAX_SORTED: usize = 64;
    let mut sorted: Vec<&Citation> = g.iter().collect();
    let comparable = g.len() <= MAX_SORTED
        && g.iter().all(|c| {
            g.iter()
                .all(|d| std::ptr::eq(c, d) || order(c, d).is_some())
        });
    if plain && comparable {
        sorted.sort_by(|c, d| order(c, d).unwrap_or(Ordering::Equal));
        let whole = g[0].span.start..g[g.len() - 1].span.end;
        let texts: Vec<&str> = sorted
            .iter()
            .map(|c| text.get(c.span.clone()).unwrap_or(""))
            .collect();
        out.fix(
            "list the works in APA's order",
            vec![Edit::new(whole, texts.join("; "))],
        );
    }
}

/// APA's order of two works cited together, where the rule is clear.
fn order(a: &Citation, b: &Citation) -> Option<Ordering> {
    let (na, nb) = (&a.cite.names, &b.cite.names);
    let particle = |n: &[String]| n.first().is_none_or(|s| s.starts_with(char::is_lowercase));
    if particle(na) || particle(nb) {
        return None;
    }
    let fa: Vec<String> = na.iter().map(|n| fold(n)).collect();
    let fb: Vec<String> = nb.iter().map(|n| fold(n)).collect();
    if fa[0] != fb[0] {
        return Some(fa[0].cmp(&fb[0]));
    }
    if fa != fb {
        if a.cite.et_al || b.cite.et_al {
            return None;
        }
        return Some(fa.cmp(&fb));
    }
    if a.cite.et_al != b.cite.et_al {
        return None;
    }
    Some(date_rank(&a.cite.year).cmp(&date_rank(&b.cite.year)))
}

/// Undated works first ("n.d.", "s.d."), then by year and letter, works
/// not yet out ("in press", "forthcoming") last.
fn date_rank(y: &str) -> (u8, String) {
    let lower = y.to_lowercase();
    if crate::reference::year_digits(y).is_some() {
        (1, lower)
    } else if lower.ends_with("d.") {
        (0, String::new())
    } else {
        (2, String::new())
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::{Options, analyze};
    use crate::check::{CheckOptions, Code, Style, check};

    const LIST: &str = "\n\nReferences\n\nAdler, B. (2009). Fields. Journal of Soils, 2, 1–9.\nBerg, A. (2015). Roots. Journal of Soils, 4, 1–9.\nBerg, A. (2017). Stems. Journal of Soils, 5, 1–9.\nCole, D. (n.d.). Leaves. Journal of Soils, 6, 1–9.\nCole, D. (2001). Bark. Journal of Soils, 7, 1–9.\n";

    fn order_findings(body: &str, style: Style) -> Vec<(String, Option<String>)> {
        // Two groups that keep the alphabetical order, not the dates'.
        let doc = format!(
            "Introduction\n\nSoil holds water (Berg, 2015; Cole, 2001). Stems bend (Adler, 2009; Cole, 2001). {body}{LIST}"
        );
        let a = analyze(&doc, &Options::default());
        check(
            &a,
            &CheckOptions {
                style,
                ..Default::default()
            },
        )
        .into_iter()
        .filter(|d| d.code == Code::CitationOrder)
        .map(|d| {
            let text = a.source.text();
            let fixed = d.fix.map(|f| {
                let e = &f.edits[0];
                format!(
                    "{}{}{}",
                    &text[..e.byte_start],
                    e.replacement,
                    &text[e.byte_end..]
                )
            });
            (text[d.span.clone()].to_string(), fixed)
        })
        .collect()
    }

    #[test]
    fn works_cited_together_run_by_author_then_by_date() {
        let f = order_findings(
            "Roots grow (Berg, 2015; Adler, 2009; Cole, 2001).",
            Style::Apa7,
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, "Adler, 2009");
        let fixed = f[0].1.as_deref().unwrap();
        assert!(
            fixed.contains("(Adler, 2009; Berg, 2015; Cole, 2001)"),
            "{fixed}"
        );
        // One author's works: undated first, then by year.
        let f = order_findings("Roots grow (Cole, 2001; Cole, n.d.).", Style::Apa7);
        assert_eq!(f.len(), 1, "{f:?}");
        let f = order_findings("Roots grow (Berg, 2017; Berg, 2015).", Style::Apa7);
        assert_eq!(f[0].0, "Berg, 2015");
    }

    #[test]
    fn works_in_order_or_apart_or_in_other_styles_raise_nothing() {
        for body in [
            "Roots grow (Adler, 2009; Berg, 2015; Cole, n.d.; Cole, 2001).",
            "Roots grow (Berg, 2015), as Adler (2009) found (Cole, 2001).",
            "Roots grow (Berg, 2015) and (Adler, 2009).",
        ] {
            assert!(order_findings(body, Style::Apa7).is_empty(), "{body}");
        }
        let body = "Roots grow (Berg, 2015; Adler, 2009).";
        assert!(order_findings(body, Style::Harvard).is_empty());
        assert!(order_findings(body, Style::Chicago).is_empty());
    }

    #[test]
    fn a_document_that_orders_by_date_keeps_its_order() {
        let doc = format!(
            "Introduction\n\nSoil holds water (Cole, 2001; Berg, 2015). Stems bend (Cole, 2001; Adler, 2009). Roots grow (Berg, 2015; Adler, 2009).{LIST}"
        );
        let a = analyze(&doc, &Options::default());
        let d = check(&a, &CheckOptions::default());
        assert!(d.iter().all(|d| d.code != Code::CitationOrder), "{d:?}");
        // Unless the user names APA: then its order holds.
        let given = CheckOptions {
            style_given: true,
            ..Default::default()
        };
        assert_eq!(
            check(&a, &given)
                .iter()
                .filter(|d| d.code == Code::CitationOrder)
                .count(),
            3
        );
    }

    #[test]
    fn a_group_with_a_page_is_reported_but_not_reordered() {
        let f = order_findings("Roots grow (Berg, 2015, p. 4; Adler, 2009).", Style::Apa7);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].1.is_none());
    }
}
