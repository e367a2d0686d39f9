//! Command-line interface. Flags are parsed by clap into plain structs; each
//! subcommand turns them into library calls and writes the result.

mod bib;
mod check;
mod output;
mod report;

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
    if f == Path::new("-") {
        "<stdin>".to_string()
    } else {
        f.display().to_string()
    }
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
    citemap::input::decode(bytes).map_err(|e| Error::NotText {
        path: shown.map(Path::to_path_buf),
        line: e.line,
        column: e.column,
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
            return bib::bib(
                &files,
                input_format,
                format,
                &key_format,
                merge.as_deref(),
                &output,
            );
        }
        Command::Refs { file, output } => return bib::refs(&file, &output),
        Command::Links {
            input,
            format,
            csv_formulas,
            output,
        } => report::links(&input, format, !csv_formulas, &output)?,
        Command::Check {
            input,
            format,
            style,
            deny,
            allow,
            color,
            no_config,
        } => {
            return check::check(
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
            csv_formulas,
            output,
        } => report::report(&input, format, !csv_formulas, &output)?,
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
