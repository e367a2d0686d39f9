//! `citemap lsp` spoken to over pipes, as an editor would: diagnostics on
//! open and change that equal `check --format json`, a hover, go-to-
//! definition, a code action with the safe fix, and key completion.

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_citemap");

const DOC: &str = "Introduction\n\nRoots store carbon (Berg, 2015), as leaves do (Lee, 2001).\n\nMethods\n\nWe dug (Berg & Cole, 2016).\n\nReferences\n\nBerg, A. (2015). Roots and soil AQ2. Journal of Soils, 4(2), 1–9.\nBerg, A., & Cole, D. (2016). Digging. Field Press.\n";

struct Client {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
    next_id: u64,
    /// Notifications that arrived while waiting for something else.
    seen: Vec<Value>,
}

impl Client {
    fn start(args: &[&str], dir: &Path) -> Client {
        let mut child = Command::new(BIN)
            .arg("lsp")
            .args(args)
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        Client {
            child,
            stdin,
            stdout,
            next_id: 1,
            seen: Vec::new(),
        }
    }

    fn send(&mut self, v: &Value) {
        let body = v.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn read(&mut self) -> Value {
        let mut len = 0;
        loop {
            let mut line = String::new();
            assert!(
                self.stdout.read_line(&mut line).unwrap() > 0,
                "server closed"
            );
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(n) = line.strip_prefix("Content-Length: ") {
                len = n.parse().unwrap();
            }
        }
        let mut body = vec![0; len];
        self.stdout.read_exact(&mut body).unwrap();
        serde_json::from_slice(&body).unwrap()
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let m = self.read();
            if m["id"] == json!(id) {
                assert!(m.get("error").is_none(), "{m}");
                return m["result"].clone();
            }
            self.seen.push(m);
        }
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        if let Some(i) = self.seen.iter().position(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        }) {
            let m = self.seen.remove(i);
            return m["params"]["diagnostics"].as_array().unwrap().clone();
        }
        loop {
            let m = self.read();
            if m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri {
                return m["params"]["diagnostics"].as_array().unwrap().clone();
            }
            self.seen.push(m);
        }
    }

    fn shutdown(mut self) {
        let r = self.request("shutdown", Value::Null);
        assert!(r.is_null());
        self.notify("exit", Value::Null);
        let status = self.child.wait().unwrap();
        assert!(status.success());
    }
}

fn scratch(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    std::fs::canonicalize(d).unwrap()
}

fn uri(p: &Path) -> String {
    citemap::lsp::path_uri(p)
}

fn initialize(c: &mut Client, root: &Path) {
    let caps = c.request(
        "initialize",
        json!({"processId": null, "rootUri": uri(root), "capabilities": {}}),
    );
    let caps = &caps["capabilities"];
    assert_eq!(caps["hoverProvider"], true);
    assert_eq!(caps["definitionProvider"], true);
    assert!(caps["completionProvider"].is_object());
    c.notify("initialized", json!({}));
}

fn open(c: &mut Client, path: &Path, language: &str, text: &str) -> String {
    let u = uri(path);
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": u, "languageId": language, "version": 1, "text": text}}),
    );
    u
}

fn at(u: &str, line: usize, character: usize) -> Value {
    json!({"textDocument": {"uri": u}, "position": {"line": line, "character": character}})
}

#[test]
fn diagnostics_hover_definition_and_fixes_over_pipes() {
    let d = scratch("lsp-text");
    let path = d.join("paper.txt");
    std::fs::write(&path, DOC).unwrap();
    let mut c = Client::start(&[], &d);
    initialize(&mut c, &d);
    let u = open(&mut c, &path, "plaintext", DOC);
    let diags = c.diagnostics(&u);

    // The same findings as `check --format json`, at the same places.
    let o = Command::new(BIN)
        .args(["check", "--format", "json"])
        .arg(&path)
        .current_dir(&d)
        .output()
        .unwrap();
    let json: Vec<Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert!(!json.is_empty());
    assert_eq!(diags.len(), json.len(), "{diags:#?}\n{json:#?}");
    for (l, j) in diags.iter().zip(&json) {
        assert_eq!(l["code"], j["code"]);
        assert_eq!(
            l["range"]["start"]["line"].as_u64().unwrap() + 1,
            j["line"].as_u64().unwrap()
        );
        // The document is ASCII up to each finding, so UTF-16 units are
        // characters.
        assert_eq!(
            l["range"]["start"]["character"].as_u64().unwrap() + 1,
            j["column"].as_u64().unwrap()
        );
        assert!(
            l["message"]
                .as_str()
                .unwrap()
                .starts_with(j["message"].as_str().unwrap())
        );
        let sev = match j["severity"].as_str().unwrap() {
            "error" => 1,
            "warning" => 2,
            _ => 3,
        };
        assert_eq!(l["severity"], sev);
        assert!(
            l["codeDescription"]["href"]
                .as_str()
                .unwrap()
                .contains("README.md#")
        );
    }

    // Hover on "(Berg, 2015)": the entry and the dimension.
    let h = c.request("textDocument/hover", at(&u, 2, 22));
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(
        md.contains("Berg (2015)") && md.contains("Roots and soil"),
        "{md}"
    );
    assert!(md.contains("Dimension: **Introduction**"), "{md}");
    let h = c.request("textDocument/hover", at(&u, 6, 12));
    assert!(
        h["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("Dimension: **Methods**")
    );
    // Nothing to say off a citation.
    assert!(c.request("textDocument/hover", at(&u, 0, 2)).is_null());

    // Definition: the entry's line in the same document.
    let def = c.request("textDocument/definition", at(&u, 6, 12));
    assert_eq!(def["uri"], u);
    assert_eq!(def["range"]["start"]["line"], 11);

    // The proof mark's fix as a code action, with the edit that removes it.
    let mark = diags.iter().find(|d| d["code"] == "proof-marker").unwrap();
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": u}, "range": mark["range"], "context": {"diagnostics": [mark]}}),
    );
    let action = &actions.as_array().unwrap()[0];
    assert_eq!(action["kind"], "quickfix");
    let edits = action["edit"]["changes"][&u].as_array().unwrap();
    assert_eq!(edits.len(), 1);
    assert_eq!(edits[0]["newText"], "");
    assert_eq!(edits[0]["range"]["start"]["line"], 10);

    // A change is checked again: the unresolved citation goes.
    let fixed = DOC.replace(", as leaves do (Lee, 2001)", "");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": u, "version": 2}, "contentChanges": [{"text": fixed}]}),
    );
    let again = c.diagnostics(&u);
    assert_eq!(again.len() + 1, diags.len());
    assert!(again.iter().all(|d| d["code"] != "unresolved-citation"));

    // Closing clears the document's findings.
    c.notify("textDocument/didClose", json!({"textDocument": {"uri": u}}));
    assert!(c.diagnostics(&u).is_empty());
    c.shutdown();
}

#[test]
fn keys_complete_from_the_library_and_definitions_reach_it() {
    let d = scratch("lsp-keys");
    let lib = d.join("refs.bib");
    std::fs::write(
        &lib,
        "@article{berg2015,\n  author = {Berg, A.},\n  title = {Roots and soil},\n  journal = {Journal of Soils},\n  year = {2015}\n}\n\n@book{cole2016,\n  author = {Cole, D.},\n  title = {Digging},\n  publisher = {Field Press},\n  year = {2016}\n}\n",
    )
    .unwrap();
    let tex = "\\section{Introduction}\nRoots store carbon \\citep{berg2015}.\nLeaves do too \\citep{co\n";
    let path = d.join("paper.tex");
    std::fs::write(&path, tex).unwrap();
    let mut c = Client::start(&["--bib", lib.to_str().unwrap()], &d);
    initialize(&mut c, &d);
    let u = open(&mut c, &path, "latex", tex);
    let _ = c.diagnostics(&u);
    let items = c.request("textDocument/completion", at(&u, 2, 23));
    let labels: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["cole2016"]);
    let items = c.request("textDocument/completion", at(&u, 2, 21));
    assert_eq!(items.as_array().unwrap().len(), 2, "{items}");
    // Outside a \cite, nothing.
    let items = c.request("textDocument/completion", at(&u, 1, 5));
    assert!(items.as_array().unwrap().is_empty());
    // From a key to its entry in the library, found in the .tex by its words.
    let def = c.request("textDocument/definition", at(&u, 1, 28));
    assert_eq!(def["uri"], uri(&lib), "{def}");
    assert_eq!(def["range"]["start"]["line"], 0);
    let h = c.request("textDocument/hover", at(&u, 1, 28));
    assert!(
        h["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("refs.bib:1"),
        "{h}"
    );
    c.shutdown();
}
