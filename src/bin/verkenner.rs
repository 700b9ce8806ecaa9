//! `verkenner`: the command-line tool for curators and scripts, built from the same core as
//! the app.
//!
//! `verkenner check [--corpus DIR]` validates a corpus folder and prints the same errors as the
//! build. Errors go to stderr with a non-zero exit code.

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
Gebruik / usage:
  verkenner check [--corpus DIR]   validate a corpus folder (default: corpus)
  verkenner stats                  counts of the embedded corpus";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("check") => check(&args[1..]),
        Some("stats") if args.len() == 1 => {
            stats(verkenner::corpus());
            Ok(())
        }
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command \"{other}\"\n\n{USAGE}")),
        None => Err(USAGE.to_string()),
    }
}

fn check(args: &[String]) -> Result<(), String> {
    let mut dir = PathBuf::from("corpus");
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--corpus" => dir = rest.next().ok_or("--corpus needs a folder")?.into(),
            other => return Err(format!("unknown argument \"{other}\" for check\n\n{USAGE}")),
        }
    }
    let corpus = verkenner::corpus::load_dir(&dir).map_err(|errors| errors.to_string())?;
    println!("{}: ok", dir.display());
    stats(&corpus);
    Ok(())
}

fn stats(corpus: &verkenner::Corpus) {
    let articles = corpus.articles().count();
    let comments = corpus.documents.len() - articles;
    println!(
        "{articles} documents, {comments} comments, {} passages, {} themes, {} key questions, {} glossary terms",
        corpus.passages.len(),
        corpus.themes.len(),
        corpus.kernvragen.len(),
        corpus.glossary.len()
    );
    for stance in verkenner::corpus::Stance::ALL {
        let n = corpus.passages.iter().filter(|p| p.stance == stance).count();
        println!("  {:<20} {n}", stance.label());
    }
}
