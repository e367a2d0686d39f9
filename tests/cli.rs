//! The command line: outputs parsed back, exit codes, files handled safely.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_citemap");
const CHAPTER: &str = "examples/kassen2016/chapter.txt";

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().expect("run citemap")
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn citemap");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// A fresh folder under the target directory for one test.
fn scratch(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn analyze_json_parses_back_with_the_documented_fields() {
    let v: serde_json::Value = serde_json::from_str(&stdout(&run(&["analyze", CHAPTER]))).unwrap();
    assert_eq!(v["schema"], 1);
    assert_eq!(v["references"].as_array().unwrap().len(), 41);
    assert_eq!(v["citations"].as_array().unwrap().len(), 42);
    let r = &v["references"][0];
    for f in [
        "key",
        "type",
        "line",
        "byte_start",
        "byte_end",
        "raw",
        "authors",
        "year",
        "title",
        "container",
        "volume",
        "issue",
        "pages",
        "publisher",
        "location",
        "url",
        "doi",
        "edition",
        "editors",
        "problems",
    ] {
        assert!(r.get(f).is_some(), "reference field {f}");
    }
    let c = &v["citations"][0];
    for f in [
        "text",
        "byte_start",
        "byte_end",
        "line",
        "column",
        "form",
        "key",
        "match",
        "dimension",
        "claim",
    ] {
        assert!(c.get(f).is_some(), "citation field {f}");
    }
    // Byte spans point into the original file.
    let text = std::fs::read_to_string(CHAPTER).unwrap();
    let (s, e) = (
        c["byte_start"].as_u64().unwrap() as usize,
        c["byte_end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], c["text"].as_str().unwrap());
    let dims: Vec<&str> = v["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert!(dims.contains(&c["dimension"].as_str().unwrap()));
}

#[test]
fn standard_input_is_read_for_a_dash() {
    let doc = "Intro\n\nLand is vast (Harte, 2013).\n\nReferences\n\nHarte, B. (2013). The long gap. Routledge.\n";
    let v: serde_json::Value =
        serde_json::from_str(&stdout(&run_stdin(&["analyze", "-"], doc.as_bytes()))).unwrap();
    assert_eq!(v["citations"][0]["key"], "harte2013long");
}

#[test]
fn regenerating_the_committed_bib_gives_the_same_bytes() {
    let out = stdout(&run(&["bib", CHAPTER]));
    let committed = std::fs::read_to_string("bib/kassen2016.bib").unwrap();
    assert_eq!(out, committed);
}

#[test]
fn the_committed_bib_parses_back_to_the_same_entries() {
    use biblatex::{Bibliography, ChunksExt};
    let text = std::fs::read_to_string("bib/kassen2016.bib").unwrap();
    let bib = Bibliography::parse(&text).expect("valid .bib");
    let a = citemap::analyze(
        &std::fs::read_to_string(CHAPTER).unwrap(),
        &citemap::Options::default(),
    );
    assert_eq!(bib.len(), a.references.len());
    for r in &a.references {
        let e = bib
            .get(&r.key)
            .unwrap_or_else(|| panic!("{} missing", r.key));
        if let Some(t) = &r.title {
            assert_eq!(&e.title().unwrap().format_verbatim(), t, "{}", r.key);
        }
        let authors = e.author().unwrap();
        assert_eq!(authors.len(), r.authors.len(), "{}", r.key);
        assert_eq!(authors[0].name, r.authors[0].citation_name(), "{}", r.key);
        if let Some(u) = &r.url {
            let raw = e
                .get("url")
                .or(e.get("howpublished"))
                .unwrap()
                .format_verbatim();
            assert!(raw.contains(u.as_str()), "{}: {raw}", r.key);
            assert!(!raw.contains("{{"), "{}", r.key);
        }
    }
}

#[test]
fn links_csv_parses_back_one_row_per_citation() {
    let out = stdout(&run(&["links", CHAPTER, "--format", "csv"]));
    let mut rd = csv::Reader::from_reader(out.as_bytes());
    let headers = rd.headers().unwrap().clone();
    assert_eq!(&headers[3], "key");
    let rows: Vec<csv::StringRecord> = rd.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 42);
    assert!(rows.iter().all(|r| !r[3].is_empty() && !r[7].is_empty()));
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&run(&["links", CHAPTER, "--format", "json"]))).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 42);
}

#[test]
fn report_formats_agree() {
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&run(&["report", CHAPTER, "--format", "json"]))).unwrap();
    assert_eq!(json["totals"]["citations"], 42);
    assert_eq!(json["totals"]["uncited"], 0);
    let dims = json["dimensions"].as_array().unwrap();
    let history = dims
        .iter()
        .find(|d| {
            d["heading"]
                .as_str()
                .unwrap()
                .starts_with("The national history")
        })
        .unwrap();
    assert_eq!(history["citations"], 12);

    let csv_out = stdout(&run(&["report", CHAPTER, "--format", "csv"]));
    let mut rd = csv::Reader::from_reader(csv_out.as_bytes());
    let total: usize = rd
        .records()
        .map(Result::unwrap)
        .filter(|r| &r[3] == "TOTAL")
        .map(|r| r[4].parse::<usize>().unwrap())
        .sum();
    assert_eq!(total, 42);

    let m = stdout(&run(&["report", CHAPTER, "--format", "matrix"]));
    let mut rd = csv::Reader::from_reader(m.as_bytes());
    assert_eq!(rd.headers().unwrap().len(), 1 + 41);
    let cells: usize = rd
        .records()
        .map(Result::unwrap)
        .map(|r| {
            r.iter()
                .skip(1)
                .map(|c| c.parse::<usize>().unwrap())
                .sum::<usize>()
        })
        .sum();
    assert_eq!(cells, 42);

    let md = stdout(&run(&["report", CHAPTER, "--format", "md"]));
    assert!(md.contains("## The foreign policy: national interests or global branding?"));
    assert!(!md.contains("outside any dimension"));
}

#[test]
fn reports_count_citations_outside_any_dimension() {
    let doc = "A title\n\nAbstract\n\nWe study water.\n\nMen tend to be taller (Smith, 2007).\n\nMethods\n\nWe measured (Smith, 2007).\n\nReferences\n\nSmith, J. (2007). A title. Nature, 1, 1–2.\n";
    let md = String::from_utf8(run_stdin(&["report", "-"], doc.as_bytes()).stdout).unwrap();
    assert!(
        md.contains("2 citations (2 linked), 0 uncited references. 1 citation is in front matter"),
        "{md}"
    );
    let json: serde_json::Value = serde_json::from_slice(
        &run_stdin(&["report", "-", "--format", "json"], doc.as_bytes()).stdout,
    )
    .unwrap();
    assert_eq!(json["totals"]["outside_dimensions"], 1);
}

#[test]
fn usage_and_io_errors_exit_2_with_one_line() {
    let o = run(&["analyze", "no/such/file.txt"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("citemap: no/such/file.txt"));
    assert!(!err.contains("panicked"));
    assert_eq!(run(&["analyze"]).status.code(), Some(2));
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
    let o = run_stdin(&["analyze", "-"], &[b'a', 0x80, 0x81]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not UTF-8"));
}

#[test]
fn help_has_examples() {
    let out = stdout(&run(&["--help"]));
    assert!(out.contains("Examples:"));
    assert!(out.contains("citemap analyze"));
}

#[test]
fn output_files_are_not_overwritten_without_force() {
    let d = scratch("overwrite");
    let out = d.join("out.bib");
    std::fs::write(&out, "my precious library\n").unwrap();
    let o = run(&["bib", CHAPTER, "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "my precious library\n"
    );
    let o = run(&["bib", CHAPTER, "-o", out.to_str().unwrap(), "--force"]);
    assert!(o.status.success());
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .starts_with("@article{abdrazak2015impact,")
    );
    // No temporary files are left behind.
    assert_eq!(std::fs::read_dir(&d).unwrap().count(), 1);
}

#[test]
fn empty_and_odd_inputs_do_not_fail() {
    for input in [
        "",
        "\n\n\n",
        "((((",
        "References\n",
        "(Smith, 2015)",
        "\u{feff}Title\r\n\r\nText (A, 2001).\r\n",
    ] {
        let o = run_stdin(&["analyze", "-"], input.as_bytes());
        assert!(
            o.status.success(),
            "{input:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let _: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    }
}

#[test]
fn a_dimension_profile_names_the_dimensions() {
    let out = stdout(&run(&[
        "report",
        CHAPTER,
        "--format",
        "json",
        "--dimensions",
        "examples/kassen2016/dimensions.toml",
    ]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let names: Vec<&str> = v["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["heading"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 10);
    assert_eq!(names[0], "Geography");
    assert_eq!(v["totals"]["outside_dimensions"], 0);
    let counts: Vec<u64> = v["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["citations"].as_u64().unwrap())
        .collect();
    assert_eq!(counts, [1, 12, 5, 4, 4, 2, 4, 3, 3, 4]);
}

#[test]
fn a_bad_dimension_profile_is_a_usage_error() {
    let d = scratch("badprofile");
    let p = d.join("p.toml");
    std::fs::write(
        &p,
        "[[dimension]]\nname = \"X\"\nheadings = [\"(unclosed\"]\n",
    )
    .unwrap();
    let o = run(&["analyze", CHAPTER, "--dimensions", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("bad pattern"), "{err}");
    assert_eq!(err.lines().count(), 1);
}

#[test]
fn merging_into_a_library_keeps_every_byte() {
    let d = scratch("merge");
    let lib = d.join("library.bib");
    // Comments, a macro, odd spacing, a quoted value and an entry for a
    // work the chapter also cites (Warf 2013, under another key).
    let original = "% My library -- do not lose this comment\n@string{ rtl = \"Routledge\" }\n\n@Book{ warfMine ,\n   author    =  {Warf, Barney},\n   title= {The Central Asian digital divide},\n\tyear = 2013,\n   publisher = rtl\n}\n\n@comment{ anything at all }\n@article{other2000x, author = \"Other, A.\", title = \"Some paper\", journal = {J}, year = {2000}}\n";
    std::fs::write(&lib, original).unwrap();
    let o = run(&["bib", CHAPTER, "--merge", lib.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("added 40 entries"), "{err}");
    assert!(
        err.contains("warf2013central is already in the library as warfMine"),
        "{err}"
    );
    let merged = std::fs::read_to_string(&lib).unwrap();
    assert!(merged.starts_with(original), "the library's bytes are kept");
    let bib = biblatex::Bibliography::parse(&merged).unwrap();
    assert_eq!(bib.len(), 2 + 40);
    assert!(bib.get("warfMine").is_some() && bib.get("warf2013central").is_none());
    // Merging again adds nothing and leaves the file as it is.
    // Only the user's own entry is named; the forty this run added are
    // counted, not reported again as if they were the user's.
    let o = run(&["bib", CHAPTER, "--merge", lib.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.starts_with("citemap: nothing new for"), "{err}");
    assert!(err.contains("41 already there"), "{err}");
    assert_eq!(err.lines().count(), 2, "{err}");
    assert_eq!(std::fs::read_to_string(&lib).unwrap(), merged);
    // A CRLF library stays CRLF.
    let crlf = d.join("crlf.bib");
    std::fs::write(&crlf, "@misc{x,\r\n  title = {T},\r\n}\r\n").unwrap();
    let o = run(&["bib", CHAPTER, "--merge", crlf.to_str().unwrap()]);
    assert!(o.status.success());
    let text = std::fs::read_to_string(&crlf).unwrap();
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "a bare LF was written"
    );
    // An unreadable library is never touched.
    let bad = d.join("bad.bib");
    std::fs::write(&bad, "@book{broken,\n title = {no end\n").unwrap();
    let o = run(&["bib", CHAPTER, "--merge", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(&bad).unwrap(),
        "@book{broken,\n title = {no end\n"
    );
}

#[test]
fn several_documents_make_one_bibliography_with_unique_keys() {
    let d = scratch("multi");
    let a = d.join("a.txt");
    let b = d.join("b.txt");
    std::fs::write(&a, "Intro\n\nX (Harte, 2013; Lee, 2001).\n\nReferences\n\nLee, K. (2001). A study. Journal, 1, 1–2.\nHarte, B. (2013). The long gap. Routledge.\n").unwrap();
    std::fs::write(&b, "Intro\n\nY (Harte, 2013; Lee, 2001).\n\nReferences\n\nLee, K. (2001). Another study. Other Journal, 2, 3–4.\nHarte, B. (2013). The Long Gap. Routledge.\n").unwrap();
    let out = stdout(&run(&[
        "bib",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--format",
        "csl-json",
    ]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let ids: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["lee2001study", "harte2013long", "lee2001another"]);
    let out = stdout(&run(&[
        "bib",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--key-format",
        "{Auth}{year}",
    ]));
    let keys: Vec<&str> = out.lines().filter(|l| l.starts_with('@')).collect();
    assert_eq!(
        keys,
        [
            "@article{Lee2001a,",
            "@book{Harte2013,",
            "@article{Lee2001b,"
        ]
    );
    assert_eq!(
        run(&["bib", CHAPTER, "--key-format", "{journal}"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn ris_and_csl_json_exports() {
    let ris = stdout(&run(&["bib", CHAPTER, "--format", "ris"]));
    assert_eq!(ris.matches("TY  - ").count(), 41);
    assert_eq!(ris.matches("ER  - \r\n").count(), 41);
    assert!(ris.split('\n').all(|l| l.is_empty() || l.ends_with('\r')));
    let v: serde_json::Value =
        serde_json::from_str(&stdout(&run(&["bib", CHAPTER, "--format", "csl-json"]))).unwrap();
    let items = v.as_array().unwrap();
    assert_eq!(items.len(), 41);
    let center = items.iter().find(|i| i["id"] == "center2014").unwrap();
    assert_eq!(
        center["author"][0]["literal"],
        "The Center of Government Efficiency Evaluation"
    );
    assert_eq!(center["issued"]["date-parts"][0][0], 2014);
    assert_eq!(center["type"], "webpage");
}

#[test]
fn refs_parses_one_reference_a_line() {
    let input = "Barrett, R. L. (2013). Ecological importance of sedges. Annals of Botany, 111, 499–529.\nSmith AB, Jones CD. 2015. A title here. Journal 12:34–56.\n\n";
    let out = stdout(&run_stdin(&["refs", "-"], input.as_bytes()));
    let rows: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 3, "one record per input line, blank ones too");
    assert_eq!(rows[0]["container"], "Annals of Botany");
    assert_eq!(rows[0]["type"], "article");
    assert_eq!(rows[1]["authors"][1]["family"], "Jones");
    assert_eq!(rows[1]["pages"], "34–56");
}

#[test]
fn refs_of_many_identical_lines_ends_with_unique_keys() {
    // A regression: 703 copies of one base key ran the key suffixes out
    // ("zz") and the search for a free key never ended.
    let lines = "Lee, K. (2001). Same. Journal, 1, 1–2.\n".repeat(800) + &"\n".repeat(703);
    let out = stdout(&run_stdin(&["refs", "-"], lines.as_bytes()));
    let keys: std::collections::HashSet<String> = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["key"].to_string())
        .collect();
    assert_eq!(keys.len(), 800 + 703);
}

#[test]
fn carriage_returns_alone_end_lines() {
    // A regression: old Mac line ends (and some PDF extractors) made one
    // line of the whole file, and bib found no references.
    let doc = "Intro\r\rLand is vast (Harte, 2013).\r\rReferences\r\rHarte, B. (2013). The long gap. Routledge.\rLee, K. (2001). A study. Journal, 1, 1–2.\r";
    let out = stdout(&run_stdin(
        &["bib", "-", "--format", "csl-json"],
        doc.as_bytes(),
    ));
    let items: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(items.len(), 2);
    let refs = stdout(&run_stdin(
        &["refs", "-"],
        b"Lee, K. (2001). A.\rHarte, B. (2013). B.\r",
    ));
    assert_eq!(refs.lines().count(), 2);
}

#[test]
fn nothing_to_export_is_said_and_exits_1() {
    let o = run_stdin(&["bib", "-"], b"Intro\n\nNo citations and no list.\n");
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    assert!(String::from_utf8_lossy(&o.stderr).contains("no reference list found in <stdin>"));
    let o = run_stdin(&["refs", "-"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no reference strings found"));
}

#[test]
fn lossy_reading_replaces_bad_bytes_in_place_and_reports_each_run() {
    let doc: &[u8] = b"Intro\n\nText (Lee, 2001) and more \xE9\xE9 here.\n\nReferences\n\nLee, A. (2001). A t\xEFtle. Journal, 3, 1-9.\n";
    let o = run_stdin(&["check", "--lossy", "--format", "json", "-"], doc);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("warning: <stdin>:3:27: 3 byte(s)"), "{err}");
    let found: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let runs: Vec<(u64, u64, u64)> = found
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "replaced-byte")
        .map(|d| {
            (
                d["line"].as_u64().unwrap(),
                d["byte_start"].as_u64().unwrap(),
                d["byte_end"].as_u64().unwrap(),
            )
        })
        .collect();
    // Offsets are the file's own: one "?" for each bad byte.
    let at = |needle: &[u8]| doc.windows(needle.len()).position(|w| w == needle).unwrap() as u64;
    assert_eq!(
        runs,
        [
            (3, at(b"\xE9"), at(b"\xE9") + 2),
            (7, at(b"\xEF"), at(b"\xEF") + 1)
        ]
    );
    // The citation still links: the damage was elsewhere.
    assert!(
        !found
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "unresolved-citation")
    );
    // Without the flag the same file is refused, with the way out named.
    let o = run_stdin(&["check", "-"], doc);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--lossy"));
}

#[test]
fn a_bad_byte_is_named_by_line_and_column_and_utf16_is_read() {
    let o = run_stdin(&["analyze", "-"], b"Intro\n\nbad \xFF here\n");
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("<stdin>:3:5: not UTF-8 text"), "{err}");
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "Intro\n\nLand (Harte, 2013).\n\nReferences\n\nHarte, B. (2013). The long gap. Routledge.\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    let v: serde_json::Value =
        serde_json::from_str(&stdout(&run_stdin(&["analyze", "-"], &utf16))).unwrap();
    assert_eq!(v["citations"][0]["key"], "harte2013long");
}

#[cfg(unix)]
#[test]
fn output_replaces_only_regular_files_and_never_a_link() {
    let d = scratch("writes");
    let out = |p: &std::path::Path, force: bool| {
        let mut args = vec!["bib", CHAPTER, "-o", p.to_str().unwrap()];
        if force {
            args.push("--force");
        }
        run(&args)
    };
    // A directory, a FIFO and a device are never replaced.
    for p in [d.clone(), std::path::PathBuf::from("/dev/null")] {
        let o = out(&p, true);
        assert_eq!(o.status.code(), Some(2), "{}", p.display());
    }
    let fifo = d.join("fifo");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    assert_eq!(out(&fifo, true).status.code(), Some(2));
    {
        use std::os::unix::fs::FileTypeExt;
        assert!(
            std::fs::symlink_metadata(&fifo)
                .unwrap()
                .file_type()
                .is_fifo()
        );
    }
    // A link is refused without --force; with it, its target is written
    // and the link stays a link. A dangling link is refused too.
    let target = d.join("target.bib");
    std::fs::write(&target, "old").unwrap();
    let link = d.join("link.bib");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    assert_eq!(out(&link, false).status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
    assert!(out(&link, true).status.success());
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(std::fs::read_to_string(&target).unwrap().starts_with('@'));
    let dangling = d.join("dangling.bib");
    std::os::unix::fs::symlink(d.join("nowhere.bib"), &dangling).unwrap();
    assert_eq!(out(&dangling, false).status.code(), Some(2));
    // Errors name the user's path, never the temporary file's.
    let o = out(&d.join("no/such/dir/x.bib"), false);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("no/such/dir/x.bib") && !err.contains(".tmp"),
        "{err}"
    );
    // No temporary file is left behind.
    let stray = std::fs::read_dir(&d)
        .unwrap()
        .filter_map(Result::ok)
        .any(|e| e.file_name().to_string_lossy().starts_with(".citemap-"));
    assert!(!stray);
}

#[test]
fn csv_cells_never_run_as_formulas_and_outputs_carry_no_control_characters() {
    let doc = "Intro\n\n=SUM(A1) matters (Harte, 2013).\n\nReferences\n\nHarte, B. (2013). The\u{0} long gap. Routledge.\n";
    let rows = |args: &[&str]| -> Vec<csv::StringRecord> {
        let out = stdout(&run_stdin(args, doc.as_bytes()));
        csv::Reader::from_reader(out.as_bytes())
            .records()
            .map(Result::unwrap)
            .collect()
    };
    let safe = rows(&["links", "-"]);
    assert!(safe[0][7].starts_with("'=SUM(A1)"), "{:?}", safe[0]);
    let raw = rows(&["links", "-", "--csv-formulas"]);
    assert!(raw[0][7].starts_with("=SUM(A1)"), "{:?}", raw[0]);
    for args in [
        &["bib", "-"][..],
        &["bib", "-", "--format", "ris"],
        &["bib", "-", "--format", "csl-json"],
        &["report", "-"],
        &["report", "-", "--format", "html"],
        &["report", "-", "--format", "csv"],
        &["links", "-"],
    ] {
        let out = run_stdin(args, doc.as_bytes()).stdout;
        assert!(!out.contains(&0), "{args:?} wrote a NUL byte");
    }
}

#[test]
fn an_interrupted_write_leaves_neither_a_temporary_file_nor_a_changed_target() {
    let d = scratch("interrupt");
    let out = d.join("out.txt");
    std::fs::write(&out, "the user's file\n").unwrap();
    let temps = || {
        std::fs::read_dir(&d)
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with(".citemap-"))
            .count()
    };
    for signal in ["-TERM", "-INT"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_citemap"))
            .args(["extract", CHAPTER, "--force", "-o", out.to_str().unwrap()])
            .env("CITEMAP_TEST_HOLD_MS", "20000")
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Wait for the temporary file, complete and not yet renamed.
        let mut waited = 0;
        while temps() == 0 && waited < 200 {
            std::thread::sleep(std::time::Duration::from_millis(50));
            waited += 1;
        }
        assert_eq!(temps(), 1, "the write never started");
        let killed = Command::new("kill")
            .args([signal, &child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(130), "{signal}");
        assert_eq!(temps(), 0, "{signal} left the temporary file");
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "the user's file\n");
    }
}

#[test]
fn a_stray_temporary_file_is_named_by_the_next_write_beside_it() {
    let d = scratch("stray");
    let stray = d.join(".citemap-AbC123.tmp");
    std::fs::write(&stray, "half").unwrap();
    let out = d.join("x.bib");
    let o = run(&["bib", CHAPTER, "-o", out.to_str().unwrap()]);
    assert!(o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains(".citemap-AbC123.tmp"), "{err}");
    assert!(err.contains("interrupted"), "{err}");
    // Named, not deleted: it might be another run's.
    assert!(stray.exists());
}
