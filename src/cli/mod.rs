//! Command-line interface. Flags are parsed by clap into plain structs; each
//! subcommand turns them into library calls and writes the result.

mod output;

use citemap::Error;
use clap::{Parser, Subcommand};
use std::io::Read;
use std::path::{Path, PathBuf};

#[derive(Parser, Debug)]
#[command(
    name = "citemap",
    version,
    about = "Citations and bibliographies of author-date documents",
    after_help = "Examples:\n  citemap analyze chapter.txt > analysis.json\n  citemap bib chapter.txt -o chapter.bib\n  citemap links chapter.txt --format csv\n  citemap report chapter.txt --format md\n  cat chapter.txt | citemap analyze -"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args, Debug)]
struct Input {
    /// The document to read ("-" for standard input).
    file: PathBuf,
    /// Read the input as plain text or Markdown (default: decide from content).
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    input_format: InputFormat,
    /// A TOML profile that names the dimensions and the headings that
    /// start them (default: every top-level section is a dimension).
    #[arg(long, value_name = "FILE.toml")]
    dimensions: Option<PathBuf>,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum InputFormat {
    Auto,
    Text,
    Markdown,
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
    Csv,
    Json,
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
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum CheckFormat {
    /// For people: code, message, file:line:column and the marked line.
    Human,
    /// A JSON array of findings.
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ColorChoice {
    /// Colour on a terminal, unless NO_COLOR is set.
    Auto,
    Always,
    Never,
}

const CHECK_HELP: &str = "Exit codes: 0 nothing at or above the --deny level (default: error), 1 something is, 2 usage or I/O error.\n\nSettings may also come from a citemap.toml next to the document or in a parent folder:\n  [check]\n  style = \"apa6\"\n  allow = [\"reference-order\"]\n  deny = [\"warning\"]\n\nExamples:\n  citemap check chapter.txt\n  citemap check chapter.txt --style apa6 --deny warning\n  citemap check chapter.txt --format sarif > citemap.sarif";

#[derive(Subcommand, Debug)]
enum Command {
    /// Print the full analysis as JSON (schema 1).
    Analyze {
        #[command(flatten)]
        input: Input,
    },
    /// Export reference lists as BibTeX, BibLaTeX, CSL-JSON or RIS. With
    /// several documents, the same work cited in two is one entry.
    #[command(after_help = BIB_HELP)]
    Bib {
        /// The documents to read ("-" for standard input).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Read the inputs as plain text or Markdown (default: decide from content).
        #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
        input_format: InputFormat,
        /// Output format.
        #[arg(long = "format", visible_alias = "dialect", value_enum, default_value_t = BibFormat::Bibtex)]
        format: BibFormat,
        /// Key pattern: {auth}, {Auth}, {year}, {title}, {Title} and plain text.
        #[arg(long, value_name = "PATTERN", default_value = "{auth}{year}{title}")]
        key_format: String,
        /// Add the works missing from this .bib library to it, in place,
        /// leaving every existing entry untouched.
        #[arg(long, value_name = "LIBRARY.bib", conflicts_with = "output")]
        merge: Option<PathBuf>,
        #[command(flatten)]
        output: Output,
    },
    /// Parse reference strings, one a line, into JSON lines of fields.
    Refs {
        /// The file of references ("-" for standard input).
        file: PathBuf,
        #[command(flatten)]
        output: Output,
    },
    /// One row per citation: key, dimension, line and claim.
    Links {
        #[command(flatten)]
        input: Input,
        #[arg(long, value_enum, default_value_t = LinksFormat::Csv)]
        format: LinksFormat,
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
        /// Colour in human output.
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
        /// Ignore citemap.toml files.
        #[arg(long)]
        no_config: bool,
    },
    /// Sources per dimension, with totals.
    Report {
        #[command(flatten)]
        input: Input,
        #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
        format: ReportFormat,
        #[command(flatten)]
        output: Output,
    },
}

/// Reads the input file, or standard input for "-".
fn read_input(path: &Path) -> Result<String, Error> {
    let mut bytes = Vec::new();
    let shown = (path != Path::new("-")).then_some(path);
    if shown.is_none() {
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(None, e))?;
    } else {
        bytes = std::fs::read(path).map_err(|e| Error::io(shown, e))?;
    }
    String::from_utf8(bytes).map_err(|_| Error::NotText {
        path: shown.map(Path::to_path_buf),
    })
}

fn options(input: &Input) -> Result<citemap::Options, Error> {
    let format = match input.input_format {
        InputFormat::Auto => {
            let md = input
                .file
                .extension()
                .is_some_and(|e| e == "md" || e == "markdown");
            if md {
                citemap::input::Format::Markdown
            } else {
                citemap::input::Format::Auto
            }
        }
        InputFormat::Text => citemap::input::Format::Text,
        InputFormat::Markdown => citemap::input::Format::Markdown,
    };
    let profile = match &input.dimensions {
        Some(p) => {
            let text = std::fs::read_to_string(p).map_err(|e| Error::io(Some(p), e))?;
            Some(citemap::profile::Profile::from_toml(&text)?)
        }
        None => None,
    };
    Ok(citemap::Options { format, profile })
}

fn load(input: &Input) -> Result<citemap::Analysis, Error> {
    let text = read_input(&input.file)?;
    Ok(citemap::analyze(&text, &options(input)?))
}

fn csv_io(e: csv::Error) -> std::io::Error {
    std::io::Error::other(e)
}

fn execute(cli: Cli) -> Result<i32, Error> {
    use citemap::render;
    match cli.command {
        Command::Analyze { input } => {
            let a = load(&input)?;
            output::emit(None, false, |w| render::json::write(&a, w))?;
        }
        Command::Bib {
            files,
            input_format,
            format,
            key_format,
            merge,
            output,
        } => {
            bib(
                &files,
                input_format,
                format,
                &key_format,
                merge.as_deref(),
                &output,
            )?;
        }
        Command::Refs { file, output } => {
            let text = read_input(&file)?;
            let refs = citemap::reference::parse_lines(&text);
            output::emit(output.output.as_deref(), output.force, |w| {
                render::json::write_fields(&refs, w)
            })?;
        }
        Command::Links {
            input,
            format,
            output,
        } => {
            let a = load(&input)?;
            output::emit(output.output.as_deref(), output.force, |w| match format {
                LinksFormat::Csv => render::table::links(&a, w).map_err(csv_io),
                LinksFormat::Json => {
                    serde_json::to_writer_pretty(&mut *w, &render::json::view(&a).citations)
                        .map_err(std::io::Error::other)?;
                    writeln!(w)
                }
            })?;
        }
        Command::Check {
            input,
            format,
            style,
            deny,
            allow,
            color,
            no_config,
        } => {
            return check(
                &input,
                format,
                style.as_deref(),
                &deny,
                &allow,
                color,
                no_config,
            );
        }
        Command::Report {
            input,
            format,
            output,
        } => {
            let a = load(&input)?;
            let r = citemap::report::build(&a);
            output::emit(output.output.as_deref(), output.force, |w| match format {
                ReportFormat::Md => render::markdown::write(&r, w),
                ReportFormat::Csv => render::table::report(&r, w).map_err(csv_io),
                ReportFormat::Matrix => render::table::matrix(&r, w).map_err(csv_io),
                ReportFormat::Json => {
                    serde_json::to_writer_pretty(&mut *w, &r).map_err(std::io::Error::other)?;
                    writeln!(w)
                }
                ReportFormat::Html => {
                    let title = input.file.file_name().map_or_else(
                        || "standard input".to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    );
                    render::html::write(&a, &r, &title, w)
                }
            })?;
        }
    }
    Ok(0)
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
        Err(e) => {
            eprintln!("citemap: {e}");
            2
        }
    }
}

/// The nearest `citemap.toml` in the document's folder or above it.
fn find_config(doc: &Path) -> Option<PathBuf> {
    let start = if doc == Path::new("-") {
        std::env::current_dir().ok()?
    } else {
        std::fs::canonicalize(doc).ok()?.parent()?.to_path_buf()
    };
    start
        .ancestors()
        .map(|d| d.join("citemap.toml"))
        .find(|p| p.is_file())
}

fn check(
    input: &Input,
    format: CheckFormat,
    style: Option<&str>,
    deny: &[String],
    allow: &[String],
    color: ColorChoice,
    no_config: bool,
) -> Result<i32, Error> {
    use citemap::check::{CheckOptions, Style};
    use citemap::config::Config;
    use std::io::IsTerminal;
    let config = match find_config(&input.file).filter(|_| !no_config) {
        Some(p) => {
            let text = std::fs::read_to_string(&p).map_err(|e| Error::io(Some(&p), e))?;
            Config::from_toml(&text).map_err(|e| Error::Usage(format!("{}: {e}", p.display())))?
        }
        None => Config::default(),
    };
    let mut policy = config.policy;
    for a in allow {
        policy
            .allow(a)
            .map_err(|e| Error::Usage(format!("--allow: {e}")))?;
    }
    for d in deny {
        policy
            .deny(d)
            .map_err(|e| Error::Usage(format!("--deny: {e}")))?;
    }
    let a = load(input)?;
    let style = style
        .and_then(Style::parse)
        .or(config.style)
        .or_else(|| Style::infer(&a))
        .unwrap_or_default();
    let diags = policy.apply(citemap::check::check(
        &a,
        &CheckOptions {
            style,
            ..Default::default()
        },
    ));
    let name = input.file.display().to_string();
    let name = if name == "-" {
        "<stdin>".to_string()
    } else {
        name
    };
    let use_color = match color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    output::emit(None, false, |w| match format {
        CheckFormat::Human => {
            citemap::render::diagnostics::human(&diags, &a.source, &name, use_color, w)
        }
        CheckFormat::Json => citemap::render::diagnostics::json(&diags, &a.source, w),
        CheckFormat::Sarif => citemap::render::diagnostics::sarif(&diags, &a.source, &name, w),
    })?;
    Ok(i32::from(policy.fails(&diags)))
}

fn bib(
    files: &[PathBuf],
    input_format: InputFormat,
    format: BibFormat,
    key_format: &str,
    merge: Option<&Path>,
    output: &Output,
) -> Result<(), Error> {
    use citemap::bibliography::{KeyFormat, assign_keys, combine, merge_into};
    use citemap::render::{bib::Dialect, bib::write, csl, ris};
    let keys = KeyFormat::parse(key_format)?;
    let mut lists = Vec::new();
    for f in files {
        let input = Input {
            file: f.clone(),
            input_format,
            dimensions: None,
        };
        lists.push(load(&input)?.references);
    }
    let mut refs = combine(lists);
    assign_keys(&mut refs, &keys, &Default::default());
    let dialect = match format {
        BibFormat::Biblatex => Dialect::Biblatex,
        _ => Dialect::Bibtex,
    };
    if let Some(lib) = merge {
        if matches!(format, BibFormat::CslJson | BibFormat::Ris) {
            return Err(Error::Usage(
                "--merge takes a .bib library: use --format bibtex or biblatex".into(),
            ));
        }
        let text = std::fs::read_to_string(lib).map_err(|e| Error::io(Some(lib), e))?;
        let (merged, report) = merge_into(&text, &refs, dialect, &keys)
            .map_err(|e| Error::Usage(format!("{}: {e}", lib.display())))?;
        if !report.added.is_empty() {
            output::write_atomic(lib, |w| w.write_all(merged.as_bytes()))?;
        }
        eprintln!(
            "citemap: added {} entries to {}",
            report.added.len(),
            lib.display()
        );
        for (new, old) in &report.existing {
            eprintln!("citemap: {new} is already in the library as {old}");
        }
        return Ok(());
    }
    output::emit(output.output.as_deref(), output.force, |w| match format {
        BibFormat::Bibtex | BibFormat::Biblatex => write(&refs, dialect, w),
        BibFormat::CslJson => csl::write(&refs, w),
        BibFormat::Ris => ris::write(&refs, w),
    })
}
