//! The bridge from a reader's own words to where the texts talk about them.
//!
//! People search with the words they use (`thuiszorg`, `uitkering`, `wachtlijst`), which the
//! texts mostly do not. Before the hits, search shows *signposts*:
//! - an *everyday word* of the query (from `corpus/alledaags.toml`) with the glossary terms and
//!   themes it belongs to;
//! - a *glossary term* whose name or alias the query holds (`wmo`, `participatiewet`);
//! - a *theme* whose name the query holds (`jeugd`, `bezuinigingen`, `eigen kracht`).
//!
//! Words are compared as search compares them, folded and stemmed, so `Uitkeringen` finds
//! `uitkering`; a name of several words must stand in the query in that order. A glossary term
//! or theme named inside an everyday word (`wmo` in `wmo-loket`, `werk` in `beschut werk`) is
//! not shown again on its own: the everyday word already points there. Excluded words
//! (`-jeugd`) point nowhere.

use std::ops::Range;
use std::sync::OnceLock;

use crate::corpus::{Corpus, TermIdx, ThemeIdx};
use crate::text::{analyze, stem};

/// What the query's words point to, in the order they were typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Signposts {
    /// Everyday words: the entry (an index into `Corpus::everyday`) and where the query holds
    /// it (a byte range of the query, to show the word as typed).
    pub everyday: Vec<(usize, Range<usize>)>,
    /// Glossary terms the query names.
    pub terms: Vec<TermIdx>,
    /// Themes the query names.
    pub themes: Vec<ThemeIdx>,
}

impl Signposts {
    pub fn is_empty(&self) -> bool {
        self.everyday.is_empty() && self.terms.is_empty() && self.themes.is_empty()
    }
}

/// What a name points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Everyday(usize),
    Term(TermIdx),
    Theme(ThemeIdx),
}

/// Every name of every signpost as stems, prepared once per corpus.
#[derive(Debug, Clone)]
pub struct Bridge {
    /// Everyday words first, then glossary names, then theme names, each the longest first:
    /// an everyday word that holds a term's name claims the query's words before the term is
    /// looked for.
    names: Vec<(Vec<String>, Target)>,
}

/// A query word: its stem and byte range in the query.
struct QueryWord {
    stem: String,
    range: Range<usize>,
}

impl Bridge {
    pub fn new(corpus: &Corpus) -> Bridge {
        let mut names = Vec::new();
        for (i, entry) in corpus.everyday.iter().enumerate() {
            for form in std::iter::once(&entry.word).chain(&entry.also) {
                add_name(&mut names, form, Target::Everyday(i));
            }
        }
        for (i, term) in corpus.glossary.iter().enumerate() {
            for name in std::iter::once(&term.term).chain(&term.aliases) {
                add_name(&mut names, name, Target::Term(i as TermIdx));
            }
        }
        for (i, theme) in corpus.themes.iter().enumerate() {
            let target = Target::Theme(i as ThemeIdx);
            // The id is the theme's short name (`kwetsbaar`, `eigen-kracht`); the label's
            // parts are its others (`Geld en bezuinigingen`: `geld`, `bezuinigingen`).
            add_name(&mut names, &theme.id, target);
            for part in theme.label.split(['(', ')', ',']).flat_map(|p| p.split(" en ")) {
                add_name(&mut names, part, target);
            }
        }
        // Everyday words first (they claim the query's words), and within each kind the
        // longest names first, so `individuele begeleiding` is found as a whole.
        let kind = |t: &Target| match t {
            Target::Everyday(_) => 0u64,
            Target::Term(_) => 1,
            Target::Theme(_) => 2,
        };
        crate::sort::sort_by_key(&mut names, |(words, target)| {
            kind(target) << 32 | (u32::MAX - words.len() as u32) as u64
        });
        Bridge { names }
    }

    /// The signposts of what the reader typed.
    pub fn signposts(&self, query: &str) -> Signposts {
        let words = query_words(query);
        let mut taken = vec![false; words.len()];
        let mut found = Signposts::default();
        // (first word, target) of each match, to list them in the order typed.
        let mut matches: Vec<(usize, Target, Range<usize>)> = Vec::new();
        for (name, target) in &self.names {
            if matches.iter().any(|m| m.1 == *target) || name.len() > words.len() {
                continue;
            }
            let everyday = matches!(target, Target::Everyday(_));
            let at = (0..=words.len() - name.len()).find(|&i| {
                let window = &words[i..i + name.len()];
                window.iter().zip(name).all(|(w, n)| w.stem == *n)
                    && (everyday || !taken[i..i + name.len()].iter().any(|&t| t))
            });
            let Some(at) = at else { continue };
            if everyday {
                taken[at..at + name.len()].iter_mut().for_each(|t| *t = true);
            }
            let range = words[at].range.start..words[at + name.len() - 1].range.end;
            let place = matches.partition_point(|m| m.0 <= at);
            matches.insert(place, (at, *target, range));
        }
        for (_, target, range) in matches {
            match target {
                Target::Everyday(i) => found.everyday.push((i, range)),
                Target::Term(t) => found.terms.push(t),
                Target::Theme(t) => found.themes.push(t),
            }
        }
        found
    }
}

/// Adds a name as its words' stems (and, for a name of several words, the words joined, as
/// people also write `wmoloket` or `reintegratie`).
fn add_name(names: &mut Vec<(Vec<String>, Target)>, name: &str, target: Target) {
    let words: Vec<String> =
        analyze(name).into_iter().filter(|t| !t.joined).map(|t| t.term).collect();
    if words.is_empty() {
        return;
    }
    if words.len() > 1 {
        names.push((vec![stem(&words.concat())], target));
    }
    names.push((words.iter().map(|w| stem(w)).collect(), target));
}

/// The words of a query that are not excluded, with their stems and places.
fn query_words(query: &str) -> Vec<QueryWord> {
    let excluded = excluded_ranges(query);
    analyze(query)
        .into_iter()
        .filter(|t| !t.joined && !excluded.iter().any(|r| r.contains(&t.start)))
        .map(|t| QueryWord { stem: stem(&t.term), range: t.start..t.end })
        .collect()
}

/// The byte ranges of excluded pieces: a `-` that opens a piece (at the start or after a
/// space) up to the next space, or to the closing quote when a quote follows it.
fn excluded_ranges(query: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut chars = query.char_indices().peekable();
    let mut at_piece_start = true;
    let mut in_quotes = false;
    while let Some((i, c)) = chars.next() {
        let quote = matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\u{201e}');
        if c == '-' && at_piece_start && !in_quotes {
            let quoted =
                chars.peek().is_some_and(|&(_, n)| matches!(n, '"' | '\u{201c}' | '\u{201e}'));
            if quoted {
                chars.next();
            }
            let mut end = query.len();
            for (j, d) in chars.by_ref() {
                let closes = if quoted {
                    matches!(d, '"' | '\u{201d}' | '\u{201c}')
                } else {
                    d.is_whitespace()
                };
                if closes {
                    end = j;
                    break;
                }
            }
            ranges.push(i..end);
            at_piece_start = true;
            continue;
        }
        if quote {
            in_quotes = !in_quotes;
        }
        at_piece_start = c.is_whitespace() || quote;
    }
    ranges
}

/// The bridge over the embedded corpus, prepared on first use.
pub fn bridge() -> &'static Bridge {
    static BRIDGE: OnceLock<Bridge> = OnceLock::new();
    BRIDGE.get_or_init(|| Bridge::new(crate::corpus()))
}

/// How many passages carry a theme.
pub fn theme_passages(corpus: &Corpus, theme: ThemeIdx) -> usize {
    corpus.passages.iter().filter(|p| p.themes.contains(&theme)).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a query points to, by words, term ids and theme ids.
    #[track_caller]
    fn check(query: &str, everyday: &[&str], terms: &[&str], themes: &[&str]) {
        let corpus = crate::corpus();
        let found = bridge().signposts(query);
        let got = (
            found
                .everyday
                .iter()
                .map(|(i, r)| (&*corpus.everyday[*i].word, &query[r.clone()]))
                .collect::<Vec<_>>(),
            found.terms.iter().map(|&t| &*corpus.glossary[t as usize].id).collect::<Vec<_>>(),
            found.themes.iter().map(|&t| &*corpus.theme(t).id).collect::<Vec<_>>(),
        );
        let everyday: Vec<(&str, &str)> =
            everyday.iter().map(|e| e.split_once('=').unwrap_or((e, e))).collect();
        assert_eq!(got, (everyday, terms.to_vec(), themes.to_vec()), "signposts of {query:?}");
    }

    #[test]
    fn everyday_words_point_to_terms_and_themes() {
        if crate::corpus().everyday.is_empty() {
            return; // another corpus
        }
        check("thuiszorg", &["thuiszorg"], &[], &[]);
        check("Thuiszorg ", &["thuiszorg=Thuiszorg"], &[], &[]);
        check("huishoudelijke hulp", &["huishoudelijke hulp"], &[], &[]);
        check("hulp huishoudelijke", &[], &[], &[]);
        check("uitkeringen", &["uitkering=uitkeringen"], &[], &[]);
        check("wachtlijsten jeugd", &["wachtlijst=wachtlijsten"], &[], &["jeugd"]);
        check("schoonmaakhulp", &["huishoudelijke hulp=schoonmaakhulp"], &[], &[]);
        check("pgb of persoonsgebonden budget", &["pgb=persoonsgebonden budget"], &[], &[]);
        check("wmo-loket", &["wmo-loket"], &[], &[]);
        check("wmoloket", &["wmo-loket=wmoloket"], &[], &[]);
        check("beschut werk", &["beschut werk"], &[], &[]);
        check("thuisz", &[], &[], &[]);
        check("-thuiszorg zorg", &[], &[], &["wmo"]);
        check("-\"huishoudelijke hulp\" pgb", &["pgb"], &[], &[]);
    }

    #[test]
    fn terms_and_themes_are_named_by_their_names() {
        let corpus = crate::corpus();
        if corpus.glossary.iter().all(|t| t.id != "participatiewet") {
            return;
        }
        check("wmo", &[], &["wmo"], &["wmo"]);
        check("WMO", &[], &["wmo"], &["wmo"]);
        check("participatiewet", &[], &["participatiewet"], &[]);
        check("wet maatschappelijke ondersteuning", &[], &["wmo"], &["wmo"]);
        check("bezuinigingen gemeente", &[], &[], &["geld", "gemeente"]);
        check("eigen kracht", &[], &["eigen-kracht"], &["eigen-kracht"]);
        check("eigen bijdrage", &["eigen bijdrage"], &[], &[]);
        check("kwetsbare ouderen", &[], &[], &["kwetsbaar"]);
        check("", &[], &[], &[]);
        check("de het een", &[], &[], &[]);
    }

    #[test]
    fn any_input_is_answered() {
        for query in ["-", "--", "-\"", "\"-", "- -", "\u{201c}-x", "é-", "-\u{201e}a b", "a -b\"c"]
        {
            let _ = bridge().signposts(query);
        }
        let ranges = excluded_ranges("zorg -jeugd -\"dichter bij\" wet-en");
        assert_eq!(ranges, [5..11, 12..25]);
    }
}
