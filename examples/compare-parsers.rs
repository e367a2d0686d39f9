//! Parses reference strings (one a line) with the rules and with the
//! tagger, and writes OUT.rules.jsonl, OUT.tagger.jsonl and OUT.meta.jsonl
//! (each entry's tail rule and problems), to measure where each wins
//! (development aid).
use citemap::reference::{parse, parse_lines_by, tagger};
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let src = std::fs::read_to_string(&args[0])?;
    let out = &args[1];
    let rules = parse_lines_by(&src, parse::parse_rules);
    let tagged = parse_lines_by(&src, |e| parse::parse_tagged(e, tagger::model()));
    citemap::render::json::write_fields(
        &rules,
        std::fs::File::create(format!("{out}.rules.jsonl"))?,
    )?;
    citemap::render::json::write_fields(
        &tagged,
        std::fs::File::create(format!("{out}.tagger.jsonl"))?,
    )?;
    let mut meta = String::new();
    for r in &rules {
        let probs: Vec<&str> = r.problems.iter().map(|p| p.kind.name()).collect();
        meta += &serde_json::json!({"tail_rule": r.tail_rule, "problems": probs}).to_string();
        meta.push('\n');
    }
    std::fs::write(format!("{out}.meta.jsonl"), meta)?;
    Ok(())
}
