//! A language server: `check`'s findings in the editor as the author
//! types, a citation's reference and dimension on hover, go-to-definition
//! from a citation to its entry, the safe fixes as code actions, and
//! library keys completed inside `\cite{…}` and `[@…]`.
//!
//! The server keeps each open document's text (full sync) and answers from
//! it. Findings are published after a pause in typing ([`DEBOUNCE`]), and
//! a request about a changed document analyses it first. Plain text and
//! Markdown are read as the editor holds them; for LaTeX and HTML the
//! analysis reads the extracted text, and each span is found again in the
//! editor's text by its words; `.docx` and `.odt` are read from disk.

use crate::analysis::{Analysis, analyze_owned};
use crate::check::{Diagnostic, Severity, check};
use crate::config::Config;
use crate::input::{Kind, extract};
use crate::library::Library;
use crate::reference::Reference;
use crate::text::floor_boundary;
use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use lsp_types as lsp;
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long the server waits after a change before it checks again.
pub const DEBOUNCE: Duration = Duration::from_millis(200);

/// What the server is started with.
#[derive(Debug, Clone, Default)]
pub struct ServerOptions {
    /// Libraries every document is read against (`--bib`).
    pub libraries: Vec<PathBuf>,
    /// Follow a library a document names outside its folder.
    pub bib_outside: bool,
}

/// A failure of the connection itself (not of a document).
pub type ServeError = Box<dyn std::error::Error + Send + Sync>;

/// One open document.
struct Doc {
    text: String,
    version: i32,
    /// Its analysis and findings, or `None` while a change waits.
    state: Option<State>,
}

struct State {
    analysis: Analysis,
    diags: Vec<Diagnostic>,
    /// Whether spans are offsets of the editor's text (plain text and
    /// Markdown) or of an extracted text that must be found again in it.
    direct: bool,
    /// Where each citation, finding and reference is in the editor's text
    /// ([`editor_spans`]), found once an analysis.
    cites: Vec<Range<usize>>,
    findings: Vec<Range<usize>>,
    entries: Vec<Range<usize>>,
}

/// Runs the server on `conn` until the client shuts it down.
pub fn serve(conn: &Connection, options: &ServerOptions) -> Result<(), ServeError> {
    let capabilities = json!({
        "positionEncoding": "utf-16",
        "textDocumentSync": {"openClose": true, "change": 1},
        "hoverProvider": true,
        "definitionProvider": true,
        "codeActionProvider": {"codeActionKinds": ["quickfix"]},
        "completionProvider": {"triggerCharacters": ["{", ",", "@"]},
    });
    let (id, _params) = conn.initialize_start()?;
    conn.initialize_finish(
        id,
        json!({
            "capabilities": capabilities,
            "serverInfo": {"name": "citemap", "version": env!("CARGO_PKG_VERSION")},
        }),
    )?;
    let mut server = Server {
        options: options.clone(),
        docs: HashMap::new(),
        pending: BTreeMap::new(),
        libraries: HashMap::new(),
    };
    loop {
        let next = server.pending.values().min().copied();
        let msg = match next {
            Some(due) => {
                match conn
                    .receiver
                    .recv_timeout(due.saturating_duration_since(Instant::now()))
                {
                    Ok(m) => Some(m),
                    Err(crossbeam_timeout) if crossbeam_timeout.is_timeout() => None,
                    Err(_) => return Ok(()),
                }
            }
            None => match conn.receiver.recv() {
                Ok(m) => Some(m),
                Err(_) => return Ok(()),
            },
        };
        match msg {
            None => server.publish_due(conn)?,
            Some(Message::Request(req)) => {
                if conn.handle_shutdown(&req)? {
                    return Ok(());
                }
                let resp = server.request(req);
                conn.sender.send(Message::Response(resp))?;
            }
            Some(Message::Notification(n)) => {
                if n.method == "exit" {
                    return Ok(());
                }
                if let Some(closed) = server.notification(n) {
                    publish(conn, &closed, None, Vec::new())?;
                }
            }
            Some(Message::Response(_)) => {}
        }
    }
}

struct Server {
    options: ServerOptions,
    docs: HashMap<String, Doc>,
    /// Documents whose findings are due, and when.
    pending: BTreeMap<String, Instant>,
    /// Libraries read, by their files and the times those were changed.
    libraries: HashMap<Vec<(PathBuf, Option<std::time::SystemTime>)>, Arc<Library>>,
}

impl Server {
    /// Takes a notification; returns the URI of a closed document, whose
    /// findings must be cleared.
    fn notification(&mut self, n: Notification) -> Option<String> {
        match n.method.as_str() {
            "textDocument/didOpen" => {
                let p: lsp::DidOpenTextDocumentParams = serde_json::from_value(n.params).ok()?;
                let uri = p.text_document.uri.to_string();
                self.docs.insert(
                    uri.clone(),
                    Doc {
                        text: p.text_document.text,
                        version: p.text_document.version,
                        state: None,
                    },
                );
                // A document just opened is checked at once.
                self.pending.insert(uri, Instant::now());
            }
            "textDocument/didChange" => {
                let p: lsp::DidChangeTextDocumentParams = serde_json::from_value(n.params).ok()?;
                let uri = p.text_document.uri.to_string();
                let doc = self.docs.get_mut(&uri)?;
                // Full sync: the last change holds the whole text.
                if let Some(c) = p.content_changes.into_iter().last() {
                    doc.text = c.text;
                }
                doc.version = p.text_document.version;
                doc.state = None;
                self.pending.insert(uri, Instant::now() + DEBOUNCE);
            }
            "textDocument/didClose" => {
                let p: lsp::DidCloseTextDocumentParams = serde_json::from_value(n.params).ok()?;
                let uri = p.text_document.uri.to_string();
                self.docs.remove(&uri);
                self.pending.remove(&uri);
                return Some(uri);
            }
            _ => {}
        }
        None
    }

    /// Publishes the findings of every document whose pause is over.
    fn publish_due(&mut self, conn: &Connection) -> Result<(), ServeError> {
        let now = Instant::now();
        let due: Vec<String> = self
            .pending
            .iter()
            .filter(|(_, t)| **t <= now)
            .map(|(u, _)| u.clone())
            .collect();
        for uri in due {
            self.pending.remove(&uri);
            self.analyse(&uri);
            if let Some(doc) = self.docs.get(&uri)
                && let Some(st) = &doc.state
            {
                // Every range in one pass over the text: a document with
                // thousands of findings costs its length once, not once a
                // finding.
                let ranges = ranges(&doc.text, &st.findings);
                let diags = st
                    .diags
                    .iter()
                    .zip(ranges)
                    .map(|(d, r)| to_lsp(d, r))
                    .collect();
                publish(conn, &uri, Some(doc.version), diags)?;
            }
        }
        Ok(())
    }

    /// Makes sure the document's analysis is of its current text.
    fn analyse(&mut self, uri: &str) {
        let Some(doc) = self.docs.get(uri) else {
            return;
        };
        if doc.state.is_some() {
            return;
        }
        let text = doc.text.clone();
        let state = self.read(uri, &text);
        if let Some(doc) = self.docs.get_mut(uri) {
            doc.state = Some(state);
        }
    }

    /// Reads and checks a document as `citemap check` would.
    fn read(&mut self, uri: &str, text: &str) -> State {
        let path = uri_path(uri);
        let kind = path
            .as_deref()
            .and_then(Kind::from_path)
            .unwrap_or_else(|| Kind::sniff(text.as_bytes()));
        let dir = path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf);
        let config = dir
            .as_deref()
            .and_then(Config::find)
            .and_then(|p| Config::load(&p, "citemap.toml").ok())
            .unwrap_or_default();
        let bytes = if kind.zipped() {
            path.as_deref()
                .and_then(|p| std::fs::read(p).ok())
                .unwrap_or_default()
        } else {
            text.as_bytes().to_vec()
        };
        // An unreadable file (a damaged .docx) is read as no text: the
        // editor gets no findings rather than an error on every keystroke.
        let doc = extract(bytes, kind, dir.as_deref()).unwrap_or_else(|_| empty_doc());
        // A profile that cannot be read leaves the default dimensions; the
        // command line says why.
        let mut options = config.analysis_options(None, None).unwrap_or_default();
        let mut files = config.libraries_or(&self.options.libraries);
        if let Some(dir) = &dir {
            for n in &doc.libraries {
                if let Ok(p) = crate::library::resolve(dir, n, self.options.bib_outside) {
                    files.push(p);
                }
            }
        }
        options.library = self.library(&files);
        let direct = matches!(kind, Kind::Text | Kind::Markdown);
        let analysis = analyze_owned(doc, &options);
        let check_options = config.check_options(&analysis, None, false);
        let diags = config.policy.apply(check(&analysis, &check_options));
        let a = &analysis;
        let spans: Vec<Range<usize>> = (a.citations.iter().map(|c| c.span.clone()))
            .chain(diags.iter().map(|d| d.span.clone()))
            .chain(a.references.iter().map(|r| r.span.clone()))
            .collect();
        let mut at = editor_spans(text, a.source.text(), direct, &spans);
        let entries = at.split_off(a.citations.len() + diags.len());
        let findings = at.split_off(a.citations.len());
        State {
            analysis,
            diags,
            direct,
            cites: at,
            findings,
            entries,
        }
    }

    /// The library `files` make, read again only when one of them changed
    /// on disk.
    fn library(&mut self, files: &[PathBuf]) -> Option<Arc<Library>> {
        if files.is_empty() {
            return None;
        }
        let stamp: Vec<(PathBuf, Option<std::time::SystemTime>)> = files
            .iter()
            .map(|f| {
                (
                    f.clone(),
                    std::fs::metadata(f).and_then(|m| m.modified()).ok(),
                )
            })
            .collect();
        if let Some(l) = self.libraries.get(&stamp) {
            return Some(l.clone());
        }
        let mut lib = Library::default();
        for f in files {
            let text = std::fs::read_to_string(f).unwrap_or_default();
            // A library that does not parse gives no keys; `check` on the
            // command line says why.
            let _ = lib.add(&f.display().to_string(), &text);
        }
        let lib = Arc::new(lib);
        self.libraries.insert(stamp, lib.clone());
        Some(lib)
    }

    fn request(&mut self, req: Request) -> Response {
        let id = req.id.clone();
        let result = match req.method.as_str() {
            "textDocument/hover" => self.hover(req.params),
            "textDocument/definition" => self.definition(req.params),
            "textDocument/codeAction" => self.code_actions(req.params),
            "textDocument/completion" => self.completion(req.params),
            _ => {
                return Response::new_err(
                    id,
                    lsp_server::ErrorCode::MethodNotFound as i32,
                    format!("citemap does not answer {}", req.method),
                );
            }
        };
        ok(id, result)
    }

    /// The document and the byte offset of a position request.
    fn at(&mut self, params: Value) -> Option<(String, usize)> {
        let p: lsp::TextDocumentPositionParams = serde_json::from_value(params).ok()?;
        let uri = p.text_document.uri.to_string();
        self.analyse(&uri);
        let doc = self.docs.get(&uri)?;
        Some((uri, offset(&doc.text, p.position)))
    }

    /// The citation under the cursor.
    fn citation_at(&self, uri: &str, at: usize) -> Option<(usize, &Doc, &State)> {
        let doc = self.docs.get(uri)?;
        let st = doc.state.as_ref()?;
        let i = st.cites.iter().position(|s| s.start <= at && at <= s.end)?;
        Some((i, doc, st))
    }

    fn hover(&mut self, params: Value) -> Value {
        let Some((uri, at)) = self.at(params) else {
            return Value::Null;
        };
        let Some((i, doc, st)) = self.citation_at(&uri, at) else {
            return Value::Null;
        };
        let c = &st.analysis.citations[i];
        let mut md = match c.link.reference.and_then(|r| st.analysis.references.get(r)) {
            Some(r) => describe(r),
            None => format!(
                "**{}**: no entry in the reference list",
                st.analysis.written(c).trim()
            ),
        };
        if let Some(d) = c
            .dimension
            .and_then(|d| st.analysis.document.dimensions.get(d))
        {
            md.push_str(&format!("\n\nDimension: **{}**", d.heading.trim()));
        }
        let range = range(&doc.text, st.cites[i].clone());
        json!({"contents": {"kind": "markdown", "value": md}, "range": range})
    }

    fn definition(&mut self, params: Value) -> Value {
        let Some((uri, at)) = self.at(params) else {
            return Value::Null;
        };
        let Some((i, doc, st)) = self.citation_at(&uri, at) else {
            return Value::Null;
        };
        let c = &st.analysis.citations[i];
        let Some(k) = c.link.reference else {
            return Value::Null;
        };
        let Some(r) = st.analysis.references.get(k) else {
            return Value::Null;
        };
        match &r.origin {
            Some(o) => {
                let line = o.line.saturating_sub(1);
                json!({
                    "uri": path_uri(Path::new(&*o.path)),
                    "range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}},
                })
            }
            None => json!({
                "uri": uri,
                "range": range(&doc.text, st.entries[k].clone()),
            }),
        }
    }

    fn code_actions(&mut self, params: Value) -> Value {
        let Ok(p) = serde_json::from_value::<lsp::CodeActionParams>(params) else {
            return Value::Null;
        };
        let uri = p.text_document.uri.to_string();
        self.analyse(&uri);
        let Some(doc) = self.docs.get(&uri) else {
            return Value::Null;
        };
        let Some(st) = doc.state.as_ref().filter(|s| s.direct) else {
            return json!([]);
        };
        let lo = offset(&doc.text, p.range.start);
        let hi = offset(&doc.text, p.range.end);
        let actions: Vec<Value> = st
            .diags
            .iter()
            .filter(|d| d.span.start <= hi && lo <= d.span.end)
            .filter_map(|d| {
                let fix = d.fix.as_ref()?;
                let edits: Vec<Value> = fix
                    .edits
                    .iter()
                    .map(|e| {
                        json!({
                            "range": range(&doc.text, e.byte_start..e.byte_end),
                            "newText": e.replacement,
                        })
                    })
                    .collect();
                let at = range(&doc.text, d.span.clone());
                Some(json!({
                    "title": format!("citemap: {}", fix.description),
                    "kind": "quickfix",
                    "diagnostics": [to_lsp(d, at)],
                    "isPreferred": true,
                    "edit": {"changes": {uri.clone(): edits}},
                }))
            })
            .collect();
        json!(actions)
    }

    fn completion(&mut self, params: Value) -> Value {
        let Some((uri, at)) = self.at(params) else {
            return Value::Null;
        };
        let Some(doc) = self.docs.get(&uri) else {
            return Value::Null;
        };
        let Some(prefix) = key_prefix(&doc.text, at) else {
            return json!([]);
        };
        let Some(lib) = doc.state.as_ref().and_then(|s| s.analysis.library.clone()) else {
            return json!([]);
        };
        let prefix = prefix.to_lowercase();
        let items: Vec<Value> = lib
            .entries
            .iter()
            .filter(|r| r.key.to_lowercase().starts_with(&prefix))
            .take(200)
            .map(|r| {
                json!({
                    "label": r.key,
                    "kind": 18,
                    "detail": r.short_citation(),
                    "documentation": {"kind": "markdown", "value": describe(r)},
                })
            })
            .collect();
        json!(items)
    }
}

fn empty_doc() -> crate::input::Extracted {
    crate::input::Extracted {
        text: String::new(),
        format: crate::input::Format::Text,
        kind: Kind::Text,
        paragraphs: Vec::new(),
        notes: Vec::new(),
        replaced: Vec::new(),
        libraries: Vec::new(),
        bibitems: Vec::new(),
    }
}

fn ok(id: RequestId, result: Value) -> Response {
    Response::new_ok(id, result)
}

fn publish(
    conn: &Connection,
    uri: &str,
    version: Option<i32>,
    diagnostics: Vec<Value>,
) -> Result<(), ServeError> {
    let mut params = json!({"uri": uri, "diagnostics": diagnostics});
    if let Some(v) = version {
        params["version"] = json!(v);
    }
    conn.sender.send(Message::Notification(Notification::new(
        "textDocument/publishDiagnostics".into(),
        params,
    )))?;
    Ok(())
}

/// A finding as an LSP diagnostic at `range`: the code, its README
/// section, and the message with its help as `--format concise` gives it.
fn to_lsp(d: &Diagnostic, range: Value) -> Value {
    let severity = match d.severity {
        Severity::Error => 1,
        Severity::Warning => 2,
        Severity::Note => 3,
    };
    json!({
        "range": range,
        "severity": severity,
        "code": d.code.name(),
        "codeDescription": {"href": d.code.info().help_uri()},
        "source": "citemap",
        "message": crate::render::diagnostics::message_with_help(d),
    })
}

/// A reference for a hover: who, when, what, where.
fn describe(r: &Reference) -> String {
    let mut s = format!("**{}**", r.short_citation());
    if let Some(t) = &r.title {
        s.push_str(&format!(" {t}."));
    }
    if let Some(c) = &r.container {
        s.push_str(&format!(" *{c}*"));
        if let Some(v) = &r.volume {
            s.push_str(&format!(", {v}"));
        }
        if let Some(p) = &r.pages {
            s.push_str(&format!(", {p}"));
        }
        s.push('.');
    } else if let Some(p) = &r.publisher {
        s.push_str(&format!(" {p}."));
    }
    if let Some(d) = &r.doi {
        s.push_str(&format!(" https://doi.org/{d}"));
    }
    if let Some(o) = &r.origin {
        s.push_str(&format!("\n\n`{}` in {o}", r.key));
    }
    s
}

/// The key being typed at `at`, inside `\cite…{a,b` or after `@`: what
/// has been typed of it (possibly nothing).
fn key_prefix(text: &str, at: usize) -> Option<&str> {
    let at = floor_boundary(text, at.min(text.len()));
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    // Keys are short; a look back further than this is not a key.
    let from = floor_boundary(text, at.saturating_sub(200).max(line_start));
    let before = &text[from..at];
    let start = before
        .rfind(|c: char| !(c.is_alphanumeric() || "_-:.+/".contains(c)))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let prefix = &before[start..];
    let lead = before[..start].chars().next_back()?;
    match lead {
        // "[@key", "; @key", but not an address's "name@host".
        '@' => {
            let ahead = before[..start - 1].chars().next_back();
            ahead.is_none_or(|c| !c.is_alphanumeric()).then_some(prefix)
        }
        '{' | ',' | ' ' => {
            let open = before[..start].rfind('{')?;
            if before[open..].contains('}') {
                return None;
            }
            // `\citep[see][p. 3]*{`: optional arguments and a star.
            let mut head = &before[..open];
            loop {
                head = head.trim_end();
                match head.strip_suffix(']') {
                    Some(h) => head = &h[..h.rfind('[')?],
                    None => break,
                }
            }
            let head = head.strip_suffix('*').unwrap_or(head);
            let name = &head[head.rfind('\\')? + 1..];
            (name.chars().all(|c| c.is_ascii_alphabetic())
                && name.to_ascii_lowercase().contains("cite"))
            .then_some(prefix)
        }
        _ => None,
    }
}

/// Spans of the analysis as spans of the editor's text. Plain text and
/// Markdown are read as the editor holds them, so a span is itself. For
/// extracted text (LaTeX, HTML), each span's words are looked for in the
/// source after where the one before it was found, within twice the
/// extracted text between them and a margin: the spans are taken in order
/// and the source is walked once, so the cost is the document's length,
/// not its square. A span not found falls back to the line it should be on.
fn editor_spans(text: &str, ext: &str, direct: bool, spans: &[Range<usize>]) -> Vec<Range<usize>> {
    let clamp = |s: &Range<usize>| {
        let end = s.end.min(ext.len());
        s.start.min(end)..end
    };
    if direct {
        return spans.iter().map(clamp).collect();
    }
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| spans[i].start);
    let mut out = vec![0..0; spans.len()];
    // The last span found: where it is in the extracted text and in the
    // source. A span after it is looked for after it; one that overlaps it
    // (a finding on a citation) from where it starts.
    let (mut ext_at, mut src_at) = (0..0, 0..0);
    for i in order {
        let s = clamp(&spans[i]);
        let from = if s.start >= ext_at.end {
            src_at.end
        } else {
            src_at.start
        };
        let gap = s.start.saturating_sub(ext_at.start);
        let needle = ext.get(s.clone()).unwrap_or("").trim();
        let needle = &needle[..floor_boundary(needle, needle.len().min(80))];
        let hi = floor_boundary(text, (from + 2 * gap + MARGIN).min(text.len()));
        let found = (!needle.is_empty() && from <= hi)
            .then(|| text[from..hi].find(needle))
            .flatten();
        out[i] = match found {
            Some(k) => {
                ext_at = s.clone();
                src_at = from + k..from + k + needle.len();
                src_at.clone()
            }
            None => {
                let guess = floor_boundary(text, (from + gap).min(text.len()));
                let line = text[..guess].rfind('\n').map_or(0, |k| k + 1);
                let end = text[guess..].find('\n').map_or(text.len(), |k| guess + k);
                line..end
            }
        };
    }
    out
}

/// Markup that a span's words may sit behind in the source beyond twice
/// the extracted text since the last span (bytes): a LaTeX preamble, a
/// figure left out of the extracted text.
const MARGIN: usize = 64 << 10;

/// The byte offset of an LSP position (UTF-16 columns) in `text`.
fn offset(text: &str, p: lsp::Position) -> usize {
    let mut line_start = 0;
    for _ in 0..p.line {
        match text[line_start..].find('\n') {
            Some(i) => line_start += i + 1,
            None => return text.len(),
        }
    }
    let mut units = 0u32;
    for (i, c) in text[line_start..].char_indices() {
        if units >= p.character || c == '\n' {
            return line_start + i;
        }
        units += c.len_utf16() as u32;
    }
    text.len()
}

/// The LSP position of a byte offset (UTF-16 columns).
fn position(text: &str, at: usize) -> Value {
    let at = floor_boundary(text, at.min(text.len()));
    let line = text[..at].matches('\n').count();
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let character: usize = text[line_start..at].chars().map(char::len_utf16).sum();
    json!({"line": line, "character": character})
}

fn range(text: &str, span: Range<usize>) -> Value {
    json!({"start": position(text, span.start), "end": position(text, span.end)})
}

/// The LSP ranges of many spans, in one walk over `text` (offsets sorted,
/// then lines and UTF-16 columns counted from one offset to the next).
fn ranges(text: &str, spans: &[Range<usize>]) -> Vec<Value> {
    let mut offsets: Vec<(usize, usize)> = spans
        .iter()
        .enumerate()
        .flat_map(|(i, s)| [(s.start, 2 * i), (s.end, 2 * i + 1)])
        .map(|(at, slot)| (floor_boundary(text, at.min(text.len())), slot))
        .collect();
    offsets.sort_unstable();
    let mut at = vec![json!(null); 2 * spans.len()];
    let (mut line, mut character, mut pos) = (0usize, 0usize, 0usize);
    for (offset, slot) in offsets {
        for c in text[pos..offset].chars() {
            if c == '\n' {
                line += 1;
                character = 0;
            } else {
                character += c.len_utf16();
            }
        }
        pos = offset;
        at[slot] = json!({"line": line, "character": character});
    }
    at.chunks(2)
        .map(|p| json!({"start": p[0], "end": p[1]}))
        .collect()
}

/// The path of a `file:` URI, percent-decoded.
pub fn uri_path(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(h) = rest.get(i + 1..i + 3)
            && let Ok(b) = u8::from_str_radix(h, 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).ok().map(PathBuf::from)
}

/// A `file:` URI for a path, made absolute and percent-encoded.
pub fn path_uri(p: &Path) -> String {
    let abs = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let mut s = String::from("file://");
    for b in abs.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            s.push(b as char);
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units_both_ways() {
        let text = "ab\nx😀é (Lee, 2001)\n";
        let at = text.find("(Lee").unwrap();
        let p = position(text, at);
        assert_eq!(p, json!({"line": 1, "character": 5}));
        let back = offset(
            text,
            lsp::Position {
                line: 1,
                character: 5,
            },
        );
        assert_eq!(back, at);
        // Past the end of a line or the text stays inside it.
        assert_eq!(
            offset(
                text,
                lsp::Position {
                    line: 0,
                    character: 99
                }
            ),
            2
        );
        assert_eq!(
            offset(
                text,
                lsp::Position {
                    line: 9,
                    character: 0
                }
            ),
            text.len()
        );
    }

    #[test]
    fn the_key_being_typed_is_found_in_cite_commands_and_after_at() {
        let t = "see \\citep[p. 3]{smith2015, jon";
        assert_eq!(key_prefix(t, t.len()), Some("jon"));
        let t = "see \\cite{";
        assert_eq!(key_prefix(t, t.len()), Some(""));
        let t = "as [@smi";
        assert_eq!(key_prefix(t, t.len()), Some("smi"));
        let t = "\\textbf{bold";
        assert_eq!(key_prefix(t, t.len()), None);
        let t = "\\cite{a} and more";
        assert_eq!(key_prefix(t, t.len()), None);
        assert_eq!(key_prefix("", 0), None);
    }

    #[test]
    fn extracted_spans_are_found_in_order_in_the_source() {
        let ext = "A (Lee, 2001) b (Lee, 2001).\n";
        let src = "\\documentclass{article}\n\\begin{document}\nA (Lee, 2001) b (Lee, 2001).\n";
        let first = ext.find("Lee").unwrap();
        let second = ext.rfind("Lee").unwrap();
        // Given out of order, each lands on its own occurrence.
        let spans = [second..second + 9, first..first + 9, 0..0];
        let at = editor_spans(src, ext, false, &spans);
        assert_eq!(&src[at[0].clone()], "Lee, 2001");
        assert_eq!(&src[at[1].clone()], "Lee, 2001");
        assert!(at[0].start > at[1].start);
        // An empty span falls back to a line of the source.
        assert!(at[2].end <= src.len());
        // Plain text is its own editor text.
        assert_eq!(
            editor_spans(ext, ext, true, &spans[..1])[0],
            second..second + 9
        );
    }

    #[test]
    fn ranges_in_one_walk_equal_ranges_one_by_one() {
        let text = "ab\nx😀é (Lee, 2001)\n\nmore é text\n";
        let spans = [7..15, 0..2, 20..24, 3..3];
        let all = ranges(text, &spans);
        for (s, r) in spans.iter().zip(&all) {
            assert_eq!(*r, range(text, s.clone()));
        }
    }

    #[test]
    fn file_uris_round_trip_through_percent_encoding() {
        let p = uri_path("file:///tmp/a%20b/c%C3%A9.md").unwrap();
        assert_eq!(p, PathBuf::from("/tmp/a b/cé.md"));
        let u = path_uri(Path::new("/nonexistent/a b/cé.md"));
        assert_eq!(u, "file:///nonexistent/a%20b/c%C3%A9.md");
        assert_eq!(
            uri_path(&u).unwrap(),
            PathBuf::from("/nonexistent/a b/cé.md")
        );
        assert!(uri_path("untitled:1").is_none());
    }
}
