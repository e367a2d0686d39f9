//! The CI integrations run as CI would run them: the composite action's
//! steps (`action.yml`) and the pre-commit hooks (`.pre-commit-hooks.yaml`),
//! each command taken from the file and run here against the built binary.

use std::path::{Path, PathBuf};
use std::process::Command;
use yaml_rust2::{Yaml, YamlLoader};

const BIN: &str = env!("CARGO_BIN_EXE_citemap");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A document with an unresolved citation and a proof mark in its list.
const DOC: &str = "Introduction\n\nRoots store carbon (Berg, 2015), as leaves do (Lee, 2001).\n\nReferences\n\nBerg, A. (2015). Roots and soil AQ2. Journal of Soils, 4(2), 1–9.\n";

fn scratch(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn load(file: &str) -> Yaml {
    let text = std::fs::read_to_string(Path::new(ROOT).join(file)).unwrap();
    YamlLoader::load_from_str(&text)
        .unwrap()
        .into_iter()
        .next()
        .unwrap()
}

/// PATH with the built binary first, as after the install step.
fn path_with_binary() -> String {
    let dir = Path::new(BIN).parent().unwrap();
    format!(
        "{}:{}",
        dir.display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

/// `${{ inputs.x }}` and `${{ github.action_path }}` replaced.
fn expand(s: &str, inputs: &[(&str, String)]) -> String {
    let mut out = s.replace("${{ github.action_path }}", ROOT);
    for (k, v) in inputs {
        out = out.replace(&format!("${{{{ inputs.{k} }}}}"), v);
    }
    assert!(
        !out.contains("${{"),
        "an expression the test does not know: {out}"
    );
    out
}

/// A step's `if:` of the forms the action uses: `always()`, `inputs.x ==
/// 'v'`, `inputs.x != 'v'`, joined by `&&`.
fn condition(expr: &str, inputs: &[(&str, String)]) -> bool {
    expr.split("&&").all(|term| {
        let term = term.trim();
        if term == "always()" {
            return true;
        }
        let (lhs, rhs, eq) = match term.split_once("==") {
            Some((l, r)) => (l, r, true),
            None => {
                let (l, r) = term.split_once("!=").expect("== or !=");
                (l, r, false)
            }
        };
        let name = lhs.trim().strip_prefix("inputs.").expect("an input");
        let value = &inputs
            .iter()
            .find(|(k, _)| *k == name)
            .expect("a known input")
            .1;
        (value == rhs.trim().trim_matches('\'')) == eq
    })
}

#[test]
fn the_composite_action_runs_its_steps_and_reports_through_github_and_sarif() {
    let action = load("action.yml");
    let d = scratch("action");
    std::fs::write(d.join("paper.txt"), DOC).unwrap();
    let sarif = d.join("out.sarif");
    let output = d.join("github_output");
    std::fs::write(&output, "").unwrap();
    // Every input the action declares gets its default, then the test's.
    let mut inputs: Vec<(&str, String)> = Vec::new();
    let declared = action["inputs"].as_hash().unwrap();
    for (k, v) in declared {
        let default = v["default"].as_str().unwrap_or("").to_string();
        inputs.push((k.as_str().unwrap(), default));
    }
    for (k, v) in [
        ("paths", "paper.txt".to_string()),
        ("args", "--no-config".to_string()),
        ("sarif-file", sarif.display().to_string()),
        ("install", "false".to_string()),
    ] {
        inputs.iter_mut().find(|(n, _)| *n == k).expect(k).1 = v;
    }
    let mut ran = Vec::new();
    let mut stdout = String::new();
    let mut status = None;
    for step in action["runs"]["steps"].as_vec().unwrap() {
        let name = step["name"].as_str().unwrap().to_string();
        if let Some(cond) = step["if"].as_str()
            && !condition(cond, &inputs)
        {
            continue;
        }
        let Some(script) = step["run"].as_str() else {
            // A `uses:` step (the SARIF upload) runs only on GitHub.
            assert!(step["uses"].as_str().is_some(), "{name}");
            continue;
        };
        assert_eq!(step["shell"].as_str(), Some("bash"), "{name}");
        let o = Command::new("bash")
            .args(["-e", "-c", &expand(script, &inputs)])
            .current_dir(&d)
            .env("PATH", path_with_binary())
            .env("GITHUB_OUTPUT", &output)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        stdout.push_str(&String::from_utf8_lossy(&o.stdout));
        status = o.status.code();
        ran.push(name);
    }
    assert_eq!(
        ran,
        ["Check citations"],
        "the install step is skipped with install: false"
    );
    // Findings at the deny level fail the step, as CI should.
    assert_eq!(status, Some(1), "{stdout}");
    assert!(
        stdout.contains("::error file=paper.txt,line=3,col="),
        "{stdout}"
    );
    assert!(stdout.contains("unresolved-citation"), "{stdout}");
    let log: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&sarif).unwrap()).unwrap();
    assert_eq!(log["version"], "2.1.0");
    assert!(!log["runs"][0]["results"].as_array().unwrap().is_empty());
    assert_eq!(
        std::fs::read_to_string(&output).unwrap().trim(),
        "exit-code=1"
    );
    // With install: true the first step installs from the action's own
    // checkout with the locked dependencies.
    let install = &action["runs"]["steps"][0];
    let script = install["run"].as_str().unwrap();
    assert!(script.contains("cargo install --locked --path"), "{script}");
}

#[test]
fn the_pre_commit_hooks_check_and_fix() {
    let hooks = load(".pre-commit-hooks.yaml");
    let d = scratch("pre-commit");
    for hook in hooks.as_vec().unwrap() {
        let id = hook["id"].as_str().unwrap();
        let files = regex::Regex::new(hook["files"].as_str().unwrap()).unwrap();
        assert!(files.is_match("paper.md") && !files.is_match("paper.pdf"));
        let doc = d.join(format!("{id}.txt"));
        std::fs::write(&doc, DOC).unwrap();
        let entry: Vec<&str> = hook["entry"].as_str().unwrap().split_whitespace().collect();
        assert_eq!(entry[0], "citemap");
        // pre-commit passes the staged files after the entry.
        let o = Command::new(BIN)
            .args(&entry[1..])
            .arg("--no-config")
            .arg(&doc)
            .output()
            .unwrap();
        let out = String::from_utf8_lossy(&o.stdout);
        assert_eq!(o.status.code(), Some(1), "{id}: {out}");
        assert!(out.contains("error[unresolved-citation]"), "{id}: {out}");
        let after = std::fs::read_to_string(&doc).unwrap();
        match id {
            "citemap-check" => assert_eq!(after, DOC, "the check hook changes nothing"),
            "citemap-fix" => {
                assert!(!after.contains("AQ2"), "{after}");
                assert!(after.contains("Roots and soil. Journal"), "{after}");
            }
            other => panic!("a hook the test does not know: {other}"),
        }
    }
}
