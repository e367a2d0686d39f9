//! The `citemap` command line: thin glue over the library.

mod cli;

fn main() {
    std::process::exit(cli::run());
}
