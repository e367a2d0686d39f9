//! Structure: headings, paragraphs, the reference region and dimensions.
//!
//! The input is a list of lines. Blank lines separate blocks. Blocks that are
//! page furniture (page numbers, running headers, figure and table captions)
//! are dropped, and paragraphs that a page break cut in two are joined again.
//! Headings are recognised by shape, and their level is inferred from
//! Markdown markers, numbering ("2.1"), the usual names of top-level sections
//! ("Introduction", "Methods"), or, in documents that have none of these,
//! from repetition: a heading that recurs in every section ("Consequences",
//! "Main points of …") is a subsection, not a dimension.

mod blocks;
mod dimensions;
mod headings;
mod paragraphs;
mod region;

use crate::input::{Format, Source};
use crate::profile::Profile;
use crate::text::{Mapped, Removed};
use std::ops::Range;

/// A heading of the document.
#[derive(Debug, Clone)]
pub struct Heading {
    /// The heading text, cleaned (Markdown markers removed).
    pub text: String,
    /// Byte span in the original input.
    pub span: Range<usize>,
    /// True for a top-level heading.
    pub top: bool,
    /// Its level: 1 for the top level, 2 and more below it, 0 above it (a
    /// document title, a part).
    pub level: usize,
    /// The evidence for its level, for `citemap outline`.
    pub reason: String,
}

/// A paragraph of body text.
#[derive(Debug, Clone)]
pub struct Paragraph {
    /// Clean text with its map back to the original.
    pub text: Mapped,
    /// Index into [`Document::dimensions`] of the dimension it sits in.
    pub dimension: Option<usize>,
}

/// A dimension: a top-level section of the document.
#[derive(Debug, Clone)]
pub struct Dimension {
    /// Stable identifier derived from the heading.
    pub id: String,
    /// The heading as written.
    pub heading: String,
    /// Byte span of the heading in the original input.
    pub span: Range<usize>,
}

/// The structure of a document.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// Every heading, in order.
    pub headings: Vec<Heading>,
    /// Body paragraphs, in order.
    pub paragraphs: Vec<Paragraph>,
    /// Top-level sections.
    pub dimensions: Vec<Dimension>,
    /// Original line ranges of the reference list, page furniture removed.
    pub reference_lines: Vec<Range<usize>>,
    /// Span of the reference list heading, when there is one.
    pub reference_heading: Option<Range<usize>>,
    /// Proof marks and similar leftovers removed from the body.
    pub removed: Vec<Removed>,
    /// Evidence: the rule that decided which headings are top level
    /// ("markdown", "numbering", "typography", "research-sections",
    /// "recurring-names").
    pub level_rule: Option<&'static str>,
}

/// Analyses the structure of a document: blocks and their furniture, the
/// reference region, paragraphs, headings and their levels, dimensions.
pub fn analyze(src: &Source, format: Format, profile: Option<&Profile>) -> Document {
    analyze_at(src, format, profile, 1)
}

/// [`analyze`], with the sections at heading level `dimension_level` (1
/// for the top level) as the dimensions: a book's chapters, or a
/// chapter's subsections.
pub fn analyze_at(
    src: &Source,
    format: Format,
    profile: Option<&Profile>,
    dimension_level: usize,
) -> Document {
    let text = src.text();
    let mut bs = blocks::blocks(src);
    let markdown = blocks::detect_markdown(text, &mut bs, format);
    blocks::mark_furniture(text, &mut bs);
    let mut doc = Document::default();
    let body_end = region::find(text, &bs, &mut doc);
    let texts = paragraphs::join_page_breaks(text, &bs[..body_end.min(bs.len())]);
    let (items, levels) = headings::classify(text, texts, markdown);
    let (tops, rule) = headings::top_levels(&levels, markdown);
    doc.level_rule = Some(rule);
    let explained = headings::explain(&levels, &tops, rule);
    doc.headings = levels
        .iter()
        .zip(&tops)
        .zip(explained)
        .map(|((h, top), (level, reason))| Heading {
            text: h.text.clone(),
            span: h.span.clone(),
            top: *top,
            level,
            reason,
        })
        .collect();
    let depth: Vec<usize> = doc.headings.iter().map(|h| h.level).collect();
    dimensions::assign(
        src.shared(),
        items,
        &depth,
        dimension_level.max(1),
        profile,
        &mut doc,
    );
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(s: &str) -> (Source, Document) {
        let src = Source::new(s);
        let d = analyze(&src, Format::Auto, None);
        (src, d)
    }

    #[test]
    fn rejoins_a_paragraph_cut_by_a_page_break_and_drops_the_page_number() {
        let (_, d) = doc(
            "Intro\n\nThe land is large and\n\n\n\n12\n\n\n\nsparsely populated (Smith, 2010).\n",
        );
        assert_eq!(d.paragraphs.len(), 1);
        assert_eq!(
            d.paragraphs[0].text.as_str(),
            "The land is large and sparsely populated (Smith, 2010)."
        );
    }

    #[test]
    fn a_page_break_inside_a_citation_neither_makes_a_heading_nor_splits_it() {
        let (_, d) = doc(
            "Intro\n\nThe first claim holds (Ross 2001).\n\nThe second claim is supported (Board of Soil Survey Experts\n\n\n4\n\n\n1996). The third follows.\n",
        );
        assert_eq!(d.headings.len(), 1, "{:?}", d.headings);
        assert_eq!(d.paragraphs.len(), 2);
        assert_eq!(
            d.paragraphs[1].text.as_str(),
            "The second claim is supported (Board of Soil Survey Experts 1996). The third follows."
        );
    }

    #[test]
    fn drops_captions_and_their_source_lines() {
        let (_, d) = doc(
            "Intro\n\nText goes on with the\n\nFigure 2.1 A map\n\nSource: own illustration\n\nrise of movements.\n",
        );
        assert_eq!(d.paragraphs.len(), 1);
        assert_eq!(
            d.paragraphs[0].text.as_str(),
            "Text goes on with the rise of movements."
        );
    }

    #[test]
    fn an_unheaded_introduction_after_the_abstract_has_no_dimension() {
        let s = "A title\n\nAbstract\n\nBackground: Why it matters.\n\nMethods We counted.\n\nConclusion: It works.\n\nMen tend to be taller (Smith, 2007).\n\nMethods\n\nWe measured (Jones, 2001).\n";
        let (_, d) = doc(s);
        let dims: Vec<Option<&str>> = d
            .paragraphs
            .iter()
            .map(|p| p.dimension.map(|i| d.dimensions[i].heading.as_str()))
            .collect();
        assert_eq!(
            dims,
            [
                Some("Abstract"),
                Some("Abstract"),
                Some("Abstract"),
                None,
                Some("Methods")
            ]
        );
    }

    #[test]
    fn a_summary_after_the_body_keeps_all_its_paragraphs() {
        let s = "Introduction\n\nText one (Smith, 2007).\n\nSummary\n\nFirst point.\n\nSecond point (Jones, 2001).\n";
        let (_, d) = doc(s);
        assert!(d.paragraphs[1..].iter().all(|p| p.dimension == Some(1)));
    }

    fn top_headings(s: &str) -> Vec<String> {
        let (_, d) = doc(s);
        d.dimensions.iter().map(|x| x.heading.clone()).collect()
    }

    #[test]
    fn a_bodyless_heading_between_sections_opens_a_section() {
        let s = "Introduction\n\nText one.\n\nTraits of the economy\n\nA picture\n\nText two.\n\nThe tax\n\nText three.\n\nMethods\n\nText four.\n\nResults\n\nText five.\n";
        assert_eq!(
            top_headings(s),
            [
                "Introduction",
                "Traits of the economy",
                "Methods",
                "Results"
            ]
        );
    }

    #[test]
    fn title_case_sections_over_sentence_case_subsections() {
        // An essay without numbering or conventional names: the case of
        // the headings tells the levels apart.
        let s = "Introduction\n\nText.\n\nRiver Basins and Their Floods\n\nText.\n\nSpring floods in the north\n\nText.\n\nAutumn floods in the south\n\nText.\n\nWhat Drives Coastal Erosion?\n\nText.\n\nSand supply and storms\n\nText.\n\nSea walls and their limits\n\nText.\n\nConclusion\n\nText.\n";
        assert_eq!(doc(s).1.level_rule, Some("typography"));
        assert_eq!(
            top_headings(s),
            [
                "Introduction",
                "River Basins and Their Floods",
                "What Drives Coastal Erosion?",
                "Conclusion"
            ]
        );
    }

    #[test]
    fn questions_that_open_alike_are_not_a_series_of_subsections() {
        // Three headings named as a series ("Case study: …") are the
        // subsections of the one before them; three questions that open
        // alike ("What drives …?") are sections like any other.
        let series = "Floods in the river basins\n\nText.\n\nCase study: the north\n\nText.\n\nCase study: the south\n\nText.\n\nCase study: the east\n\nText.\n\nErosion along the coast\n\nText.\n";
        assert_eq!(
            top_headings(series),
            ["Floods in the river basins", "Erosion along the coast"]
        );
        let questions = "Floods in the river basins\n\nText.\n\nWhat drives spring floods?\n\nText.\n\nWhat drives coastal erosion?\n\nText.\n\nWhat drives the droughts?\n\nText.\n\nErosion along the coast\n\nText.\n";
        assert_eq!(top_headings(questions).len(), 5);
    }

    #[test]
    fn a_case_that_only_recurring_headings_use_is_not_the_top_level() {
        // "CAUSES" and "EFFECTS" recur in every section: they are the
        // subsections, whatever their case.
        let s = "Floods in the river basins\n\nText.\n\nCAUSES\n\nText.\n\nEFFECTS\n\nText.\n\nErosion along the coast\n\nText.\n\nCAUSES\n\nText.\n\nEFFECTS\n\nText.\n\nDroughts in the interior\n\nText.\n\nCAUSES\n\nText.\n\nEFFECTS\n\nText.\n";
        assert_eq!(
            top_headings(s),
            [
                "Floods in the river basins",
                "Erosion along the coast",
                "Droughts in the interior"
            ]
        );
    }

    #[test]
    fn capitals_mark_the_top_level_when_the_conventional_sections_use_them() {
        let s = "Abstract\n\nWe study.\n\nINTRODUCTION\n\nText.\n\nMETHOD\n\nText.\n\nMethod of analysis\n\nText.\n\nDATA ANALYSIS\n\nText.\n\nThe corrupt organisation\n\nText.\n\nDISCUSSION\n\nText.\n";
        assert_eq!(
            top_headings(s),
            [
                "Abstract",
                "INTRODUCTION",
                "METHOD",
                "DATA ANALYSIS",
                "DISCUSSION"
            ]
        );
    }

    #[test]
    fn conventional_names_are_whole_headings() {
        let s = "Introduction\n\nText.\n\nMethods\n\nText.\n\nMethod of analysis\n\nText.\n\nData and imputations\n\nText.\n\nResults and discussion\n\nText.\n\nConclusions and policy implications\n\nText.\n";
        assert_eq!(
            top_headings(s),
            [
                "Introduction",
                "Methods",
                "Results and discussion",
                "Conclusions and policy implications"
            ]
        );
    }

    #[test]
    fn numbered_headings_decide_the_top_level() {
        let (_, d) = doc(
            "Title of it\n\n1. Introduction\n\nSome text here.\n\n1.1 Detail\n\nMore text.\n\n2. Method\n\nText.\n",
        );
        let tops: Vec<&str> = d.dimensions.iter().map(|x| x.heading.as_str()).collect();
        assert_eq!(tops, ["1. Introduction", "2. Method"]);
        assert_eq!(d.paragraphs[1].dimension, Some(0));
    }

    #[test]
    fn an_essay_has_its_own_sections_between_introduction_and_conclusion() {
        let s = "Animation and cinema\n\nIntroduction\n\nText one.\n\nThe optical theatre\n\nText two.\n\nCartoons and film theory\n\nText three.\n\nConclusion\n\nText four.\n";
        let (_, d) = doc(s);
        let tops: Vec<&str> = d.dimensions.iter().map(|x| x.heading.as_str()).collect();
        assert_eq!(
            tops,
            [
                "Introduction",
                "The optical theatre",
                "Cartoons and film theory",
                "Conclusion"
            ]
        );
        // A research article nests them under its conventional sections.
        let s = "Introduction\n\nText.\n\nMethods\n\nText.\n\nStudy area\n\nText.\n\nResults\n\nText.\n";
        let (_, d) = doc(s);
        let tops: Vec<&str> = d.dimensions.iter().map(|x| x.heading.as_str()).collect();
        assert_eq!(tops, ["Introduction", "Methods", "Results"]);
    }

    #[test]
    fn the_only_heading_after_the_introduction_is_a_section() {
        let s = "Introduction\n\nText.\n\nThe river basin\n\nText.\n\nMethods\n\nText.\n\nResults\n\nText.\n";
        assert_eq!(
            top_headings(s),
            ["Introduction", "The river basin", "Methods", "Results"]
        );
        // Two headings divide the introduction.
        let s = "Introduction\n\nText.\n\nAims of the work\n\nText.\n\nScope of the work\n\nText.\n\nMethods\n\nText.\n\nResults\n\nText.\n";
        assert_eq!(top_headings(s), ["Introduction", "Methods", "Results"]);
        // An introduction that starts straight with its subsection has no
        // text to place the lone heading after.
        let s =
            "Introduction\n\nAims of the work\n\nText.\n\nMethods\n\nText.\n\nResults\n\nText.\n";
        assert_eq!(top_headings(s), ["Introduction", "Methods", "Results"]);
    }

    #[test]
    fn an_introduction_without_text_is_the_parent_of_the_headings_after_it() {
        let s = "A study of rivers\n\nIntroduction\n\nAims of the work\n\nText.\n\nScope of the work\n\nText.\n\nThe flood plain\n\nSoil of the plain\n\nText.\n\nWater of the plain\n\nText.\n";
        assert_eq!(top_headings(s), ["Introduction", "The flood plain"]);
        // A heading of its own name there is still the title's subtitle or a
        // part, not a parent.
        let s = "A study of rivers\n\nWater in the north\n\nAims of the work\n\nText.\n\nScope of the work\n\nText.\n";
        assert!(!top_headings(s).contains(&"Water in the north".to_string()));
    }

    #[test]
    fn a_title_before_the_first_section_is_above_the_sections() {
        let s =
            "A study of rivers\n\nIntroduction\n\nText.\n\nMethods\n\nText.\n\nResults\n\nText.\n";
        let (_, d) = doc(s);
        let title = &d.headings[0];
        assert_eq!((title.top, title.level), (false, 0));
        assert!(title.reason.contains("title"), "{}", title.reason);
        assert_eq!(d.headings[1].level, 1);
    }

    #[test]
    fn the_first_section_shows_the_top_case_and_the_title_does_not() {
        // A sentence-cased title without text, sentence-cased sections and
        // fewer title-cased subsections: the first section, not the
        // rarer case, tells which case is the top level's.
        let s = "A study of floods and droughts\n\nFloods in the north\n\nText.\n\nSpring Melt and Rain\n\nText.\n\nAutumn Storms at Sea\n\nText.\n\nErosion along the coast\n\nText.\n\nDroughts in the interior\n\nText.\n\nWater and its policy\n\nText.\n";
        assert_eq!(doc(s).1.level_rule, Some("typography"));
        assert_eq!(
            top_headings(s),
            [
                "Floods in the north",
                "Erosion along the coast",
                "Droughts in the interior",
                "Water and its policy"
            ]
        );
        // One title-cased heading among them is no level of its own.
        let s = "A study of floods and droughts\n\nFloods in the north\n\nText.\n\nClimate Change\n\nText.\n\nErosion along the coast\n\nText.\n\nDroughts in the interior\n\nText.\n";
        assert_ne!(doc(s).1.level_rule, Some("typography"));
        assert!(top_headings(s).contains(&"Climate Change".to_string()));
        // A heading that recurs in the first section's case shows that case
        // holds subsections too: no typography, and the recurring heading
        // stays under each section.
        let s = "A study of land and people\n\nThe land: large\n\nText.\n\nMain points of the land\n\nText.\n\nLessons for policy\n\nText.\n\nWORRIES\n\nText.\n\nThe people: many\n\nText.\n\nMain points of the people\n\nText.\n\nLessons for policy\n\nText.\n\nWORRIES\n\nText.\n";
        assert_ne!(doc(s).1.level_rule, Some("typography"));
        let tops = top_headings(s);
        assert!(tops.contains(&"The people: many".to_string()));
        assert!(!tops.contains(&"Lessons for policy".to_string()));
    }

    #[test]
    fn recurring_subheadings_are_not_dimensions() {
        let s = "Part one of it\n\nThe land: large\n\nText.\n\nMain points of the land\n\nText.\n\nConsequences\n\nText.\n\nThe people: many\n\nText.\n\nMain points of the people\n\nText.\n\nConsequences\n\nText.\n\nThe money: little\n\nText.\n\nMain points\n\nText.\n";
        let (_, d) = doc(s);
        let tops: Vec<&str> = d.dimensions.iter().map(|x| x.heading.as_str()).collect();
        assert_eq!(
            tops,
            ["The land: large", "The people: many", "The money: little"]
        );
    }

    #[test]
    fn finds_the_reference_list_and_its_end() {
        let s = "Intro\n\nText (A, 2000).\n\nReferences\n\nA, B. (2000). T. J, 1, 2.\nC, D. (2001). U. Press.\n\nAppendix\n\nMore.\n";
        let (src, d) = doc(s);
        let lines: Vec<&str> = d
            .reference_lines
            .iter()
            .map(|l| &src.text()[l.clone()])
            .collect();
        assert_eq!(
            lines,
            ["A, B. (2000). T. J, 1, 2.", "C, D. (2001). U. Press."]
        );
    }

    #[test]
    fn a_profile_starts_dimensions_at_matching_headings_at_any_level() {
        let p = Profile::from_toml("[[dimension]]\nname = \"Land\"\nheadings = [\"(?i)land\"]\n")
            .unwrap();
        let src = Source::new(
            "1. Intro\n\nA (X, 2000).\n\n1.1 The land\n\nB (Y, 2001).\n\n2. Conclusion\n\nC (Z, 2002).\n",
        );
        let d = analyze(&src, Format::Auto, Some(&p));
        assert_eq!(d.dimensions.len(), 1);
        assert_eq!(d.dimensions[0].heading, "Land");
        let dims: Vec<Option<usize>> = d.paragraphs.iter().map(|p| p.dimension).collect();
        assert_eq!(dims, [None, Some(0), None]);
    }

    #[test]
    fn markdown_headings_use_their_level() {
        let (_, d) =
            doc("# Title\n\n## Intro\n\nText *x*.\n\n### Sub\n\nMore.\n\n## End\n\nLast.\n");
        let tops: Vec<&str> = d.dimensions.iter().map(|x| x.heading.as_str()).collect();
        assert_eq!(tops, ["Intro", "End"]);
        assert_eq!(d.paragraphs[0].text.as_str(), "Text x.");
    }

    #[test]
    fn running_headers_next_to_page_numbers_are_dropped() {
        let s = "Intro\n\nFirst part of the sentence that goes on for quite a while so it is long enough\n\n\n3\n\n\nJ. Stud. 5(2), 2020\n\nand ends here.\n";
        let (_, d) = doc(s);
        assert_eq!(d.paragraphs.len(), 1);
        assert!(
            d.paragraphs[0]
                .text
                .as_str()
                .ends_with("enough and ends here.")
        );
    }

    #[test]
    fn a_head_seen_once_inside_a_sentence_that_runs_on_is_furniture() {
        for (end, next) in [("carried on", "across the page."), ("(Ames,", "1999).")] {
            let s = format!(
                "Intro\n\nSome text that is {end}\n\n\n7\n\n\nBulletin of Field Notes 2(1)\n\n{next}\n"
            );
            let (_, d) = doc(&s);
            let ps: Vec<&str> = d.paragraphs.iter().map(|p| p.text.as_str()).collect();
            assert_eq!(ps.len(), 1, "{ps:?}");
            assert!(d.paragraphs[0].text.as_str().ends_with(next));
            assert_eq!(d.dimensions.len(), 1);
        }
        // A head before a new sentence is left alone: nothing says it is
        // furniture.
        let s = "Intro\n\nSome text.\n\n\n7\n\n\nA new section\n\nIt starts here.\n";
        let (_, d) = doc(s);
        assert_eq!(d.dimensions.len(), 2);
    }

    #[test]
    fn a_heading_without_text_mid_document_is_a_part_or_a_parent_by_what_follows() {
        // Followed by leaves: their parent, and they are its subsections.
        let s = "Title of it\n\nOne topic\n\nText.\n\nOther topic\n\nText.\n\nLast topic\n\nA part\n\nText.\n\nB part\n\nText.\n";
        let (_, d) = doc(s);
        let tops: Vec<&str> = d.dimensions.iter().map(|x| x.heading.as_str()).collect();
        assert_eq!(tops, ["One topic", "Other topic", "Last topic"]);
        // Followed by sections with subsections of their own: a part title.
        let s = "One topic\n\nText.\n\nThe parts\n\nThe land: large\n\nText.\n\nConsequences\n\nText.\n\nThe sea: deep\n\nText.\n\nConsequences\n\nText.\n";
        let (_, d) = doc(s);
        let tops: Vec<&str> = d.dimensions.iter().map(|x| x.heading.as_str()).collect();
        assert_eq!(tops, ["One topic", "The land: large", "The sea: deep"]);
    }
}
