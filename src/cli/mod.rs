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
    Bibtex,
    Biblatex,
}

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
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print the full analysis as JSON (schema 1).
    Analyze {
        #[command(flatten)]
        input: Input,
    },
    /// Export the reference list as BibTeX or BibLaTeX.
    Bib {
        #[command(flatten)]
        input: Input,
        /// The .bib dialect.
        #[arg(long, alias = "format", value_enum, default_value_t = BibFormat::Bibtex)]
        dialect: BibFormat,
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
            input,
            dialect,
            output,
        } => {
            let a = load(&input)?;
            let d = match dialect {
                BibFormat::Bibtex => render::bib::Dialect::Bibtex,
                BibFormat::Biblatex => render::bib::Dialect::Biblatex,
            };
            output::emit(output.output.as_deref(), output.force, |w| {
                render::bib::write(&a.references, d, w)
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
