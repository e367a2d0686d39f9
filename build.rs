//! Puts the git commit into `--version` when the crate is built from a
//! checkout; a build from a published crate has no `.git` and says only the
//! version.

use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let s = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (!s.is_empty()).then_some(s)
}

fn main() {
    let version = env!("CARGO_PKG_VERSION");
    let long = match git(&["rev-parse", "--short=10", "HEAD"]) {
        Some(commit) => {
            let date = git(&["log", "-1", "--format=%cs"]).unwrap_or_default();
            format!("{version} ({commit} {date})")
        }
        None => version.to_string(),
    };
    println!("cargo:rustc-env=CITEMAP_LONG_VERSION={long}");
    // A new commit or a checkout changes HEAD or the ref it names; the
    // version is read again then, and not on every build.
    if let Some(dir) = git(&["rev-parse", "--git-dir"]) {
        println!("cargo:rerun-if-changed={dir}/HEAD");
        if let Some(r) = git(&["symbolic-ref", "-q", "HEAD"]) {
            println!("cargo:rerun-if-changed={dir}/{r}");
        }
    }
    println!("cargo:rerun-if-changed=build.rs");
}
