//! The real corpus in `corpus/`: it validates, it is what the app embeds, and it holds what
//! the issue asks of it.

use std::collections::HashSet;

use verkenner::corpus::{load_dir, Kind, RoleKind, Stance};

use crate::root;

fn real() -> verkenner::Corpus {
    load_dir(&root().join("corpus")).unwrap_or_else(|errors| panic!("{errors}"))
}

#[test]
fn the_embedded_corpus_is_the_validated_corpus() {
    // build.rs honours VERKENNER_CORPUS; these tests are about the real one.
    if std::env::var_os("VERKENNER_CORPUS").is_some() {
        return;
    }
    assert_eq!(verkenner::corpus(), &real());
}

#[test]
fn every_source_text_is_curated() {
    let corpus = real();
    let sources: HashSet<String> = std::fs::read_dir(root().join("corpus/sources"))
        .expect("sources folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    let used: HashSet<String> = corpus.articles().map(|(_, d)| d.source.clone()).collect();
    assert_eq!(used, sources);
    assert_eq!(corpus.articles().count(), 5);
}

#[test]
fn comments_are_voices_of_their_own() {
    let corpus = real();
    let comments: Vec<_> = corpus.documents.iter().filter(|d| d.is_comment()).collect();
    assert!(
        comments.len() >= 6,
        "the sources hold at least six reader comments, found {}",
        comments.len()
    );
    for comment in comments {
        assert_eq!(comment.kind, Kind::Reactie);
        assert_eq!(comment.authors.len(), 1, "{} has one author", comment.id);
        assert!(comment.title.is_none());
        let parent = &corpus.documents[comment.parent.expect("a comment has a parent") as usize];
        assert!(parent.comments.iter().any(|&c| corpus.documents[c as usize].id == comment.id));
    }
}

#[test]
fn key_questions_are_answered_and_say_where_the_texts_agree() {
    let corpus = real();
    assert!(
        corpus.kernvragen.len() >= 5,
        "at least five kernvragen, found {}",
        corpus.kernvragen.len()
    );
    let question = |id: &str| {
        corpus.kernvragen.iter().find(|q| q.id == id).unwrap_or_else(|| panic!("kernvraag {id}"))
    };
    let passage = |id: &str| corpus.passage(id).unwrap_or_else(|| panic!("passage {id}")).0;
    for kv in &corpus.kernvragen {
        assert!((1..=3).contains(&kv.answers.len()), "{}: one to three answers", kv.id);
        assert!(kv.passages().count() >= 2, "{}: at least two passages answer it", kv.id);
        assert!(kv.answers.iter().all(|a| !a.passages.is_empty()), "{}: every answer used", kv.id);
    }
    // Passages that stood under questions they do not answer (issue 23) stand there no more.
    for (q, p) in [
        ("zelf-doen", "nivel-proeftuinen-9"),
        ("zelf-doen", "mijn-mening-2-1"),
        ("dichter-bij-de-burger", "experimenteren-8"),
        ("dichter-bij-de-burger", "nivel-proeftuinen-10"),
        ("dichter-bij-de-burger", "experimenteren-6"),
        ("loslaten-of-sturen", "mijn-mening-1-1"),
        ("loslaten-of-sturen", "experimenteren-6"),
        ("loslaten-of-sturen", "hoogendijk-8"),
        ("goede-hulp", "nivel-proeftuinen-9"),
    ] {
        assert_eq!(question(q).answer_of(passage(p)), None, "{p} does not answer {q}");
    }
    // The real "sturen" side of loslaten-of-sturen is answered.
    let steering = question("loslaten-of-sturen");
    for p in ["nivel-proeftuinen-6", "nivel-proeftuinen-7"] {
        assert!(steering.answer_of(passage(p)).is_some(), "{p} answers loslaten-of-sturen");
    }
    // Where every text gives the same answer, the app says so instead of inventing a debate;
    // where they differ, it does not.
    for id in ["regels-remmen", "zelf-doen"] {
        let agreement = verkenner::sides::agreement(question(id)).expect("the texts agree");
        assert!(agreement.unanimous(), "{id}");
    }
    for id in ["dichter-bij-de-burger", "kan-het-goedkoper", "klaar-voor", "reden-tot-zorg"] {
        assert_eq!(verkenner::sides::agreement(question(id)), None, "{id} is debated");
    }
}

/// The labelling guide in corpus/README.md, applied: the passages issue 23 named give their
/// reason, the same argument carries the same label, and reasons are one short line.
#[test]
fn labels_follow_the_guide_and_give_their_reasons() {
    let corpus = real();
    let stance = |id: &str| corpus.passage(id).unwrap_or_else(|| panic!("passage {id}")).1.stance;
    for id in [
        "kinderschoenen-8",
        "stop-doemdenken-2",
        "hoogendijk-7",
        "van-vugt-2",
        "van-vugt-3",
        "experimenteren-5",
        "rmo-ruimte-2",
        "rmo-ruimte-4",
        "rmo-ruimte-14",
        "rmo-ruimte-3",
        "rmo-ruimte-13",
        "nivel-proeftuinen-10",
        "experimenteren-7",
        "experimenteren-8",
        "stop-doemdenken-11",
    ] {
        let (_, p) = corpus.passage(id).expect("named passage");
        assert!(p.reason.is_some(), "{id} needs a reason for its label");
    }
    // Conditional claims ("de kans is groter dat…"): alike.
    assert_eq!(stance("rmo-ruimte-3"), stance("rmo-ruimte-13"));
    // Advice without a judgement of how things go: gemengd.
    for id in ["nivel-proeftuinen-10", "experimenteren-7", "experimenteren-8", "rmo-ruimte-10"] {
        assert_eq!(stance(id), Stance::Gemengd, "{id} is advice");
    }
    // A risk its writers name and do not rebut: kritisch, also in an optimistic text.
    assert_eq!(stance("stop-doemdenken-11"), Stance::Kritisch);
    // A critic's view reported by its opponent: not the writers' own view.
    assert_eq!(stance("stop-doemdenken-2"), Stance::Gemengd);
    for p in &corpus.passages {
        if let Some(reason) = &p.reason {
            let words = reason.split_whitespace().count();
            assert!(!reason.contains('\n') && words <= 25, "{}: a reason is one short line", p.id);
        }
    }
}

/// Themes are tagged by subject, whatever the stance: the table of themes against stances is
/// printed (`cargo test themes_by_stance -- --nocapture`) and checked against a count made
/// straight from the document files, without the loader.
#[test]
fn themes_by_stance() {
    let corpus = real();
    let mut table = vec![[0usize; 3]; corpus.themes.len()];
    for p in &corpus.passages {
        for &t in &p.themes {
            table[t as usize][p.stance as usize] += 1;
        }
    }
    let mut independent = std::collections::HashMap::<String, [usize; 3]>::new();
    let mut files: Vec<_> = std::fs::read_dir(root().join("corpus/documents"))
        .expect("documents")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    for file in files {
        for line in std::fs::read_to_string(&file).expect("readable").lines() {
            let Some(header) = line.strip_prefix("::: ") else { continue };
            let parts: Vec<&str> = header.split('|').map(str::trim).collect();
            let column = ["optimistisch", "kritisch", "gemengd"]
                .iter()
                .position(|s| *s == parts[1])
                .expect("a stance");
            for theme in parts[2].split(',').map(str::trim).filter(|t| *t != "-") {
                independent.entry(theme.to_string()).or_default()[column] += 1;
            }
        }
    }
    println!("{:<34} {:>12} {:>8} {:>8}", "thema", "optimistisch", "kritisch", "gemengd");
    for (theme, row) in corpus.themes.iter().zip(&table) {
        println!("{:<34} {:>12} {:>8} {:>8}", theme.label, row[0], row[1], row[2]);
        assert_eq!(Some(row), independent.get(&theme.id), "{}", theme.id);
    }
    assert_eq!(independent.len(), corpus.themes.len(), "no theme outside the vocabulary");
    // The ActiZ report is about the Wmo as a whole: all its passages carry the theme, the
    // critical ones too (before, only the neutral and positive ones did).
    let (_, actiz) = corpus.document("kinderschoenen").expect("the ActiZ report");
    let wmo = corpus.themes.iter().position(|t| t.id == "wmo").expect("wmo") as u8;
    assert!(corpus.passages_of(actiz).iter().all(|p| p.themes.contains(&wmo)));
    // Trust means trust in politics, municipalities and providers: not a commissioner's trust
    // in a team, nor acknowledging frustration.
    let trust = corpus.themes.iter().position(|t| t.id == "vertrouwen").expect("vertrouwen") as u8;
    for id in ["nivel-proeftuinen-8", "rmo-ruimte-13"] {
        assert!(!corpus.passage(id).expect("passage").1.themes.contains(&trust), "{id}");
    }
}

#[test]
fn every_voice_has_a_role_category_and_inferred_metadata_says_so() {
    let corpus = real();
    for doc in &corpus.documents {
        assert!(!doc.voices.is_empty(), "{}: someone speaks", doc.id);
        if doc.is_comment() {
            assert_eq!(doc.voices.len(), 1);
            assert_eq!(doc.voices[0].name, doc.authors[0].name, "{}: the commenter", doc.id);
        }
        assert_eq!(doc.inferred.any(), doc.inferred_note.is_some(), "{}: a note says how", doc.id);
    }
    let doc = |id: &str| corpus.document(id).expect("document").1;
    assert!(
        doc("nivel-proeftuinen").inferred.authors && doc("nivel-proeftuinen").inferred.publisher
    );
    assert!(doc("rmo-ruimte").inferred.publisher);
    assert!(doc("van-vugt").date_note.as_deref().is_some_and(|n| n.contains("2017")));
    // Anonymous comments are counted as anonymous.
    for id in ["mijn-mening-1", "mijn-mening-2"] {
        assert_eq!(doc(id).voices[0].role, RoleKind::Anoniem, "{id}");
    }
}

/// What the method text says about who speaks on each side (src/ui/sides.rs,
/// src/ui/overview.rs) holds for this corpus: the critical side is mostly reader comments, the
/// optimistic side mostly officials and advisory bodies.
#[test]
fn the_method_text_about_who_speaks_holds() {
    let corpus = real();
    let critical = verkenner::sides::Makeup::of(&corpus, Stance::Kritisch);
    let optimistic = verkenner::sides::Makeup::of(&corpus, Stance::Optimistisch);
    let kind_share = |m: &verkenner::sides::Makeup, kind: Kind| {
        m.speakers.kinds.iter().find(|(k, _)| *k == kind).map_or(0, |(_, t)| t.passages)
    };
    let largest_kind = critical.speakers.kinds.iter().max_by_key(|(_, t)| t.passages);
    assert_eq!(largest_kind.map(|(k, _)| *k), Some(Kind::Reactie), "{:?}", critical.speakers);
    assert!(2 * critical.from_comments() >= critical.speakers.total.passages);
    let officials: usize = optimistic
        .speakers
        .roles
        .iter()
        .filter(|(r, _)| matches!(r, RoleKind::Bestuur | RoleKind::Advies))
        .map(|(_, t)| t.passages)
        .sum();
    assert!(2 * officials > optimistic.speakers.total.passages, "{:?}", optimistic.speakers);
    assert!(4 * kind_share(&optimistic, Kind::Reactie) < optimistic.speakers.total.passages);
    assert_eq!(optimistic.main_role().map(|(r, _)| r), Some(RoleKind::Bestuur));
    println!("{}\n{}", critical.sentence(), optimistic.sentence());
}

#[test]
fn the_glossary_is_large_enough_and_original() {
    let corpus = real();
    assert!(corpus.glossary.len() >= 25, "at least 25 terms, found {}", corpus.glossary.len());
    let all_text: String =
        corpus.passages.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n");
    for term in &corpus.glossary {
        // Written by us: no explanation may copy a sentence of the sources.
        for sentence in term.explanation.split(". ").filter(|s| s.split_whitespace().count() >= 6) {
            assert!(
                !all_text.contains(sentence.trim_end_matches('.')),
                "{} copies the source: {sentence}",
                term.id
            );
        }
    }
}

#[test]
fn every_theme_has_passages_and_every_passage_a_stance_mix() {
    let corpus = real();
    for (i, theme) in corpus.themes.iter().enumerate() {
        let n = corpus.passages.iter().filter(|p| p.themes.contains(&(i as u8))).count();
        assert!(n >= 2, "theme {} has only {n} passage(s)", theme.id);
    }
    for stance in Stance::ALL {
        assert!(corpus.passages.iter().any(|p| p.stance == stance), "no {stance:?} passage");
    }
}

#[test]
fn metadata_is_only_what_the_text_gives() {
    let corpus = real();
    for (_, doc) in corpus.articles() {
        if let Some(date) = doc.date {
            // Only one source gives a date; it must be written in that source.
            let source = std::fs::read_to_string(root().join("corpus/sources").join(&doc.source))
                .expect("source");
            assert!(
                source.contains(&date.dutch()),
                "{}: date {} is not in its source",
                doc.id,
                date.dutch()
            );
        }
        for person in doc.authors.iter().chain(&doc.quoted) {
            let source = std::fs::read_to_string(root().join("corpus/sources").join(&doc.source))
                .expect("source");
            assert!(
                source.contains(&person.name),
                "{}: {} is not named in the source",
                doc.id,
                person.name
            );
        }
    }
}

#[test]
fn one_sided_documents_are_declared_and_only_those() {
    let corpus = real();
    for doc in &corpus.documents {
        let counts = corpus.stance_counts(doc);
        let (optimistic, critical) =
            (counts[Stance::Optimistisch as usize], counts[Stance::Kritisch as usize]);
        let one_sided = (optimistic == 0) != (critical == 0);
        match (&doc.one_sided, one_sided) {
            (None, true) => panic!("{}: all its passages that take a side take the same one; check the labels, or write down why in one_sided", doc.id),
            (Some(_), false) => panic!("{}: declared one_sided but has passages on both sides", doc.id),
            _ => {}
        }
    }
}

#[test]
fn the_index_finds_every_term_and_its_stem() {
    // The engine reads a known word's stem from the index instead of running the stemmer, and
    // finds terms and stems through hash tables: all must agree with the vocabulary.
    let index = verkenner::index();
    for (id, term) in index.terms().enumerate() {
        let id = id as u32;
        assert_eq!(index.term_id(term), Some(id), "{term}");
        let stem = index.stem_of(id);
        assert_eq!(stem, verkenner::text::stem(term), "the stored stem of {term}");
        assert!(
            index.terms_with_stem(&stem).contains(&id),
            "{term} among the terms of its stem {stem}"
        );
    }
    for missing in ["", "zzzzq", "zorgzorgzorg", "ë"] {
        assert_eq!(index.term_id(missing), None, "{missing:?}");
        assert!(index.terms_with_stem(missing).is_empty(), "{missing:?}");
    }
}

/// The words of an explanation that are abbreviations: two or more capitals (AWBZ, VOG), no
/// vowel at all (ggz, Wlz), or a capital before a consonant no Dutch word starts with (Wmo,
/// Wwb, Wsw: the shape of the laws' short names).
fn abbreviations(text: &str) -> Vec<&str> {
    const ONSETS: [&str; 27] = [
        "bl", "br", "ch", "cl", "cr", "dr", "dw", "fl", "fr", "gl", "gn", "gr", "kl", "kn", "kr",
        "kw", "pl", "pr", "sc", "sj", "sl", "sm", "sn", "sp", "st", "sw", "tr",
    ];
    const MORE_ONSETS: [&str; 6] = ["th", "ts", "vl", "vr", "wr", "zw"];
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2 && w.chars().all(char::is_alphabetic))
        .filter(|w| {
            let capitals = w.chars().filter(|c| c.is_uppercase()).count();
            let lower = verkenner::text::lowercase(w);
            let vowel = lower.chars().any(|c| "aeiouyáéíóúëïöü".contains(c));
            let second = lower.chars().nth(1).expect("two letters");
            let first = lower.chars().next().expect("two letters");
            let odd_start = w.starts_with(char::is_uppercase)
                && !"aeiouy".contains(first)
                && !"aeiouy".contains(second)
                && !ONSETS.iter().chain(&MORE_ONSETS).any(|o| lower.starts_with(o));
            capitals >= 2 || !vowel || odd_start
        })
        .collect()
}

#[test]
fn the_abbreviation_finder_finds_abbreviations_and_only_those() {
    let found =
        abbreviations("De Wmo, de AWBZ en de jeugd-ggz; Den Haag, Stop, Wlz en ActiZ. Ook B&W.");
    assert_eq!(found, ["Wmo", "AWBZ", "ggz", "Wlz", "ActiZ"]);
}

#[test]
fn every_abbreviation_in_an_explanation_has_its_own_entry() {
    let corpus = real();
    let folded = |s: &str| verkenner::text::lowercase(s);
    let names: Vec<String> = corpus
        .glossary
        .iter()
        .flat_map(|t| std::iter::once(&t.term).chain(&t.aliases))
        .flat_map(|name| name.split(|c: char| !c.is_alphanumeric()).map(folded))
        .collect();
    for term in &corpus.glossary {
        for abbreviation in abbreviations(&term.explanation) {
            assert!(
                names.contains(&folded(abbreviation)),
                "{}: \"{abbreviation}\" has no entry of its own",
                term.id
            );
        }
    }
}

#[test]
fn no_explanation_sentence_is_longer_than_twenty_words() {
    let corpus = real();
    for term in &corpus.glossary {
        for sentence in term.explanation.split_inclusive(['.', '?', '!']) {
            let words = sentence.split_whitespace().count();
            assert!(words <= 20, "{}: {words} words in \"{}\"", term.id, sentence.trim());
        }
        assert!(!term.source.trim().is_empty(), "{}: names its source", term.id);
    }
}

/// A general or foreign use of a word is not linked to a Dutch law: "jeugdzorg in Denemarken"
/// opens the general entry, not the Jeugdwet.
#[test]
fn general_words_do_not_link_to_a_law() {
    let corpus = real();
    let (_, jeugdwet) = corpus
        .glossary
        .iter()
        .enumerate()
        .find(|(_, t)| t.id == "jeugdwet")
        .expect("the Jeugdwet has an entry");
    assert!(!jeugdwet.aliases.iter().any(|a| a.eq_ignore_ascii_case("jeugdzorg")));
    let text = "Decentralisatie van de jeugdzorg in Denemarken laat zien dat het kán";
    let linked: Vec<&str> = verkenner::glossary::mentions(text)
        .iter()
        .map(|m| corpus.glossary[m.term as usize].id.as_str())
        .collect();
    assert!(linked.contains(&"jeugdzorg") && !linked.contains(&"jeugdwet"), "{linked:?}");
}
