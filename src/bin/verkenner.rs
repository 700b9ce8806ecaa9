//! `verkenner`: the command-line tool for curators and scripts, built from the same core as
//! the app.
//!
//! `verkenner search [...] "QUERY"` searches the embedded corpus, as the app does.
//! `verkenner woord [--json] [--orde tekst|links|rechts] "WORD"` shows how each side uses a
//! word, in context, with the typical words of each side and the framing words: the
//! Woorden view's answer.
//! `verkenner check [--corpus DIR]` validates a corpus folder and prints the same errors as the
//! build. Errors go to stderr with a non-zero exit code.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use verkenner::corpus::{Kind, Stance};
use verkenner::search::Filters;
use verkenner::words::{Concordance, Order};

const USAGE: &str = "\
Gebruik / usage:
  verkenner search [--json] [--limit N] [--theme T] [--stance S] [--kind K]
                   [--document D] [--year Y|onbekend] \"QUERY\"
                                   search the embedded corpus (filters may repeat)
  verkenner woord [--json] [--orde tekst|links|rechts] \"WORD\"
                                   a word in context per side, as the Woorden view shows it
  verkenner check [--corpus DIR]   validate a corpus folder (default: corpus)
  verkenner stats                  counts of the embedded corpus";

fn main() -> ExitCode {
    let args: Result<Vec<String>, _> =
        std::env::args_os().skip(1).map(|a| a.into_string()).collect();
    let Ok(args) = args else {
        eprintln!("arguments must be text (UTF-8)");
        return ExitCode::FAILURE;
    };
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
        Some("search") => search(&args[1..]),
        Some("woord") => word(&args[1..]),
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

struct SearchArgs {
    json: bool,
    limit: usize,
    filters: Filters,
    query: String,
}

fn parse_search(args: &[String]) -> Result<SearchArgs, String> {
    let corpus = verkenner::corpus();
    let mut parsed =
        SearchArgs { json: false, limit: 10, filters: Filters::default(), query: String::new() };
    let mut query: Option<String> = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = |name: &str| rest.next().cloned().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--json" => parsed.json = true,
            "--limit" => {
                let v = value("--limit")?;
                parsed.limit =
                    v.parse().map_err(|_| format!("--limit wants a number, not \"{v}\""))?;
            }
            "--theme" => {
                let v = value("--theme")?;
                let idx = corpus.themes.iter().position(|t| t.id == v).ok_or_else(|| {
                    let known: Vec<&str> = corpus.themes.iter().map(|t| t.id.as_str()).collect();
                    format!("unknown theme \"{v}\"; themes: {}", known.join(", "))
                })?;
                parsed.filters.themes.push(idx as u8);
            }
            "--stance" => {
                let v = value("--stance")?;
                let stance = Stance::from_id(&v).ok_or(format!(
                    "unknown stance \"{v}\"; use optimistisch, kritisch or gemengd"
                ))?;
                parsed.filters.stances.push(stance);
            }
            "--kind" => {
                let v = value("--kind")?;
                let kind = Kind::from_id(&v).ok_or(format!(
                    "unknown kind \"{v}\"; use nieuws, opinie, persbericht or reactie"
                ))?;
                parsed.filters.kinds.push(kind);
            }
            "--document" => {
                let v = value("--document")?;
                let (idx, _) = corpus
                    .articles()
                    .find(|(_, d)| d.id == v)
                    .ok_or(format!("unknown document \"{v}\"; see `verkenner stats`"))?;
                parsed.filters.documents.push(idx);
            }
            "--year" => {
                let v = value("--year")?;
                let year = match v.as_str() {
                    "onbekend" | "unknown" => None,
                    _ => Some(v.parse::<u16>().map_err(|_| {
                        format!("--year wants a year or \"onbekend\", not \"{v}\"")
                    })?),
                };
                parsed.filters.years.push(year);
            }
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option \"{flag}\"\n\n{USAGE}"))
            }
            _ if query.is_some() => {
                return Err("give the query as one argument, in quotes".to_string())
            }
            text => query = Some(text.to_string()),
        }
    }
    parsed.query = query.unwrap_or_default();
    Ok(parsed)
}

fn search(args: &[String]) -> Result<(), String> {
    let args = parse_search(args)?;
    let corpus = verkenner::corpus();
    let results = verkenner::engine().search(&args.query, &args.filters, args.limit);
    let out = if args.json {
        let hits: Vec<serde_json::Value> =
            results.hits.iter().map(|hit| hit_json(corpus, hit)).collect();
        serde_json::to_string_pretty(&hits).expect("JSON values always serialise") + "\n"
    } else {
        human(corpus, &results)
    };
    print(&out)
}

/// Writes to stdout; a reader that stopped reading (`| head`) is no error.
fn print(out: &str) -> Result<(), String> {
    match std::io::stdout().lock().write_all(out.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write the results: {e}"))
        }
        _ => Ok(()),
    }
}

/// The results for a person at a terminal.
fn human(corpus: &verkenner::Corpus, results: &verkenner::search::Results) -> String {
    let mut out = format!("{} passages match; showing {}\n", results.total, results.hits.len());
    for (rank, hit) in results.hits.iter().enumerate() {
        let passage = &corpus.passages[hit.passage as usize];
        let article = &corpus.documents[corpus.article_of(hit.document) as usize];
        let title = article.title.as_deref().unwrap_or(&article.id);
        let _ = writeln!(
            out,
            "\n{:>2}. {} ({title}, {}) score {:.3}",
            rank + 1,
            passage.id,
            passage.stance.id(),
            hit.score
        );
        let _ = writeln!(out, "    {}", marked(&hit.snippet));
        let why: Vec<String> = hit
            .matched
            .iter()
            .map(|m| format!("{} -> {} ({})", m.query, m.term, m.kind.id()))
            .collect();
        if !why.is_empty() {
            let _ = writeln!(out, "    matched: {}", why.join("; "));
        }
    }
    out
}

/// The snippet with marks shown as [brackets], for a terminal.
fn marked(snippet: &verkenner::search::Snippet) -> String {
    let mut out = String::new();
    let mut at = 0;
    if snippet.cut_start {
        out.push('…');
    }
    for &(s, e) in &snippet.marks {
        out.push_str(&snippet.text[at..s]);
        out.push('[');
        out.push_str(&snippet.text[s..e]);
        out.push(']');
        at = e;
    }
    out.push_str(&snippet.text[at..]);
    if snippet.cut_end {
        out.push('…');
    }
    out.replace('\n', " ")
}

fn hit_json(corpus: &verkenner::Corpus, hit: &verkenner::search::Hit) -> serde_json::Value {
    let passage = &corpus.passages[hit.passage as usize];
    let doc = &corpus.documents[hit.document as usize];
    let article = &corpus.documents[corpus.article_of(hit.document) as usize];
    serde_json::json!({
        "passage": passage.id,
        "document": doc.id,
        "article": article.id,
        "title": article.title,
        "kind": doc.kind.id(),
        "stance": passage.stance.id(),
        "themes": passage.themes.iter().map(|&t| corpus.theme(t).id.clone()).collect::<Vec<_>>(),
        "score": hit.score,
        "coverage": hit.coverage,
        "text": hit.text,
        "marks": hit.marks,
        "snippet": {
            "text": hit.snippet.text,
            "offset": hit.snippet.offset,
            "marks": hit.snippet.marks,
            "cut_start": hit.snippet.cut_start,
            "cut_end": hit.snippet.cut_end,
            "marked": marked(&hit.snippet),
        },
        "matched": hit.matched.iter().map(|m| serde_json::json!({
            "query": m.query, "term": m.term, "kind": m.kind.id(),
        })).collect::<Vec<_>>(),
    })
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
    verkenner::corpus::framing::load(&dir, &corpus).map_err(|errors| errors.to_string())?;
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

fn word(args: &[String]) -> Result<(), String> {
    let mut json = false;
    let mut order = Order::Text;
    let mut word: Option<&str> = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--orde" => {
                let v = rest.next().ok_or("--orde needs a value")?;
                order = Order::from_id(v)
                    .ok_or(format!("unknown order \"{v}\"; use tekst, links or rechts"))?;
            }
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option \"{flag}\"\n\n{USAGE}"))
            }
            _ if word.is_some() => return Err("give the word as one argument, in quotes".into()),
            text => word = Some(text),
        }
    }
    let answer = verkenner::words::words().lookup(word.unwrap_or_default(), order);
    let out = if json {
        serde_json::to_string_pretty(&word_json(&answer)).expect("JSON values always serialise")
            + "\n"
    } else {
        word_human(&answer)
    };
    print(&out)
}

fn word_json(answer: &Concordance) -> serde_json::Value {
    let corpus = verkenner::corpus();
    let table = verkenner::words::table();
    let sides: Vec<serde_json::Value> = answer
        .sides
        .iter()
        .map(|side| {
            let lines: Vec<serde_json::Value> = side
                .lines
                .iter()
                .map(|line| {
                    let passage = &corpus.passages[line.passage as usize];
                    let article = corpus.article_of(passage.document) as usize;
                    let [left, keyword, right] = line.parts(&passage.text);
                    serde_json::json!({
                        "passage": passage.id,
                        "document": corpus.documents[passage.document as usize].id,
                        "article": corpus.documents[article].id,
                        "kind": line.kind.id(),
                        "left": left, "keyword": keyword, "right": right,
                        "start": line.start, "end": line.end,
                    })
                })
                .collect();
            serde_json::json!({
                "stance": side.stance.id(),
                "count": side.count(),
                "words": side.words,
                "per_thousand": side.per_thousand(),
                "per_thousand_text": verkenner::words::decimal(side.per_thousand()),
                "lines": lines,
            })
        })
        .collect();
    let typical: Vec<serde_json::Value> = Stance::ALL
        .iter()
        .zip(&table.keywords.sides)
        .map(|(stance, words)| {
            serde_json::json!({
                "stance": stance.id(),
                "words": words.iter().map(|k| serde_json::json!({
                    "form": k.form, "stem": k.stem, "count": k.count,
                    "reference": k.reference, "score": k.score,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let framing: Vec<serde_json::Value> = table
        .framing
        .iter()
        .map(|f| {
            serde_json::json!({
                "word": f.word,
                "term": f.term.map(|t| corpus.glossary[t as usize].id.clone()),
                "quotes": f.quotes.iter().map(|q| {
                    let passage = &corpus.passages[q.passage as usize];
                    serde_json::json!({
                        "stance": q.stance.id(),
                        "passage": passage.id,
                        "text": &passage.text[q.start as usize..q.end as usize],
                    })
                }).collect::<Vec<_>>(),
            })
        })
        .collect();
    serde_json::json!({
        "word": answer.word,
        "total": answer.total(),
        "sides": sides,
        "forms": answer.forms.iter().map(|f| serde_json::json!({
            "term": f.term, "kind": f.kind.id(), "count": f.count,
        })).collect::<Vec<_>>(),
        "suggestions": answer.suggestions,
        "typical": typical,
        "framing": framing,
    })
}

fn word_human(answer: &Concordance) -> String {
    let corpus = verkenner::corpus();
    if answer.total() == 0 {
        let mut out = format!("\"{}\" does not occur in the texts\n", answer.word);
        if !answer.suggestions.is_empty() {
            let _ = writeln!(out, "did you mean: {}", answer.suggestions.join(", "));
        }
        return out;
    }
    let mut out = String::new();
    for side in &answer.sides {
        let _ = writeln!(
            out,
            "\n{}: {} times, {} per 1 000 words ({} words)",
            side.stance.id(),
            side.count(),
            verkenner::words::decimal(side.per_thousand()),
            side.words
        );
        for line in &side.lines {
            let passage = &corpus.passages[line.passage as usize];
            let [left, keyword, right] = line.parts(&passage.text);
            let flat = |t: &str| t.replace('\n', " ");
            let _ = writeln!(
                out,
                "  {:>50} [{}] {:<50} {} ({})",
                flat(left),
                flat(keyword),
                flat(right),
                passage.id,
                line.kind.id()
            );
        }
    }
    out
}
