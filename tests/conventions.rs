//! The conventions of ripgrep and ruff: completions, a man page, `explain`,
//! `--version`, `--stdin-filename`, `--config` and `--no-config`, and
//! settings from `citemap.toml` for every command.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_citemap");

const DOC: &str = "Introduction\n\nRoots store carbon (Berg, 2015), as leaves do (Lee, 2001).\n\nMethods\n\nWe dug (Berg, 2015).\n\nReferences\n\nBerg, A. (2015). Roots and soil. Journal of Soils, 4(2), 1–9.\n";

fn run_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let input = stdin.unwrap_or(b"");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn text(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn completions_for_every_shell_name_the_commands() {
    let d = scratch("completions");
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let o = run_in(&d, &["completions", shell], None);
        assert!(o.status.success(), "{shell}");
        let t = text(&o);
        for cmd in ["analyze", "check", "explain", "lsp"] {
            assert!(t.contains(cmd), "{shell} completion lacks {cmd}");
        }
    }
    let o = run_in(&d, &["completions", "tcsh"], None);
    assert_eq!(o.status.code(), Some(2));
}

/// A reader that stops early (`citemap completions bash | grep -q _citemap`)
/// closes the pipe; the commands that print long texts end quietly with
/// success rather than crash.
#[test]
fn long_outputs_end_quietly_when_the_reader_closes_the_pipe() {
    let d = scratch("closed-pipe");
    for args in [
        &["completions", "bash"][..],
        &["man"][..],
        &["explain", "--all"][..],
    ] {
        let mut child = Command::new(BIN)
            .args(args)
            .current_dir(&d)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Closing the read end at once makes the child's first write fail.
        drop(child.stdout.take());
        let o = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_eq!(o.status.code(), Some(0), "{args:?}: {err}");
    }
}

#[test]
fn man_pages_are_roff_for_citemap_and_each_command() {
    let d = scratch("man");
    let o = run_in(&d, &["man"], None);
    let t = text(&o);
    assert!(
        t.contains(".TH citemap 1") && t.contains(".SH SUBCOMMANDS"),
        "{t}"
    );
    let o = run_in(&d, &["man", "check"], None);
    let t = text(&o);
    assert!(
        t.contains(".TH citemap-check 1") && t.contains("\\-\\-deny"),
        "{t}"
    );
    let o = run_in(&d, &["man", "nosuch"], None);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn explain_lists_explains_and_refuses_unknown_codes() {
    let d = scratch("explain");
    let list = text(&run_in(&d, &["explain"], None));
    assert_eq!(
        list.lines().filter(|l| l.contains("  error  ")).count(),
        citemap::check::CODES
            .iter()
            .filter(|c| c.severity == citemap::check::Severity::Error)
            .count()
    );
    let one = text(&run_in(&d, &["explain", "year-mismatch"], None));
    assert!(one.starts_with("year-mismatch (error)"), "{one}");
    assert!(
        one.contains("example.txt:3:") && one.contains("error[year-mismatch]"),
        "{one}"
    );
    let v: serde_json::Value = serde_json::from_str(&text(&run_in(
        &d,
        &["explain", "doi-form", "--format", "json"],
        None,
    )))
    .unwrap();
    assert_eq!(v["code"], "doi-form");
    assert!(v["fix"].as_str().unwrap().contains("doi.org"));
    assert!(!v["example"]["findings"].as_array().unwrap().is_empty());
    let all: serde_json::Value = serde_json::from_str(&text(&run_in(
        &d,
        &["explain", "--all", "--format", "json"],
        None,
    )))
    .unwrap();
    assert_eq!(all.as_array().unwrap().len(), citemap::check::CODES.len());
    let o = run_in(&d, &["explain", "year-mismach"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("did you mean year-mismatch"));
}

#[test]
fn the_example_an_explanation_prints_gives_the_same_finding_on_the_command_line() {
    // What `explain` shows is what a user who saves the example gets.
    let d = scratch("explain-replay");
    for c in citemap::check::CODES {
        let ex = citemap::check::examples::example(c.code);
        let v: serde_json::Value = serde_json::from_str(&text(&run_in(
            &d,
            &["explain", c.name, "--format", "json"],
            None,
        )))
        .unwrap();
        let name = if v["example"]["command"].as_str().unwrap().contains(".tex") {
            "example.tex"
        } else {
            "example.txt"
        };
        std::fs::write(d.join(name), citemap::check::examples::bytes(&ex)).unwrap();
        std::fs::write(d.join("library.bib"), ex.library).unwrap();
        let command = v["example"]["command"].as_str().unwrap();
        let mut args: Vec<&str> = command.split_whitespace().skip(1).collect();
        args.extend(["--no-config", "--format", "concise"]);
        let out = text(&run_in(&d, &args, None));
        for f in v["example"]["findings"].as_array().unwrap() {
            assert!(out.contains(f.as_str().unwrap()), "{}: {out}", c.name);
        }
    }
}

#[test]
fn version_names_the_commit_when_built_from_git() {
    let d = scratch("version");
    let t = text(&run_in(&d, &["--version"], None));
    assert!(
        t.starts_with(&format!("citemap {}", env!("CARGO_PKG_VERSION"))),
        "{t}"
    );
    let in_git = Command::new("git")
        .args(["rev-parse", "--short=10", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()
        .filter(|o| o.status.success());
    if let Some(o) = in_git {
        let commit = String::from_utf8_lossy(&o.stdout).trim().to_string();
        // The binary may be a commit behind if the build predates it; the
        // form is what matters: "(<10 hex> <date>)".
        let inside = t.split('(').nth(1).unwrap_or("");
        assert_eq!(inside.split(' ').next().unwrap().len(), commit.len(), "{t}");
    }
}

#[test]
fn stdin_filename_names_the_input_chooses_the_reader_and_finds_the_config() {
    let d = scratch("stdin-filename");
    let sub = d.join("chapters");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(
        d.join("citemap.toml"),
        "[check]\nallow = [\"unresolved-citation\"]\n",
    )
    .unwrap();
    let md = DOC
        .replace("Introduction", "# Introduction")
        .replace("Methods", "# Methods")
        .replace("References", "# References");
    // From the chapters folder, the citemap.toml above applies.
    let o = run_in(
        &d,
        &[
            "check",
            "-",
            "--stdin-filename",
            "chapters/paper.md",
            "--format",
            "concise",
        ],
        Some(md.as_bytes()),
    );
    assert!(!text(&o).contains("unresolved-citation"), "{}", text(&o));
    let o = run_in(
        &d,
        &[
            "check",
            "-",
            "--stdin-filename",
            "chapters/paper.md",
            "--format",
            "concise",
            "--no-config",
        ],
        Some(md.as_bytes()),
    );
    let t = text(&o);
    assert!(t.starts_with("chapters/paper.md:3:"), "{t}");
    // The extension chooses Markdown: the outline has its two sections.
    let o = run_in(
        &d,
        &[
            "outline",
            "-",
            "--stdin-filename",
            "x.md",
            "--format",
            "json",
        ],
        Some(md.as_bytes()),
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v.to_string().contains("Methods"), "{v}");
    // Without the flag, standard input is "<stdin>".
    let o = run_in(
        &d,
        &["check", "-", "--format", "concise", "--no-config"],
        Some(md.as_bytes()),
    );
    assert!(text(&o).starts_with("<stdin>:"), "{}", text(&o));
}

#[test]
fn config_flag_isolated_and_settings_for_every_command() {
    let d = scratch("config-flag");
    std::fs::write(d.join("paper.txt"), DOC).unwrap();
    std::fs::write(
        d.join("other.toml"),
        "[document]\ndimension-level = 1\n[check]\nallow = [\"unresolved-citation\"]\n[bib]\nformat = \"ris\"\nkey-format = \"{auth}{year}\"\n",
    )
    .unwrap();
    let o = run_in(
        &d,
        &[
            "check",
            "paper.txt",
            "--config",
            "other.toml",
            "--format",
            "concise",
        ],
        None,
    );
    assert!(!text(&o).contains("unresolved-citation"), "{}", text(&o));
    // [bib] applies to `bib`; a flag wins over it.
    let o = run_in(&d, &["bib", "paper.txt", "--config", "other.toml"], None);
    let t = text(&o);
    assert!(t.starts_with("TY  - JOUR"), "{t}");
    assert!(t.contains("ID  - berg2015\r\n"), "{t}");
    let o = run_in(
        &d,
        &[
            "bib",
            "paper.txt",
            "--config",
            "other.toml",
            "--format",
            "bibtex",
        ],
        None,
    );
    assert!(text(&o).starts_with("@article{berg2015,"), "{}", text(&o));
    // --isolated is --no-config, and the two conflict with --config.
    let o = run_in(
        &d,
        &["check", "paper.txt", "--isolated", "--format", "concise"],
        None,
    );
    assert!(text(&o).contains("unresolved-citation"));
    let o = run_in(
        &d,
        &["check", "paper.txt", "--isolated", "--config", "other.toml"],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    // [document] dimension-level = 2 from the nearest citemap.toml makes
    // the (absent) second level the dimensions: no citation has one.
    std::fs::write(d.join("citemap.toml"), "[document]\ndimension-level = 2\n").unwrap();
    let o = run_in(&d, &["links", "paper.txt", "--format", "json"], None);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .all(|c| c["dimension"].is_null()),
        "{v}"
    );
    let o = run_in(
        &d,
        &[
            "links",
            "paper.txt",
            "--format",
            "json",
            "--dimension-level",
            "1",
        ],
        None,
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[0]["dimension"], "introduction", "{v}");
}

#[test]
fn a_bad_config_is_named_once_and_relative_with_its_line() {
    let d = scratch("config-error");
    let sub = d.join("docs");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(sub.join("paper.txt"), DOC).unwrap();
    std::fs::write(
        sub.join("citemap.toml"),
        "[check]\n\nstyle = \"mla\"\n[bib]\nformat = 3\n",
    )
    .unwrap();
    let o = run_in(&d, &["check", "docs/paper.txt"], None);
    assert_eq!(o.status.code(), Some(2));
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(e.starts_with("citemap: docs/citemap.toml: line 5: "), "{e}");
    assert_eq!(e.matches("citemap.toml").count(), 1, "{e}");
    assert!(
        !e.contains(&*d.display().to_string()),
        "no absolute path: {e}"
    );
}
