//! Command-line interface. Flags are parsed by clap into plain structs; each
//! subcommand turns them into library calls and writes the result.

mod batch;
mod bib;
mod check;
mod output;
mod report;
mod settings;
mod tools;

use citemap::Error;
use citemap::input::Extracted;
use clap::{Parser, Subcommand};
use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};

#[derive(Parser, Debug)]
#[command(
    name = "citemap",
    version = env!("CITEMAP_LONG_VERSION"),
    about = "Citations and bibliographies of author-date documents",
    after_help = "Examples:\n  citemap analyze chapter.txt > analysis.json\n  citemap bib chapter.txt -o chapter.bib\n  citemap links chapter.txt --format csv\n  citemap report chapter.txt --format md\n  cat chapter.txt | citemap analyze -"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Read a file with bytes that are not text instead of refusing it:
    /// each such byte becomes "?" (spans stay true), and each run is
    /// reported: as a `replaced-byte` finding by `check`, as a warning on
    /// stderr by every command.
    #[arg(long, global = true)]
    lossy: bool,
    /// The file standard input stands for ("-"): its name in messages,
    /// its extension for the reader, its folder for `citemap.toml` and
    /// the libraries it names. Nothing is read from it.
    #[arg(long, global = true, value_name = "PATH")]
    stdin_filename: Option<PathBuf>,
    /// Read settings from this file instead of the `citemap.toml` next to
    /// each document or above it.
    #[arg(long, global = true, value_name = "FILE.toml")]
    config: Option<PathBuf>,
    /// Read no `citemap.toml`: only the flags count.
    #[arg(
        long,
        global = true,
        visible_alias = "isolated",
        conflicts_with = "config"
    )]
    no_config: bool,
}

/// `--lossy`, for the readers. A process-wide switch because every
/// command reads its files through the same two functions, and the flag
/// means the same for all of them.
static LOSSY: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

#[derive(clap::Args, Debug)]
struct Input {
    /// The documents to read: files, folders (walked for documents), or
    /// "-" for standard input. With several, output is per document, in
    /// the order given.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    #[command(flatten)]
    batch: batch::BatchArgs,
    /// How to read the input (default: from the file's extension, else
    /// from its content).
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    input_format: InputFormat,
    /// A TOML profile that names the dimensions and the headings that
    /// start them (default: `[document] dimensions` in citemap.toml, else
    /// every top-level section is a dimension).
    #[arg(long, value_name = "FILE.toml")]
    dimensions: Option<PathBuf>,
    /// The heading level whose sections are the dimensions: 1 for the
    /// top level (a book's chapters, an article's sections), 2 for their
    /// subsections. `citemap outline` shows the levels. Default:
    /// `[document] dimension-level` in citemap.toml, else 1.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=6))]
    dimension_level: Option<u8>,
    #[command(flatten)]
    library: LibraryArgs,
}

/// The author's library, for citations by key and for help.
#[derive(clap::Args, Debug, Clone, Default)]
struct LibraryArgs {
    /// A library to check citations against: .bib (BibTeX or BibLaTeX),
    /// CSL-JSON or RIS. Repeatable. The libraries a document names
    /// (\bibliography{}, \addbibresource{}, a YAML `bibliography:`) are
    /// read too.
    #[arg(long = "bib", value_name = "FILE")]
    bib: Vec<PathBuf>,
    /// Follow a library that a document names even outside the document's
    /// folder (by default such a name is refused).
    #[arg(long)]
    bib_outside: bool,
    /// Report the library entries that no citation uses (libraries are
    /// often large, so this is off by default).
    #[arg(long)]
    uncited_library: bool,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum InputFormat {
    Auto,
    /// Plain text, typically extracted from a PDF.
    Text,
    /// Markdown with `#` headings.
    Markdown,
    /// Word (.docx).
    Docx,
    /// OpenDocument text (.odt).
    Odt,
    /// HTML.
    Html,
    /// LaTeX.
    Latex,
    /// JATS XML.
    Jats,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum OutlineFormat {
    /// An indented tree, each heading with its level and reason.
    Text,
    /// The headings as a JSON array.
    Json,
    /// One JSON object a document: its path and its headings.
    Jsonl,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum AnalyzeFormat {
    /// The analysis; for several documents, an array of {path, analysis}.
    Json,
    /// One JSON object a line and a document: its path and its analysis.
    Jsonl,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ExtractFormat {
    /// The text; for several documents, each after a "==> path <==" line.
    Text,
    /// One JSON object a document: its path and its text.
    Jsonl,
}

#[derive(clap::Args, Debug)]
struct Output {
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long)]
    force: bool,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum BibFormat {
    /// BibTeX: journal, address, year, @techreport, @misc with \url.
    Bibtex,
    /// BibLaTeX/biber: journaltitle, location, date, @report, @online.
    Biblatex,
    /// CSL-JSON, for Zotero and pandoc.
    CslJson,
    /// RIS, for EndNote and other reference managers.
    Ris,
}

const BIB_HELP: &str = "Examples:\n  citemap bib chapter.txt -o chapter.bib\n  citemap bib ch1.txt ch2.txt ch3.txt --format biblatex -o book.bib\n  citemap bib chapter.txt --format csl-json > chapter.json\n  citemap bib chapter.txt --merge ~/library.bib\n  citemap bib chapter.txt --key-format '{Auth}{year}'";

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum LinksFormat {
    /// One row a citation; for several documents, a first column names it.
    Csv,
    /// The citations; for several documents, an array of {path, citations}.
    Json,
    /// One JSON object a document: its path and its citations.
    Jsonl,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ReportFormat {
    /// Markdown tables.
    Md,
    /// One row per dimension and source.
    Csv,
    /// The dimension × source matrix as CSV.
    Matrix,
    /// The report model as JSON.
    Json,
    /// A self-contained HTML page: heatmap, claims, sources and charts.
    Html,
    /// One JSON object a document: its path and its report.
    Jsonl,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum CheckFormat {
    /// For people: code, message, file:line:column and the marked line.
    Human,
    /// A JSON array of findings.
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// One JSON object a document: its path and its findings.
    Jsonl,
    /// One line a finding: `path:line:column: severity[code] message`.
    Concise,
    /// GitHub Actions workflow commands: annotations on the pull request.
    Github,
    /// JUnit XML: a test suite a document, a failed test case a finding.
    Junit,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ExplainFormat {
    /// For the terminal.
    Text,
    /// Markdown, as the README's section on codes has it.
    Md,
    /// JSON: name, severity, summary, why, fix, example.
    Json,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ColorChoice {
    /// Colour on a terminal, unless NO_COLOR is set.
    Auto,
    Always,
    Never,
}

const CHECK_HELP: &str = "Exit codes: 0 nothing at or above the --deny level (default: error), 1 something is, 2 usage or I/O error.\n\nSettings may also come from a citemap.toml next to the document or in a parent folder:\n  [check]\n  style = \"apa6\"\n  allow = [\"reference-order\"]\n  select = [\"missing-doi\"]\n  deny = [\"warning\"]\n\nExamples:\n  citemap check chapter.txt\n  citemap check chapter.txt --style apa6 --deny warning\n  citemap check chapter.txt --format sarif > citemap.sarif";

#[derive(Subcommand, Debug)]
enum Command {
    /// Print the full analysis as JSON (schema 1).
    Analyze {
        #[command(flatten)]
        input: Input,
        #[arg(long, value_enum, default_value_t = AnalyzeFormat::Json)]
        format: AnalyzeFormat,
        #[command(flatten)]
        output: Output,
    },
    /// Export reference lists as BibTeX, BibLaTeX, CSL-JSON or RIS. With
    /// several documents, the same work cited in two is one entry.
    #[command(after_help = BIB_HELP)]
    Bib {
        /// The documents to read: files, folders, or "-" for standard input.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        batch: batch::BatchArgs,
        /// Read the inputs as plain text or Markdown (default: decide from content).
        #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
        input_format: InputFormat,
        /// Output format (default: `[bib] format` in citemap.toml, else
        /// bibtex).
        #[arg(long = "format", visible_alias = "dialect", value_enum)]
        format: Option<BibFormat>,
        /// Key pattern: {auth}, {Auth}, {year}, {title}, {Title},
        /// {shorttitle}, {auth.lower} and plain text (default: `[bib]
        /// key-format` in citemap.toml, else {auth}{year}{title}).
        #[arg(long, value_name = "PATTERN")]
        key_format: Option<String>,
        /// Add the works missing from this .bib library to it, in place,
        /// leaving every existing entry untouched.
        #[arg(long, value_name = "LIBRARY.bib", conflicts_with = "output")]
        merge: Option<PathBuf>,
        #[command(flatten)]
        library: LibraryArgs,
        #[command(flatten)]
        output: Output,
    },
    /// Parse reference strings, one a line, into JSON lines of fields.
    Refs {
        /// The files of references ("-" for standard input). With several,
        /// each line starts with the "path" of its file.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        batch: batch::BatchArgs,
        #[command(flatten)]
        output: Output,
    },
    /// One row per citation: key, dimension, line and claim.
    Links {
        #[command(flatten)]
        input: Input,
        #[arg(long, value_enum, default_value_t = LinksFormat::Csv)]
        format: LinksFormat,
        /// Write CSV cells as they are, even those a spreadsheet would run
        /// as formulas (by default they get a leading ').
        #[arg(long)]
        csv_formulas: bool,
        #[command(flatten)]
        output: Output,
    },
    /// Audit citations and references; exit 1 when findings reach --deny.
    #[command(after_help = CHECK_HELP)]
    Check {
        #[command(flatten)]
        input: Input,
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// Citation style whose et-al and ampersand rules apply (default:
        /// citemap.toml, else the style of the reference list, else apa7).
        #[arg(long, value_parser = ["apa7", "apa6", "harvard", "chicago"])]
        style: Option<String>,
        /// Fail at this level (error, warning, note), or treat this code as
        /// an error. Repeatable.
        #[arg(long, value_name = "LEVEL|CODE")]
        deny: Vec<String>,
        /// Do not report this code. Repeatable.
        #[arg(long, value_name = "CODE")]
        allow: Vec<String>,
        /// Report this code, which is off unless selected (missing-doi).
        /// Repeatable.
        #[arg(long, value_name = "CODE")]
        select: Vec<String>,
        /// Colour in human output.
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
        /// Apply the safe fixes (proof marks, "&" or "and" as the style
        /// wants, a year's letter only one entry can take): with --force in
        /// place, or with -o FILE to a fixed copy. The findings that remain
        /// are reported.
        #[arg(long, conflicts_with = "diff")]
        fix: bool,
        /// Print the safe fixes as a unified diff and change nothing (exit
        /// 1 when there is something to fix).
        #[arg(long)]
        diff: bool,
        #[command(flatten)]
        output: Output,
    },
    /// The heading tree: each heading's level, the reason for it, and
    /// which headings open dimensions.
    Outline {
        #[command(flatten)]
        input: Input,
        #[arg(long, value_enum, default_value_t = OutlineFormat::Text)]
        format: OutlineFormat,
        #[command(flatten)]
        output: Output,
    },
    /// Print the text citemap reads from a document: for Word, OpenDocument,
    /// HTML, LaTeX and JATS, the Markdown it extracts (spans and line
    /// numbers in every output point into this text).
    Extract {
        #[command(flatten)]
        input: Input,
        #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
        format: ExtractFormat,
        #[command(flatten)]
        output: Output,
    },
    /// What a `check` code finds, why it matters, and an example.
    Explain {
        /// The code, e.g. unresolved-citation (default: list every code).
        code: Option<String>,
        /// Every code in full, one after another.
        #[arg(long, conflicts_with = "code")]
        all: bool,
        #[arg(long, value_enum, default_value_t = ExplainFormat::Text)]
        format: ExplainFormat,
    },
    /// A shell completion script, for bash, zsh, fish, elvish or PowerShell.
    #[command(
        after_help = "Examples:\n  citemap completions bash > ~/.local/share/bash-completion/completions/citemap\n  citemap completions zsh > ~/.zfunc/_citemap\n  citemap completions fish > ~/.config/fish/completions/citemap.fish"
    )]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// The manual page, as roff (`citemap man | man -l -`).
    Man {
        /// A command's own page, e.g. check (default: the main page).
        command: Option<String>,
    },
    /// Serve diagnostics, hovers, definitions, fixes and key completion to
    /// an editor over the Language Server Protocol, on stdin and stdout.
    Lsp {
        #[command(flatten)]
        library: LibraryArgs,
    },
    /// Sources per dimension, with totals.
    Report {
        #[command(flatten)]
        input: Input,
        #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
        format: ReportFormat,
        /// Write CSV cells as they are, even those a spreadsheet would run
        /// as formulas (by default they get a leading ').
        #[arg(long)]
        csv_formulas: bool,
        #[command(flatten)]
        output: Output,
    },
}

/// The name of an input as messages show it.
pub(super) fn shown(f: &Path) -> String {
    match settings::named(f) {
        Some(p) => p.display().to_string(),
        None => "<stdin>".to_string(),
    }
}

/// Reads the input's bytes: the file, or standard input for "-".
fn read_bytes(path: &Path) -> Result<Vec<u8>, Error> {
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(None, e))?;
        Ok(bytes)
    } else {
        std::fs::read(path).map_err(|e| Error::io(Some(path), e))
    }
}

/// Reads a file of plain text (reference strings), or standard input.
fn read_input(path: &Path) -> Result<String, Error> {
    read_text(path, read_bytes(path)?).map(|(text, _)| text)
}

/// Reads a document of any kind citemap knows. The kind comes from
/// `--input-format`, else the extension, else the content.
fn read_document(path: &Path, format: InputFormat) -> Result<Extracted, Error> {
    use citemap::input::{Kind, extract};
    let shown = settings::named(path);
    let bytes = read_bytes(path)?;
    let kind = match format {
        InputFormat::Auto => shown
            .and_then(Kind::from_path)
            .unwrap_or_else(|| Kind::sniff(&bytes)),
        InputFormat::Text => Kind::Text,
        InputFormat::Markdown => Kind::Markdown,
        InputFormat::Docx => Kind::Docx,
        InputFormat::Odt => Kind::Odt,
        InputFormat::Html => Kind::Html,
        InputFormat::Latex => Kind::Latex,
        InputFormat::Jats => Kind::Jats,
    };
    // A text file's bytes that are not text get the line and column; a
    // UTF-16 file is decoded first.
    let mut replaced = Vec::new();
    let bytes = if matches!(kind, Kind::Text | Kind::Markdown) {
        let (text, r) = read_text(path, bytes)?;
        replaced = r;
        text.into_bytes()
    } else if LOSSY.load(std::sync::atomic::Ordering::Relaxed) && !kind.zipped() {
        // Markup is text too; its replaced bytes are warned about, but
        // their spans are in the file, not in the extracted text.
        read_text(path, bytes)?.0.into_bytes()
    } else {
        bytes
    };
    let dir = settings::folder(path);
    let mut doc = extract(bytes, kind, dir.as_deref()).map_err(|e| Error::Unreadable {
        path: shown.map(Path::to_path_buf),
        message: e.0,
    })?;
    if format == InputFormat::Text {
        doc.format = citemap::input::Format::Text;
    }
    doc.replaced = replaced;
    for n in &doc.notes {
        eprintln!("citemap: note: {}: {n}", self::shown(path));
    }
    Ok(doc)
}

/// Decodes a text file's bytes, or says where they stop being text.
/// With `--lossy`, replaces them instead, warns, and returns the runs.
fn read_text(path: &Path, bytes: Vec<u8>) -> Result<(String, Vec<Range<usize>>), Error> {
    let shown = settings::named(path);
    if LOSSY.load(std::sync::atomic::Ordering::Relaxed) {
        let (text, replaced) = citemap::input::decode_lossy(bytes);
        if let Some(first) = replaced.first() {
            let (line, col) =
                citemap::input::Source::new(&text[..first.start]).line_col(first.start);
            let bytes: usize = replaced.iter().map(|r| r.len()).sum();
            eprintln!(
                "citemap: warning: {}:{line}:{col}: {bytes} byte(s) that are not text replaced with \"?\" in {} place(s)",
                self::shown(path),
                replaced.len()
            );
        }
        return Ok((text, replaced));
    }
    citemap::input::decode(bytes)
        .map(|t| (t, Vec::new()))
        .map_err(|e| Error::NotText {
            path: shown.map(Path::to_path_buf),
            line: e.line,
            column: e.column,
        })
}

/// The analysis options for `path`: the flags, else its `citemap.toml`.
fn options(path: &Path, input: &Input) -> Result<citemap::Options, Error> {
    settings::config_for(path)?.analysis_options(input.dimensions.as_deref(), input.dimension_level)
}

fn load(path: &Path, input: &Input) -> Result<citemap::Analysis, Error> {
    load_kind(path, input).map(|(a, _)| a)
}

/// [`load`], with the kind of file the document was.
fn load_kind(
    path: &Path,
    input: &Input,
) -> Result<(citemap::Analysis, citemap::input::Kind), Error> {
    let doc = read_document(path, input.input_format)?;
    let kind = doc.kind;
    let mut options = options(path, input)?;
    options.library = library(path, &doc.libraries, &input.library)?;
    Ok((citemap::analysis::analyze_owned(doc, &options), kind))
}

/// The analysis of `text`, a changed version of the document `like` was
/// made from (plain text or Markdown of `kind`), read as [`load`] reads a
/// file and against the same library.
fn reanalyze(
    path: &Path,
    like: &citemap::Analysis,
    text: String,
    input: &Input,
    kind: citemap::input::Kind,
) -> Result<citemap::Analysis, Error> {
    let mut doc =
        citemap::input::extract(text.into_bytes(), kind, None).map_err(|e| Error::Unreadable {
            path: None,
            message: e.0,
        })?;
    if input.input_format == InputFormat::Text {
        doc.format = citemap::input::Format::Text;
    }
    let mut options = options(path, input)?;
    options.library = like.library.clone();
    Ok(citemap::analysis::analyze_owned(doc, &options))
}

/// The libraries a document is checked against: `--bib` files and those
/// the document names, read once per run and shared between documents
/// that name the same files.
fn library(
    path: &Path,
    named: &[String],
    args: &LibraryArgs,
) -> Result<Option<std::sync::Arc<citemap::library::Library>>, Error> {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex};
    static READ: Mutex<Option<HashMap<Vec<PathBuf>, Arc<citemap::library::Library>>>> =
        Mutex::new(None);
    // The flags' libraries, else those of citemap.toml.
    let mut files: Vec<(PathBuf, String)> = settings::config_for(path)?
        .libraries_or(&args.bib)
        .into_iter()
        .map(|f| {
            let shown = settings::relative(&f);
            (f, shown)
        })
        .collect();
    if let Some(path) = settings::named(path).filter(|_| !named.is_empty()) {
        let dir = path.parent().unwrap_or(Path::new(""));
        for n in named {
            let p = citemap::library::resolve(dir, n, args.bib_outside)?;
            let shown = shown(&p);
            if !files.iter().any(|(f, _)| f == &p) {
                files.push((p, shown));
            }
        }
    }
    if files.is_empty() {
        return Ok(None);
    }
    let key: Vec<PathBuf> = files.iter().map(|(f, _)| f.clone()).collect();
    if let Some(lib) = READ
        .lock()
        .ok()
        .and_then(|m| m.as_ref().and_then(|m| m.get(&key).cloned()))
    {
        return Ok(Some(lib));
    }
    let mut lib = citemap::library::Library::default();
    for (f, shown) in &files {
        lib.add(shown, &read_input(f)?)?;
    }
    let lib = Arc::new(lib);
    if let Ok(mut m) = READ.lock() {
        m.get_or_insert_with(HashMap::new).insert(key, lib.clone());
    }
    Ok(Some(lib))
}

/// Frames for the formats that have a plain, a JSON and a JSON Lines form.
fn json_frame(json: bool, lines: bool) -> batch::Frame {
    if lines {
        batch::Frame::Lines
    } else if json {
        batch::Frame::JsonArray
    } else {
        batch::Frame::Plain
    }
}

/// What `produce` writes, as bytes.
fn bytes(produce: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> Result<Vec<u8>, Error> {
    let mut out = Vec::new();
    produce(&mut out).map_err(|e| Error::io(None, e))?;
    Ok(out)
}

/// A plain-text output of one of several documents, after a
/// "==> path <==" line as `head` writes it.
fn headed(path: &Path, many: bool, text: Vec<u8>) -> Vec<u8> {
    if !many {
        return text;
    }
    let mut out = format!("==> {} <==\n", shown(path)).into_bytes();
    out.extend(text);
    if !out.ends_with(b"\n") {
        out.push(b'\n');
    }
    out
}

fn execute(cli: Cli) -> Result<i32, Error> {
    use citemap::render;
    LOSSY.store(cli.lossy, std::sync::atomic::Ordering::Relaxed);
    settings::init(settings::Global {
        stdin_filename: cli.stdin_filename,
        config: cli.config,
        no_config: cli.no_config,
    });
    output::clean_up_on_signals();
    match cli.command {
        Command::Analyze {
            input,
            format,
            output,
        } => {
            let lines = format == AnalyzeFormat::Jsonl;
            batch::run(
                &input.files,
                &input.batch,
                Some(&output),
                json_frame(true, lines),
                |path, many| {
                    let a = load(path, &input)?;
                    if many || lines {
                        let entry = batch::entry(path, "analysis", &render::json::view(&a), lines)?;
                        return Ok(batch::Piece::ok(entry));
                    }
                    Ok(batch::Piece::stream(0, move |w| render::json::write(&a, w)))
                },
            )
        }
        Command::Bib {
            files,
            batch,
            input_format,
            format,
            key_format,
            merge,
            library,
            output,
        } => {
            // The export's settings are the run's, not a document's: the
            // citemap.toml of the first input counts.
            let config = settings::config_for(files.first().map_or(Path::new("-"), |f| f))?;
            // citemap.toml's names are the flag's (checked when read).
            let format = format
                .or_else(|| {
                    let name = config.bib_format.as_deref()?;
                    <BibFormat as clap::ValueEnum>::from_str(name, false).ok()
                })
                .unwrap_or(BibFormat::Bibtex);
            let key_format = key_format.or_else(|| config.key_format.clone());
            bib::bib(
                &files,
                &Input {
                    files: Vec::new(),
                    batch,
                    input_format,
                    dimensions: None,
                    dimension_level: None,
                    library,
                },
                format,
                key_format.as_deref(),
                merge.as_deref(),
                &output,
            )
        }
        Command::Explain { code, all, format } => tools::explain(code.as_deref(), all, format),
        Command::Completions { shell } => tools::completions(
            shell,
            <Cli as clap::CommandFactory>::command(),
            &mut std::io::stdout().lock(),
        ),
        Command::Man { command } => tools::man(
            <Cli as clap::CommandFactory>::command(),
            command.as_deref(),
            &mut std::io::stdout().lock(),
        ),
        Command::Lsp { library } => tools::lsp(&library),
        Command::Refs {
            files,
            batch,
            output,
        } => bib::refs(&files, &batch, &output),
        Command::Links {
            input,
            format,
            csv_formulas,
            output,
        } => report::links(&input, format, !csv_formulas, &output),
        Command::Check {
            input,
            format,
            style,
            deny,
            allow,
            select,
            color,
            output,
            fix,
            diff,
        } => check::check(
            &input,
            &check::Settings {
                format,
                style: style.as_deref(),
                deny: &deny,
                allow: &allow,
                select: &select,
                color,
                fix: if diff {
                    check::FixMode::Diff
                } else if fix {
                    check::FixMode::Fix
                } else {
                    check::FixMode::Report
                },
            },
            &output,
        ),
        Command::Report {
            input,
            format,
            csv_formulas,
            output,
        } => report::report(&input, format, !csv_formulas, &output),
        Command::Outline {
            input,
            format,
            output,
        } => {
            let json = format != OutlineFormat::Text;
            let lines = format == OutlineFormat::Jsonl;
            batch::run(
                &input.files,
                &input.batch,
                Some(&output),
                json_frame(json, lines),
                |path, many| {
                    let a = load(path, &input)?;
                    let out = match format {
                        OutlineFormat::Text => {
                            headed(path, many, bytes(|w| render::outline::text(&a, w))?)
                        }
                        _ => {
                            let tree = bytes(|w| render::outline::json(&a, w))?;
                            if many || lines {
                                batch::entry(path, "headings", &batch::parsed(&tree)?, lines)?
                            } else {
                                tree
                            }
                        }
                    };
                    Ok(batch::Piece::ok(out))
                },
            )
        }
        Command::Extract {
            input,
            format,
            output,
        } => {
            let lines = format == ExtractFormat::Jsonl;
            batch::run(
                &input.files,
                &input.batch,
                Some(&output),
                json_frame(false, lines),
                |path, many| {
                    let doc = read_document(path, input.input_format)?;
                    let out = if lines {
                        batch::entry(path, "text", &doc.text, true)?
                    } else {
                        headed(path, many, doc.text.into_bytes())
                    };
                    Ok(batch::Piece::ok(out))
                },
            )
        }
    }
}

/// Runs the command line and returns the exit code.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    match execute(cli) {
        Ok(code) => code,
        Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e @ Error::NotText { .. }) => {
            eprintln!("citemap: {e}; --lossy reads it anyway, replacing such bytes");
            2
        }
        Err(e) => {
            eprintln!("citemap: {e}");
            2
        }
    }
}
