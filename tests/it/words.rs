//! Woorden: word-in-context lines, the typical words of each side, the framing words and the
//! silent-side table, each checked against a plain scan of the corpus or an independent
//! derivation, never against counts written here (the corpus may be relabelled).

use std::collections::BTreeSet;

use verkenner::corpus::framing::{self, FramingWord};
use verkenner::corpus::{load_dir, Corpus, ErrorKind, Kind, Stance};
use verkenner::search::MatchKind;
use verkenner::text::{analyze, fold, stem};
use verkenner::words::{keyness, words, Grid, Order, Silence};

use crate::{fixture_with, root};

const SAMPLE: &[&str] = &[
    "transformatie",
    "zorg",
    "bezuiniging",
    "gemeenten",
    "vernieuwing",
    "regie",
    "Cliënt",
    "de",
    "wmo",
];

/// The stems of a text's word tokens, with their byte ranges.
fn stems(text: &str) -> Vec<(String, usize, usize)> {
    analyze(text)
        .into_iter()
        .filter(|t| !t.joined)
        .map(|t| (stem(&t.term), t.start, t.end))
        .collect()
}

/// Per side, where a plain scan finds the word (its words in a row, each in any form).
fn plain_scan(corpus: &Corpus, word: &str) -> [BTreeSet<(u32, usize)>; 3] {
    let wanted: Vec<String> = stems(word).into_iter().map(|(s, _, _)| s).collect();
    let mut found: [BTreeSet<(u32, usize)>; 3] = Default::default();
    for (p, passage) in corpus.passages.iter().enumerate() {
        let tokens = stems(&passage.text);
        for window in tokens.windows(wanted.len()) {
            if window.iter().zip(&wanted).all(|((s, _, _), w)| s == w) {
                found[passage.stance as usize].insert((p as u32, window[0].1));
            }
        }
    }
    found
}

#[test]
fn counts_per_side_are_what_a_plain_scan_finds() {
    let corpus = verkenner::corpus();
    for word in SAMPLE.iter().copied().chain(["eigen kracht", "dichter bij de burger"]) {
        let answer = words().lookup(word, Order::Text);
        let plain = plain_scan(corpus, word);
        for (side, expected) in answer.sides.iter().zip(&plain) {
            // The word in any form: exactly the plain scan's places.
            let forms: BTreeSet<(u32, usize)> = side
                .lines
                .iter()
                .filter(|l| l.kind != MatchKind::Compound)
                .map(|l| (l.passage, l.start))
                .collect();
            let stem_forms: BTreeSet<(u32, usize)> = forms
                .iter()
                .copied()
                .filter(|&(p, start)| {
                    let text = &corpus.passages[p as usize].text;
                    stems(&text[start..]).first().map(|s| &s.0) == plain_first_stem(word).as_ref()
                })
                .collect();
            assert_eq!(&stem_forms, expected, "{word:?}, {}: lines in any form", side.stance.id());
            assert!(side.count() >= expected.len(), "{word:?}: fewer lines than the plain scan");
            let words_of_side: usize = corpus
                .passages
                .iter()
                .filter(|p| p.stance == side.stance)
                .map(|p| stems(&p.text).len())
                .sum();
            assert_eq!(side.words as usize, words_of_side, "{}: side length", side.stance.id());
        }
        // Compounds hold the word (or its stem) inside them.
        let folded = fold(word);
        for line in
            answer.sides.iter().flat_map(|s| &s.lines).filter(|l| l.kind == MatchKind::Compound)
        {
            let keyword = fold(&corpus.passages[line.passage as usize].text[line.start..line.end]);
            assert!(
                keyword.contains(&folded) || keyword.contains(&stem(&folded)),
                "{word:?}: compound line {keyword:?}"
            );
        }
    }
}

fn plain_first_stem(word: &str) -> Option<String> {
    stems(word).into_iter().next().map(|s| s.0)
}

#[test]
fn zorg_finds_compounds_and_says_so() {
    let answer = words().lookup("zorg", Order::Text);
    let compounds: Vec<&str> = answer
        .forms
        .iter()
        .filter(|f| f.kind == MatchKind::Compound)
        .map(|f| f.term.as_str())
        .collect();
    assert!(compounds.contains(&"mantelzorgers"), "{compounds:?}");
    assert!(answer.forms.iter().any(|f| f.term == "zorg" && f.kind == MatchKind::Exact));
    assert_eq!(answer.forms.iter().map(|f| f.count).sum::<usize>(), answer.total());
}

#[test]
fn lines_are_slices_of_the_original_text() {
    let corpus = verkenner::corpus();
    for word in SAMPLE.iter().copied().chain(["eigen kracht"]) {
        for order in Order::ALL {
            for line in words().lookup(word, order).sides.iter().flat_map(|s| &s.lines) {
                let text = &corpus.passages[line.passage as usize].text;
                let [left, keyword, right] = line.parts(text);
                assert_eq!(format!("{left}{keyword}{right}"), text[line.left..line.right]);
                assert!(!keyword.is_empty() && line.left <= line.start && line.end <= line.right);
                // The keyword is whole tokens: what the analyser cut, nothing more.
                let tokens = analyze(keyword);
                assert_eq!(tokens.first().map(|t| t.start), Some(0), "{word:?}: {keyword:?}");
                assert_eq!(tokens.iter().map(|t| t.end).max(), Some(keyword.len()));
                let words_left = analyze(left).into_iter().filter(|t| !t.joined).count();
                assert!(words_left <= verkenner::words::CONTEXT_WORDS, "{left:?}");
            }
        }
    }
}

#[test]
fn orders_sort_by_the_neighbouring_word() {
    let corpus = verkenner::corpus();
    let neighbour = |order: Order, line: &verkenner::words::Line| -> String {
        let [left, _, right] = line.parts(&corpus.passages[line.passage as usize].text);
        let tokens: Vec<String> = analyze(if order == Order::Left { left } else { right })
            .into_iter()
            .filter(|t| !t.joined)
            .map(|t| t.term)
            .collect();
        let word = if order == Order::Left { tokens.last() } else { tokens.first() };
        word.cloned().unwrap_or_default()
    };
    for order in [Order::Left, Order::Right] {
        let text_order = words().lookup("gemeenten", Order::Text);
        let sorted = words().lookup("gemeenten", order);
        for (a, b) in text_order.sides.iter().zip(&sorted.sides) {
            let mut x = a.lines.clone();
            let mut y = b.lines.clone();
            x.sort_by_key(|l| (l.passage, l.start));
            y.sort_by_key(|l| (l.passage, l.start));
            assert_eq!(x, y, "ordering keeps the same lines");
            let keys: Vec<String> = b.lines.iter().map(|l| neighbour(order, l)).collect();
            assert!(keys.windows(2).all(|w| w[0] <= w[1]), "{order:?}: {keys:?}");
        }
    }
}

#[test]
fn an_unknown_word_gets_no_lines_and_a_suggestion() {
    let half = words().lookup("transformat", Order::Text);
    assert_eq!(half.total(), 0);
    assert!(half.suggestions.iter().any(|s| s == "transformatie"), "{:?}", half.suggestions);
    let typo = words().lookup("bezuinigngen", Order::Text);
    assert_eq!(typo.total(), 0);
    assert!(
        typo.suggestions.iter().any(|s| s.starts_with("bezuiniging")),
        "{:?}",
        typo.suggestions
    );
    let phrase = words().lookup("eigen krach", Order::Left);
    assert!(phrase.suggestions.iter().any(|s| s == "eigen kracht"), "{:?}", phrase.suggestions);
    let huge = "zorg ".repeat(10_000);
    for input in ["", "   ", "-", "\"", "😀", "xyzzyq", "’", "a-b-c", "ĳ", &huge, "\u{0}"] {
        let answer = words().lookup(input, Order::Right);
        assert!(answer.total() == 0 || !input.trim().is_empty(), "{input:?}");
        let _ = words().marks(input);
    }
}

#[test]
fn marks_are_the_lines_keywords() {
    let answer = words().lookup("eigen kracht", Order::Text);
    let marks = words().marks("eigen kracht");
    let n: usize = marks.iter().map(|(_, m)| m.len()).sum();
    assert_eq!(n, answer.total());
    assert!(n > 0);
}

#[test]
fn typical_words_do_not_depend_on_passage_order() {
    let corpus = verkenner::corpus();
    let params = keyness::KeynessParams::default();
    let base = keyness::keywords(corpus, &params);
    let mut reversed = corpus.clone();
    reversed.passages.reverse();
    assert_eq!(keyness::keywords(&reversed, &params), base);
    let mut rotated = corpus.clone();
    rotated.passages.rotate_left(corpus.passages.len() / 3);
    assert_eq!(keyness::keywords(&rotated, &params), base);
    assert!(base.sides.iter().any(|s| !s.is_empty()), "some side has typical words");
}

#[test]
fn typical_words_are_counted_by_stem_and_score_as_stated() {
    let corpus = verkenner::corpus();
    let table = verkenner::words::table();
    let params = keyness::KeynessParams::default();
    assert_eq!(
        table.keywords,
        keyness::keywords(corpus, &params),
        "the embedded lists are the corpus's"
    );
    let lengths = table.keywords.lengths;
    let total: u32 = lengths.iter().sum();
    for (s, list) in table.keywords.sides.iter().enumerate() {
        for k in list {
            // The lines of its most common form, in any form, are its count.
            let answer = words().lookup(&k.form, Order::Text);
            let side = &answer.sides[s];
            let same_stem = side
                .lines
                .iter()
                .filter(|l| {
                    let text = &corpus.passages[l.passage as usize].text;
                    stem(&fold(&text[l.start..l.end])) == k.stem
                })
                .count();
            assert_eq!(same_stem as u32, k.count, "{}: count in its side", k.form);
            assert!(!verkenner::text::is_stop_word(&fold(&k.form)), "{}", k.form);
            assert!(k.count >= params.min_count && f64::from(k.score) >= params.min_score);
            let (c, d) = (lengths[s] as f64, (total - lengths[s]) as f64);
            assert!(
                k.count as f64 / c > k.reference as f64 / d,
                "{}: used more by its side",
                k.form
            );
            let expected = keyness::log_likelihood(k.count as f64, k.reference as f64, c, d);
            assert!((f64::from(k.score) - expected).abs() < 1e-3);
        }
        assert!(list.windows(2).all(|w| w[0].score >= w[1].score), "highest first");
    }
}

#[test]
fn the_embedded_framing_words_are_the_validated_file() {
    let dir = root().join("corpus");
    let corpus = load_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    let framing = framing::load(&dir, &corpus).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(verkenner::words::table().framing, framing);
    let listed: Vec<&str> = framing.iter().map(|f| f.word.as_str()).collect();
    for word in [
        "transitie",
        "transformatie",
        "eigen kracht",
        "zelfredzaamheid",
        "bezuiniging",
        "regie",
        "maatwerk",
    ] {
        assert!(listed.contains(&word), "{word} is a framing word: {listed:?}");
    }
    for f in &framing {
        for q in &f.quotes {
            let passage = &corpus.passages[q.passage as usize];
            assert_eq!(passage.stance, q.stance);
            assert!(framing::holds(
                &passage.text[q.start as usize..q.end as usize],
                &framing::word_stems(&f.word)
            ));
        }
        // A side without a quote never uses the word; its lines hold only compounds.
        let stems = framing::word_stems(&f.word);
        let answer = words().lookup(&f.word, Order::Text);
        for stance in Stance::ALL {
            let quoted = f.quotes.iter().any(|q| q.stance == stance);
            let uses = corpus
                .passages
                .iter()
                .any(|p| p.stance == stance && framing::holds(&p.text, &stems));
            assert_eq!(quoted, uses, "{}: {}", f.word, stance.id());
            let side = &answer.sides[stance as usize];
            if !uses {
                assert!(
                    side.lines.iter().all(|l| l.kind == MatchKind::Compound),
                    "{}: {}",
                    f.word,
                    stance.id()
                );
            }
        }
    }
}

/// Loads the valid fixture with `framing` as its framing file and returns the result.
fn load_framing(
    name: &str,
    framing: &str,
) -> (Result<Vec<FramingWord>, verkenner::corpus::CorpusErrors>, std::path::PathBuf) {
    let dir = fixture_with(None, &format!("framing-{name}"));
    std::fs::write(dir.join("framing.toml"), framing).expect("temporary folder is writable");
    let corpus = load_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    (framing::load(&dir, &corpus), dir)
}

#[track_caller]
fn check_framing_error(name: &str, framing: &str, kind: ErrorKind, line: usize, message: &str) {
    let (result, dir) = load_framing(name, framing);
    let errors = result.expect_err(&format!("{name}: the broken framing file loaded"));
    let first = &errors.0[0];
    let shown = errors.to_string();
    assert_eq!(first.kind, kind, "{name}\n{shown}");
    assert_eq!(first.file, dir.join("framing.toml").display().to_string(), "{name}\n{shown}");
    assert_eq!(first.line, line, "{name}: line\n{shown}");
    assert!(first.message.contains(message), "{name}: message lacks {message:?}\n{shown}");
    assert!(!first.help.is_empty(), "{name}: no fix\n{shown}");
    let _ = std::fs::remove_dir_all(dir);
}

const QUOTE_OK: &str = "[[woord]]\nwoord = \"vertrouwen\"\n\n[[woord.citaat]]\nkant = \"optimistisch\"\npassage = \"jansen-1\"\ntekst = \"heb er vertrouwen in\"\n";

#[test]
fn a_valid_framing_file_loads_with_its_quotes_as_offsets() {
    let (result, dir) = load_framing("valid", QUOTE_OK);
    let words = result.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(words.len(), 1);
    let corpus = load_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    let q = words[0].quotes[0];
    assert_eq!(
        &corpus.passages[q.passage as usize].text[q.start as usize..q.end as usize],
        "heb er vertrouwen in"
    );
    let (none, dir2) = load_framing("empty", "");
    assert_eq!(none.unwrap_or_else(|e| panic!("{e}")), vec![]);
    let _ = std::fs::remove_dir_all(dir);
    let _ = std::fs::remove_dir_all(dir2);
}

#[test]
fn broken_framing_files_name_file_line_and_fix() {
    check_framing_error(
        "not-word-for-word",
        &QUOTE_OK.replace("heb er vertrouwen in", "heb vertrouwen in"),
        ErrorKind::NotInSource,
        7,
        "not word for word",
    );
    check_framing_error(
        "wrong-side",
        &QUOTE_OK.replace("optimistisch", "kritisch"),
        ErrorKind::InvalidValue,
        5,
        "is optimistisch, not kritisch",
    );
    check_framing_error(
        "unknown-side",
        &QUOTE_OK.replace("optimistisch", "blij"),
        ErrorKind::UnknownStance,
        5,
        "unknown kant",
    );
    check_framing_error(
        "unknown-passage",
        &QUOTE_OK.replace("jansen-1", "jansen-9"),
        ErrorKind::UnknownReference,
        6,
        "does not exist",
    );
    check_framing_error(
        "word-not-in-quote",
        &QUOTE_OK.replace("heb er vertrouwen in", "Ik heb er"),
        ErrorKind::InvalidValue,
        7,
        "does not hold",
    );
    check_framing_error(
        "not-in-texts",
        "[[woord]]\nwoord = \"transformatie\"\n",
        ErrorKind::UnknownReference,
        2,
        "does not occur",
    );
    check_framing_error(
        "side-without-quote",
        "\n[[woord]]\nwoord = \"geld\"\n",
        ErrorKind::MissingField,
        3,
        "kritisch side uses",
    );
    check_framing_error(
        "unknown-term",
        &QUOTE_OK
            .replace("woord = \"vertrouwen\"\n", "woord = \"vertrouwen\"\nbegrip = \"niets\"\n"),
        ErrorKind::UnknownReference,
        3,
        "not in the glossary",
    );
    check_framing_error(
        "twice",
        &format!("{QUOTE_OK}\n{QUOTE_OK}"),
        ErrorKind::DuplicateId,
        10,
        "listed twice",
    );
    check_framing_error(
        "unknown-field",
        "[[woord]]\nwoord = \"geld\"\nkleur = \"rood\"\n",
        ErrorKind::UnknownField,
        3,
        "unknown field",
    );
}

/// The silences derived another way: by asking, for each combination, whether any passage
/// has it, without the grid.
fn silences_by_search(corpus: &Corpus) -> BTreeSet<Silence> {
    let kind = |p: &verkenner::corpus::Passage| corpus.documents[p.document as usize].kind;
    let any = |f: &dyn Fn(&verkenner::corpus::Passage) -> bool| corpus.passages.iter().any(f);
    let mut out = BTreeSet::new();
    let stances: Vec<Stance> =
        Stance::ALL.into_iter().filter(|&s| any(&|p| p.stance == s)).collect();
    let kinds: Vec<Kind> = Kind::ALL.into_iter().filter(|&k| any(&|p| kind(p) == k)).collect();
    for &s in &stances {
        for &k in &kinds {
            if !any(&|p| p.stance == s && kind(p) == k) {
                out.insert(Silence::Kind(s, k));
            }
        }
    }
    for t in 0..corpus.themes.len() as u8 {
        let about = |p: &verkenner::corpus::Passage| p.themes.contains(&t);
        for &s in &stances {
            if !any(&|p| about(p) && p.stance == s) {
                out.insert(Silence::Theme(t, s));
                continue;
            }
            for &k in &kinds {
                let kind_speaks = any(&|p| about(p) && kind(p) == k);
                let side_in_kind = any(&|p| p.stance == s && kind(p) == k);
                if kind_speaks
                    && side_in_kind
                    && !any(&|p| about(p) && p.stance == s && kind(p) == k)
                {
                    out.insert(Silence::Cell(t, s, k));
                }
            }
        }
    }
    out
}

#[test]
fn the_silent_side_table_states_every_zero_of_the_corpus() {
    let corpus = verkenner::corpus();
    let all: Vec<u32> = (0..corpus.passages.len() as u32).collect();
    let grid = Grid::new(corpus, &all);
    let got: BTreeSet<Silence> = grid.silences().into_iter().collect();
    assert_eq!(got, silences_by_search(corpus));
    assert_eq!(got.len(), grid.silences().len(), "each silence once");
    // Every zero cell of the table is stated, at its own level or a broader one.
    for t in 0..corpus.themes.len() {
        for s in 0..3 {
            for k in 0..4 {
                if grid.cells[t][s][k] > 0 || grid.theme_kind(t, k) == 0 {
                    continue;
                }
                let (st, kd) = (Stance::ALL[s], Kind::ALL[k]);
                assert!(
                    got.contains(&Silence::Kind(st, kd))
                        || got.contains(&Silence::Theme(t as u8, st))
                        || got.contains(&Silence::Cell(t as u8, st, kd)),
                    "zero of {} {} {} unstated",
                    corpus.themes[t].id,
                    st.id(),
                    kd.id()
                );
            }
        }
    }
    for silence in &got {
        let text = verkenner::words::silence::sentence(corpus, *silence);
        assert!(text.starts_with("Geen") || text.starts_with("Over"), "{text}");
    }
}

#[test]
fn the_silent_side_table_follows_the_passages_given() {
    let corpus = verkenner::corpus();
    let critical: Vec<u32> = (0..corpus.passages.len() as u32)
        .filter(|&p| corpus.passages[p as usize].stance == Stance::Kritisch)
        .collect();
    let grid = Grid::new(corpus, &critical);
    for silence in grid.silences() {
        let stance = match silence {
            Silence::Kind(s, _) | Silence::Theme(_, s) | Silence::Cell(_, s, _) => s,
        };
        assert_eq!(stance, Stance::Kritisch, "only the stances counted speak: {silence:?}");
    }
    assert!(Grid::new(corpus, &[]).silences().is_empty(), "nothing counted, nothing silent");
}

#[test]
fn the_cli_gives_the_views_answer() {
    let corpus = verkenner::corpus();
    for word in ["transformatie", "eigen kracht", "zorg", "bezuiniging", "onbekendwoord"] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_verkenner"))
            .args(["woord", "--json", "--orde", "links", word])
            .output()
            .expect("the command-line tool runs");
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
        let answer = words().lookup(word, Order::Left);
        assert_eq!(json["total"], answer.total());
        for (side, shown) in answer.sides.iter().zip(json["sides"].as_array().expect("sides")) {
            assert_eq!(shown["stance"], side.stance.id());
            assert_eq!(shown["count"], side.count());
            let keywords: Vec<&str> = side
                .lines
                .iter()
                .map(|l| &corpus.passages[l.passage as usize].text[l.start..l.end])
                .collect();
            let shown_keywords: Vec<&str> = shown["lines"]
                .as_array()
                .expect("lines")
                .iter()
                .map(|l| l["keyword"].as_str().expect("keyword"))
                .collect();
            assert_eq!(shown_keywords, keywords, "{word}: lines in order");
        }
        assert_eq!(json["suggestions"].as_array().map(Vec::len), Some(answer.suggestions.len()));
        assert_eq!(json["typical"].as_array().map(Vec::len), Some(3));
    }
}
