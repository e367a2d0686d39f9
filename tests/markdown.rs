//! Markdown input: headings, emphasis and links are understood, and spans
//! still point at the original bytes.

use citemap::{Options, analyze};

const DOC: &str = "\
# Sedges of the south

## Introduction

Sedges are *very* diverse ([Bruhl, 1995](#bruhl)). **Barrett and Wilson (2012)** revised
the genus, see [their review](https://doi.org/10.1071/SB11037).

### Anatomy

Leaf anatomy follows _Metcalfe (1971)_.

## Discussion

Species are many (Barrett, 2013; see also Wilson, 1994).

## References

- Barrett, R. L. (2013). Ecological importance of sedges. *Annals of Botany*, *111*, 499–529.
- Barrett, R. L., & Wilson, K. L. (2012). A review of the genus *Lepidosperma*. *Australian Systematic Botany*, 25, 225–294.
- Bruhl, J. J. (1995). Sedge genera of the world. *Australian Systematic Botany*, 8, 125–305.
- Metcalfe, C. R. (1971). *Anatomy of the monocotyledons*. Clarendon Press.
- Wilson, K. L. (1994). A revision of *Gahnia*. *Telopea*, 5, 491–505.
";

#[test]
fn markdown_structure_citations_and_spans() {
    let a = analyze(DOC, &Options::default());
    let dims: Vec<&str> = a
        .document
        .dimensions
        .iter()
        .map(|d| d.heading.as_str())
        .collect();
    assert_eq!(dims, ["Introduction", "Discussion"]);
    assert_eq!(a.references.len(), 5);
    let r = &a.references[0];
    assert_eq!(r.container.as_deref(), Some("Annals of Botany"));
    assert_eq!(r.volume.as_deref(), Some("111"));
    let texts: Vec<&str> = a.citations.iter().map(|c| a.written(c)).collect();
    assert_eq!(
        texts,
        [
            "Bruhl, 1995",
            "Barrett and Wilson (2012)",
            "Metcalfe (1971)",
            "Barrett, 2013",
            "Wilson, 1994"
        ]
    );
    for c in &a.citations {
        assert!(c.link.reference.is_some(), "{} links", a.written(c));
        let claim = a.claim(c);
        assert!(!claim.contains('*') && !claim.contains("]("), "{claim}");
    }
    // "Anatomy" is a subsection of the Introduction.
    let metcalfe = &a.citations[2];
    assert_eq!(
        a.document.dimensions[metcalfe.dimension.unwrap()].heading,
        "Introduction"
    );
    assert_eq!(
        a.claim(&a.citations[1]),
        "Barrett and Wilson (2012) revised the genus, see their review."
    );
}
