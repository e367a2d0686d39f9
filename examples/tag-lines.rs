//! Prints each input line's tokens with their labels (development aid).
use citemap::reference::tagger::{Label, features, tokens};
use std::io::BufRead;
fn main() {
    let m = citemap::reference::tagger::model();
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let toks = tokens::tokenize(&line);
        let mut f = features::Features::default();
        features::extract(&line, &toks, &mut f);
        let tags = m.tag(&f);
        let s: Vec<String> = toks
            .iter()
            .zip(&tags)
            .map(|(r, y)| format!("{}/{}", &line[r.clone()], Label(*y).name()))
            .collect();
        println!("{}\n", s.join(" "));
    }
}
