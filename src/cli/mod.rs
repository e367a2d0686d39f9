//! Command-line interface. Flags are parsed by clap into plain structs; each
//! subcommand turns them into library calls and writes the result.

use citemap::Error;
use clap::{Parser, Subcommand};
use std::io::{Read, Write};
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
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum InputFormat {
    Auto,
    Text,
    Markdown,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print the full analysis as JSON (schema 1).
    Analyze {
        #[command(flatten)]
        input: Input,
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

fn options(input: &Input) -> citemap::Options {
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
    citemap::Options { format }
}

fn load(input: &Input) -> Result<citemap::Analysis, Error> {
    let text = read_input(&input.file)?;
    Ok(citemap::analyze(&text, &options(input)))
}

fn execute(cli: Cli) -> Result<i32, Error> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let io = |e| Error::io(None, e);
    match cli.command {
        Command::Analyze { input } => {
            let a = load(&input)?;
            citemap::render::json::write(&a, &mut out).map_err(io)?;
        }
    }
    out.flush().map_err(io)?;
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
