//! The committed tagger model: it loads, it still scores above its floor on
//! the held-out GROBID evaluation strings, it reads hand-made Harvard entries
//! right, and no input makes it panic.
use citemap::reference::tagger::{self, features, train};
use proptest::prelude::*;

#[test]
fn the_committed_model_scores_above_its_floor_on_held_out_strings() {
    let src = std::fs::read_to_string("data/refs/grobid-evaluation.jsonl").expect("held-out set");
    let recs = train::read_jsonl(&src).expect("valid JSON lines");
    assert!(recs.len() > 300);
    let m = tagger::model();
    let (mut ok, mut all) = (0usize, 0usize);
    for rec in &recs {
        let ex = train::example(rec);
        let got = m.tag(&ex.features);
        all += got.len();
        ok += got.iter().zip(&ex.labels).filter(|(a, b)| a == b).count();
    }
    let acc = ok as f64 / all as f64;
    eprintln!("held-out token accuracy {acc:.4}");
    // The model trained in this commit reaches 0.90; retraining must not
    // fall far below it.
    assert!(acc >= 0.88, "token accuracy {acc:.4} below the floor 0.88");
}

const HARVARD: &str = "\
Barton, L. and Quinn, M. (2019) 'Soil moisture and the timing of spring growth', Journal of Field Ecology, 24(2), pp. 519–536.
Ferris, A. (2016) 'Markets for river water', in Lowe, P. and Stone, R. (eds) Water and the city. 2nd edn. Leeds: Harbour Press, pp. 21–48.
Marlow, T. and Pine, S. (in press). Reading habits of young adults. Journal of Reading Studies.
Okoro, D. (2018). Local councils and flood defence [Doctoral dissertation, University of Exmoor]. Exmoor Research Repository.
Hale, J., & Imre, K. (2022). Sleep and memory in older adults. Journal of Ageing Research, 41, Article 102154.
UN-Habitat (2016) Urban lands and housing. Nairobi: UN-Habitat.
";

#[test]
fn the_tagger_reads_hand_made_harvard_entries_right() {
    let m = tagger::model();
    let refs = citemap::reference::parse_lines_by(HARVARD, |e| {
        citemap::reference::parse::parse_tagged(e, m)
    });
    assert_eq!(refs.len(), 6);
    let (a, b, c, d, e, f) = (&refs[0], &refs[1], &refs[2], &refs[3], &refs[4], &refs[5]);
    assert_eq!(
        a.title.as_deref(),
        Some("Soil moisture and the timing of spring growth")
    );
    assert_eq!(a.container.as_deref(), Some("Journal of Field Ecology"));
    assert_eq!(
        (a.volume.as_deref(), a.issue.as_deref()),
        (Some("24"), Some("2"))
    );
    assert_eq!(a.pages.as_deref(), Some("519–536"));
    assert_eq!(a.kind.names().bibtex, "article");
    assert_eq!(b.container.as_deref(), Some("Water and the city"));
    assert_eq!(b.editors.len(), 2);
    assert_eq!(b.publisher.as_deref(), Some("Harbour Press"));
    assert_eq!(b.location.as_deref(), Some("Leeds"));
    assert_eq!(c.year.as_deref(), Some("in press"));
    assert!(!c.key.contains("nd"), "{}", c.key);
    assert_eq!(d.title.as_deref(), Some("Local councils and flood defence"));
    assert_eq!(d.publisher.as_deref(), Some("University of Exmoor"));
    assert_eq!(e.container.as_deref(), Some("Journal of Ageing Research"));
    assert!(matches!(
        &f.authors[..],
        [citemap::reference::Name::Literal { .. }]
    ));
}

proptest! {
    #[test]
    fn the_tagger_never_panics_and_its_runs_stay_in_the_string(s in "\\PC{0,300}") {
        for seg in tagger::segments(&s) {
            prop_assert!(s.get(seg.span.clone()).is_some());
        }
        let toks = tagger::tokens::tokenize(&s);
        let mut f = features::Features::default();
        features::extract(&s, &toks, &mut f);
        prop_assert_eq!(f.len(), toks.len());
        let lines = format!("{s}\n{s}\n{s}\n");
        let _ = citemap::reference::parse_lines(&lines);
    }
}
