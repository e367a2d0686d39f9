//! A small document for every code that makes `check` report it: what
//! `citemap explain` shows, what the README's section on codes prints, and
//! what a test runs, so that each example is known to work.

use super::{CheckOptions, Code, Diagnostic, Style, check};
use crate::input::{Kind, extract};
use crate::library::Library;
use std::sync::Arc;

/// A document that draws one code, with the library it is checked against.
#[derive(Debug, Clone, Copy)]
pub struct Example {
    /// The document: plain text, or LaTeX when it cites by key.
    pub text: &'static str,
    /// A BibTeX library for it (`--bib library.bib`), or "".
    pub library: &'static str,
    /// Read with `--lossy`, as Latin-1 bytes: the characters from U+0080 to
    /// U+00FF are single bytes that are not UTF-8.
    pub lossy: bool,
}

macro_rules! doc {
    ($body:expr) => {
        concat!("Introduction\n\n", $body, "\n")
    };
    ($body:expr, $($entry:expr),+) => {
        concat!("Introduction\n\n", $body, "\n\nReferences\n\n", $($entry, "\n"),+)
    };
}

const LIBRARY: &str = "@article{berg2015,\n  author = {Berg, A.},\n  title = {Roots and soil},\n  journal = {Journal of Soils},\n  year = {2015}\n}\n";

/// The example for `code`.
pub fn example(code: Code) -> Example {
    let text = |text| Example {
        text,
        library: "",
        lossy: false,
    };
    let keyed = |text, library| Example {
        text,
        library,
        lossy: false,
    };
    match code {
        Code::UnresolvedCitation => text(doc!(
            "Forests store carbon (Lee, 2001), as roots do (Berg, 2015).",
            "Berg, A. (2015). Roots and soil. Journal of Soils, 4(2), 1–9."
        )),
        Code::YearMismatch => text(doc!(
            "Roots store carbon (Berg, 2014).",
            "Berg, A. (2015). Roots and soil. Journal of Soils, 4(2), 1–9."
        )),
        Code::AmbiguousCitation => text(doc!(
            "Roots store carbon (Berg, 2015).",
            "Berg, A. (2015). Roots and soil. Journal of Soils, 4(2), 1–9.",
            "Berg, B. (2015). Leaves and light. Plant Letters, 7, 11–19."
        )),
        Code::MissingYearSuffix => text(doc!(
            "Roots store carbon (Berg, 2015a), and so do leaves (Berg, 2015).",
            "Berg, A. (2015a). Roots and soil. Journal of Soils, 4(2), 1–9.",
            "Berg, A. (2015b). Leaves and light. Plant Letters, 7, 11–19."
        )),
        Code::WrongYearSuffix => text(doc!(
            "Roots store carbon (Berg, 2015a), and so do leaves (Berg, 2015c).",
            "Berg, A. (2015a). Roots and soil. Journal of Soils, 4(2), 1–9.",
            "Berg, A. (2015b). Leaves and light. Plant Letters, 7, 11–19."
        )),
        Code::DuplicateReference => text(doc!(
            "Roots store carbon (Berg, 2015).",
            "Berg, A. (2015). Roots and soil. Journal of Soils, 4(2), 1–9.",
            "Berg, A. (2015). Roots and soil. Journal of Soils, 4(2), 1–9."
        )),
        Code::ProofMarker => text(doc!(
            "Roots store carbon (Berg, 2015).",
            "Berg, A. (2015). Roots and soil AQ2. Journal of Soils, 4(2), 1–9."
        )),
        Code::MergedReferences => text(doc!(
            "Roots store carbon (Berg, 2015), and leaves take light (Cole, 2016).",
            "Berg, A. (2015). Roots and soil. Journal of Soils, 4(2), 1–9. Cole, D. (2016). Leaves and light. Plant Letters, 7, 11–19."
        )),
        Code::NameMismatch => text(doc!(
            "Roots store carbon (Bergh, 2015).",
            "Berg, A. (2015). Roots and soil. Journal of Soils, 4(2), 1–9."
        )),
        Code::UncitedReference => text(doc!(
            "Roots store carbon (Berg, 2015).",
            "Berg, A. (2015). Roots and soil. Journal of Soils, 4(2), 1–9.",
            "Cole, D. (2016). Leaves and light. Plant Letters, 7, 11–19."
        )),
        Code::IncompleteReference => text(doc!(
            "Roots store carbon (Berg, 2015).",
            "Berg, A. (2015). Roots and soil."
        )),
        Code::ReferenceOrder => text(doc!(
            "Leaves take light (Cole, 2016), and roots store carbon (Berg, 2015).",
            "Cole, D. (2016). Leaves and light. Plant Letters, 7, 11–19.",
            "Berg, A. (2015). Roots and soil. Journal of Soils, 4(2), 1–9."
        )),
        Code::EtAlUsage => text(doc!(
            "Roots store carbon (Berg, Cole, & Dunn, 2015).",
            "Berg, A., Cole, D., & Dunn, E. (2015). Roots and soil. Journal of Soils, 4(2), 1–9."
        )),
        Code::ParentheticalAmpersand => text(doc!(
            "Roots store carbon (Berg and Cole, 2015).",
            "Berg, A., & Cole, D. (2015). Roots and soil. Journal of Soils, 4(2), 1–9."
        )),
        Code::FutureYear => text(doc!(
            "Roots store carbon (Berg, 2091).",
            "Berg, A. (2091). Roots and soil. Journal of Soils, 4(2), 1–9."
        )),
        Code::MalformedDoi => text(doc!(
            "Roots store carbon (Berg, 2015).",
            "Berg, A. (2015). Roots and soil. Journal of Soils, 4(2), 1–9. https://doi.org/10.12/abc"
        )),
        Code::SharedDoi => text(doc!(
            "Roots store carbon (Berg, 2015; Cole, 2015).",
            "Berg, A. (2015). Roots and soil. In E. Dunn (Ed.), Soils (pp. 1–9). Field Press. https://doi.org/10.1000/soils",
            "Cole, D. (2015). Leaves and light. In E. Dunn (Ed.), Soils (pp. 11–19). Field Press. https://doi.org/10.1000/soils"
        )),
        Code::StrayNumber => text(doc!(
            "Roots store carbon (Berg, 2015), and leaves take light (Cole, 2016).",
            "Berg, A. (2015). 12 Roots and soil. Journal of Soils, 4(2), 1–9.",
            "Cole, D. (2016). Leaves and light. Plant Letters, 7, 11–19."
        )),
        Code::MissingYear => text(doc!(
            "Roots store carbon (Berg, 2015), and leaves take light (Cole).",
            "Berg, A. (2015). Roots and soil. Journal of Soils, 4(2), 1–9.",
            "Cole, D. Leaves and light. Plant Letters, 7, 11–19."
        )),
        Code::UnsupportedStatistic => text(doc!(
            "Roots store carbon (Berg, 2015).\n\nAbout 40% of soil carbon lies below one metre.",
            "Berg, A. (2015). Roots and soil. Journal of Soils, 4(2), 1–9."
        )),
        Code::UrlWithoutAccessDate => text(doc!(
            "Roots store carbon (Soil Board, 2015).",
            "Soil Board. (2015). Carbon in soils. https://example.org/soils"
        )),
        Code::KeyedCitations => text(doc!(
            "Roots store carbon \\citep{berg2015.",
            "Berg, A. (2015). Roots and soil. Journal of Soils, 4(2), 1–9."
        )),
        Code::NoReferenceList => text(doc!(
            "Roots store carbon (Berg, 2015), and leaves take light (Cole, 2016)."
        )),
        Code::NoCitations => text(doc!(
            "Roots store carbon, and leaves take light.",
            "Berg, A. (2015). Roots and soil. Journal of Soils, 4(2), 1–9."
        )),
        Code::ReplacedByte => Example {
            text: doc!(
                "Roots store carbon in the Pyrénées (Berg, 2015).",
                "Berg, A. (2015). Roots and soil. Journal of Soils, 4(2), 1–9."
            ),
            library: "",
            lossy: true,
        },
        Code::UnknownKey => keyed(doc!("Roots store carbon \\citep{berg2105}."), LIBRARY),
        Code::DuplicateKey => keyed(
            doc!("Roots store carbon \\citep{berg2015}."),
            "@article{berg2015,\n  author = {Berg, A.},\n  title = {Roots and soil},\n  journal = {Journal of Soils},\n  year = {2015}\n}\n@book{berg2015,\n  author = {Berg, A.},\n  title = {Soil},\n  publisher = {Field Press},\n  year = {2015}\n}\n",
        ),
        Code::LibraryMismatch => keyed(
            doc!(
                "Roots store carbon (Berg, 2014).",
                "Berg, A. (2014). Roots and soil. Journal of Soils, 4(2), 1–9."
            ),
            LIBRARY,
        ),
        Code::PageRange => text(doc!(
            "Roots store carbon (Berg, 2015).",
            "Berg, A. (2015). Roots and soil. Journal of Soils, 4(2), 250–120."
        )),
        Code::JournalVariants => text(doc!(
            "Roots store carbon (Berg, 2015), and leaves take light (Cole, 2016).",
            "Berg, A. (2015). Roots and soil. Journal of Applied Ecology, 4(2), 1–9.",
            "Cole, D. (2016). Leaves and light. J. Appl. Ecol., 7, 11–19."
        )),
        Code::DoiForm => text(doc!(
            "Roots store carbon (Berg, 2015).",
            "Berg, A. (2015). Roots and soil. Journal of Soils, 4(2), 1–9. doi:10.1000/roots.15"
        )),
        Code::ListAmpersand => text(doc!(
            "Roots store carbon (Berg & Dahl, 2015), as leaves take light (Cole & Engel, 2016; Falk & Gray, 2017).",
            "Berg, A., & Dahl, K. (2015). Roots and soil. Journal of Soils, 4(2), 1–9.",
            "Cole, D., and Engel, M. (2016). Leaves and light. Plant Letters, 7, 11–19.",
            "Falk, R., & Gray, P. (2017). Stems. Plant Letters, 8, 20–29."
        )),
        Code::PagesPrefix => text(doc!(
            "Roots store carbon (Berg, 2015), as leaves take light (Cole, 2016; Falk, 2017).",
            "Berg, A. (2015). Roots and soil. Journal of Soils, 4(2), 1–9.",
            "Cole, D. (2016). Leaves and light. Plant Letters, 7, pp. 11–19.",
            "Falk, R. (2017). Stems. Plant Letters, 8, 20–29."
        )),
        Code::InitialsSpacing => text(doc!(
            "Roots store carbon (Berg, 2015), as leaves take light (Cole, 2016; Falk, 2017).",
            "Berg, A. J. (2015). Roots and soil. Journal of Soils, 4(2), 1–9.",
            "Cole, D.E. (2016). Leaves and light. Plant Letters, 7, 11–19.",
            "Falk, R. M. (2017). Stems. Plant Letters, 8, 20–29."
        )),
        Code::TitleCase => text(doc!(
            "Roots store carbon (Berg, 2015; Cole, 2016; Dahl, 2017; Engel, 2018).",
            "Berg, A. (2015). Roots and soil in dry forests. Journal of Soils, 4(2), 1–9.",
            "Cole, D. (2016). Leaves and light under the canopy. Plant Letters, 7, 11–19.",
            "Dahl, K. (2017). Water moving through old roots. Plant Letters, 8, 20–29.",
            "Engel, M. (2018). The Hidden Carbon Stores of Northern Peatlands. Plant Letters, 9, 30–39."
        )),
        Code::NoDateForm => text(doc!(
            "Roots store carbon (Berg, n.d.), as leaves take light (Cole, n.d.; Dahl, n.d.).",
            "Berg, A. (n.d.). Roots and soil. Journal of Soils, 4(2), 1–9.",
            "Cole, D. (n.d.). Leaves and light. Plant Letters, 7, 11–19.",
            "Dahl, K. (nd). Stems. Plant Letters, 8, 20–29."
        )),
        Code::YearForm => text(doc!(
            "Roots store carbon (Berg, 2015), as leaves take light (Cole, 2016; Dahl, 2017).",
            "Berg, A. (2015). Roots and soil. Journal of Soils, 4(2), 1–9.",
            "Cole, D. (2016). Leaves and light. Plant Letters, 7, 11–19.",
            "Dahl, K. 2017. Stems. Plant Letters, 8, 20–29."
        )),
        Code::MissingDoi => text(doc!(
            "Roots store carbon (Berg, 2015).",
            "Berg, A. (2015). Roots and soil. Journal of Soils, 4(2), 1–9."
        )),
        Code::CitationOrder => text(doc!(
            "Leaves take light (Berg, 2015; Cole, 2014), roots take water (Berg, 2015; Cole, 2014), and both store carbon (Cole, 2014; Berg, 2015).",
            "Berg, A. (2015). Roots and soil. Journal of Soils, 4(2), 1–9.",
            "Cole, D. (2014). Leaves and light. Plant Letters, 7, 11–19."
        )),
    }
}

impl Example {
    /// Whether the example is LaTeX: it cites by key against its library.
    pub fn is_latex(&self) -> bool {
        self.text.contains("\\cite") && !self.library.is_empty()
    }
}

/// The bytes of the example as a file holds them.
pub fn bytes(ex: &Example) -> Vec<u8> {
    if ex.lossy {
        ex.text
            .chars()
            .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'))
            .collect()
    } else {
        ex.text.as_bytes().to_vec()
    }
}

/// What `check` reports on the example (APA 7, every code on, the
/// opt-in ones too), and the
/// text the findings point into.
pub fn run(ex: &Example) -> (Vec<Diagnostic>, crate::input::Source) {
    let kind = if ex.is_latex() {
        Kind::Latex
    } else {
        Kind::Text
    };
    let (bytes, replaced) = if ex.lossy {
        let (text, replaced) = crate::input::decode_lossy(bytes(ex));
        (text.into_bytes(), replaced)
    } else {
        (ex.text.as_bytes().to_vec(), Vec::new())
    };
    let mut options = crate::Options::default();
    if !ex.library.is_empty() {
        let mut lib = Library::default();
        // The examples' libraries are written here and parse.
        if lib.add("library.bib", ex.library).is_ok() {
            options.library = Some(Arc::new(lib));
        }
    }
    let Ok(mut doc) = extract(bytes, kind, None) else {
        return (Vec::new(), crate::input::Source::new(String::new()));
    };
    doc.replaced = replaced;
    let a = crate::analysis::analyze_owned(doc, &options);
    let diags = check(
        &a,
        &CheckOptions {
            style: Style::Apa7,
            select: crate::check::CODES
                .iter()
                .map(|c| c.code)
                .filter(|c| c.is_opt_in())
                .collect(),
            ..Default::default()
        },
    );
    (diags, a.source)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::CODES;

    #[test]
    fn every_example_draws_its_code() {
        for c in CODES {
            let (diags, _) = run(&example(c.code));
            assert!(
                diags.iter().any(|d| d.code == c.code),
                "{}: {:?}",
                c.name,
                diags
                    .iter()
                    .map(|d| (d.code.name(), &d.message))
                    .collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn the_shared_entry_parses_cleanly() {
        let ex = Example {
            text: doc!(
                "Roots store carbon (Berg, 2015).",
                "Berg, A. (2015). Roots and soil. Journal of Soils, 4(2), 1–9."
            ),
            library: "",
            lossy: false,
        };
        let (d, _) = run(&ex);
        // The entry is a sound one, but has no DOI.
        assert!(d.iter().all(|d| d.code.is_opt_in()), "{d:?}");
    }
}
