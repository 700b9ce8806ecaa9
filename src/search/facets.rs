//! Filters and facet counts.
//!
//! A *filter* narrows the results to passages with given values: themes, stances, kinds of
//! source, documents, years. Within one dimension the values are alternatives (jeugd OR geld);
//! across dimensions they all apply (jeugd AND kritisch). A *facet count* says how many
//! passages a value would give under the current query: for a dimension's own values the
//! other dimensions' filters apply but its own does not, so choosing a second theme shows
//! what it adds (disjunctive faceting, as readers know it from shops).

use crate::corpus::{Corpus, DocIdx, Kind, Stance, ThemeIdx};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub themes: Vec<ThemeIdx>,
    pub stances: Vec<Stance>,
    pub kinds: Vec<Kind>,
    /// Articles; a comment belongs to the article it was written under.
    pub documents: Vec<DocIdx>,
    /// Years; `None` stands for "no date given".
    pub years: Vec<Option<u16>>,
}

/// The dimensions, for disjunctive counting.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Dimension {
    Theme,
    Stance,
    Kind,
    Document,
    Year,
}

impl Filters {
    /// Resolves filter values from the URL against the corpus; values that name nothing are
    /// ignored.
    pub fn from_params(params: &crate::state::FilterParams, corpus: &Corpus) -> Filters {
        let themes = params
            .themes
            .iter()
            .filter_map(|id| corpus.themes.iter().position(|t| &t.id == id).map(|i| i as ThemeIdx));
        let documents = params
            .documents
            .iter()
            .filter_map(|id| corpus.articles().find(|(_, d)| &d.id == id).map(|(i, _)| i));
        let years = params.years.iter().filter_map(|y| match y.as_str() {
            "onbekend" => Some(None),
            y => y.parse::<u16>().ok().map(Some),
        });
        Filters {
            themes: themes.collect(),
            stances: params.stances.iter().filter_map(|s| Stance::from_id(s)).collect(),
            kinds: params.kinds.iter().filter_map(|k| Kind::from_id(k)).collect(),
            documents: documents.collect(),
            years: years.collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.themes.is_empty()
            && self.stances.is_empty()
            && self.kinds.is_empty()
            && self.documents.is_empty()
            && self.years.is_empty()
    }
}

/// What filters and facets read of each passage, gathered once per engine so that counting
/// touches a few small arrays instead of walking the corpus.
#[derive(Debug, Clone)]
pub struct PassageMeta {
    themes: Vec<u64>,
    stance: Vec<u8>,
    kind: Vec<u8>,
    article: Vec<DocIdx>,
    year: Vec<Option<u16>>,
    /// Every year, ascending, "no date" last.
    years: Vec<Option<u16>>,
    /// For each passage, the place of its year in `years`.
    year_slot: Vec<u16>,
    /// Article indices in corpus order.
    articles: Vec<DocIdx>,
}

impl PassageMeta {
    pub fn new(corpus: &Corpus) -> Self {
        let n = corpus.passages.len() as u32;
        let years = all_years(corpus);
        let year: Vec<Option<u16>> = (0..n).map(|p| year_of(corpus, p)).collect();
        let year_slot = year
            .iter()
            .map(|y| years.iter().position(|x| x == y).expect("all_years holds every year") as u16)
            .collect();
        PassageMeta {
            themes: corpus
                .passages
                .iter()
                .map(|p| p.themes.iter().fold(0u64, |m, &t| m | 1 << (t % 64)))
                .collect(),
            stance: corpus.passages.iter().map(|p| p.stance as u8).collect(),
            kind: corpus
                .passages
                .iter()
                .map(|p| corpus.documents[p.document as usize].kind as u8)
                .collect(),
            article: corpus.passages.iter().map(|p| corpus.article_of(p.document)).collect(),
            year,
            years,
            year_slot,
            articles: corpus.articles().map(|(i, _)| i).collect(),
        }
    }

    /// True if the passage passes every filter, except those of dimension `skip`.
    fn admits(&self, filters: &Filters, passage: u32, skip: Option<Dimension>) -> bool {
        let p = passage as usize;
        let check = |d: Dimension, ok: bool| skip == Some(d) || ok;
        let themes = filters.themes.iter().fold(0u64, |m, &t| m | 1 << (t % 64));
        check(Dimension::Theme, filters.themes.is_empty() || self.themes[p] & themes != 0)
            && check(
                Dimension::Stance,
                filters.stances.is_empty()
                    || filters.stances.iter().any(|&s| s as u8 == self.stance[p]),
            )
            && check(
                Dimension::Kind,
                filters.kinds.is_empty() || filters.kinds.iter().any(|&k| k as u8 == self.kind[p]),
            )
            && check(
                Dimension::Document,
                filters.documents.is_empty() || filters.documents.contains(&self.article[p]),
            )
            && check(
                Dimension::Year,
                filters.years.is_empty() || filters.years.contains(&self.year[p]),
            )
    }

    /// True if the passage passes every filter.
    pub fn admits_all(&self, filters: &Filters, passage: u32) -> bool {
        self.admits(filters, passage, None)
    }
}

/// The URL value of a year filter: the year, or `onbekend`.
pub fn year_id(year: Option<u16>) -> String {
    year.map_or_else(|| "onbekend".to_string(), |y| y.to_string())
}

/// The year of a passage: its document's date, else its article's; `None` if neither has one.
pub fn year_of(corpus: &Corpus, passage: u32) -> Option<u16> {
    let doc = corpus.passages[passage as usize].document;
    let own = corpus.documents[doc as usize].date;
    own.or(corpus.documents[corpus.article_of(doc) as usize].date).map(|d| d.year)
}

/// Passage counts per filter value under the current query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    /// Per theme, in the order of `corpus.themes`.
    pub themes: Vec<u32>,
    /// Per stance, in the order of [`Stance::ALL`].
    pub stances: [u32; 3],
    /// Per kind, in the order of [`Kind::ALL`].
    pub kinds: [u32; 4],
    /// Per article: (article, count), in corpus order.
    pub documents: Vec<(DocIdx, u32)>,
    /// Per year, ascending, "no date" last.
    pub years: Vec<(Option<u16>, u32)>,
}

impl Facets {
    /// Counts over `candidates` (the passages the query matches) under `filters`.
    pub fn count(
        corpus: &Corpus,
        meta: &PassageMeta,
        candidates: &[u32],
        filters: &Filters,
    ) -> Facets {
        let mut facets = Facets {
            themes: vec![0; corpus.themes.len()],
            documents: meta.articles.iter().map(|&a| (a, 0)).collect(),
            years: meta.years.iter().map(|&y| (y, 0)).collect(),
            ..Facets::default()
        };
        let mut per_article = vec![0u32; corpus.documents.len()];
        let unfiltered = filters.is_empty();
        let passes = |p: u32, d: Dimension| unfiltered || meta.admits(filters, p, Some(d));
        for &p in candidates {
            let i = p as usize;
            if passes(p, Dimension::Theme) {
                let mut bits = meta.themes[i];
                while bits != 0 {
                    let t = bits.trailing_zeros() as usize;
                    if let Some(slot) = facets.themes.get_mut(t) {
                        *slot += 1;
                    }
                    bits &= bits - 1;
                }
            }
            if passes(p, Dimension::Stance) {
                facets.stances[meta.stance[i] as usize] += 1;
            }
            if passes(p, Dimension::Kind) {
                facets.kinds[meta.kind[i] as usize] += 1;
            }
            if passes(p, Dimension::Document) {
                per_article[meta.article[i] as usize] += 1;
            }
            if passes(p, Dimension::Year) {
                facets.years[meta.year_slot[i] as usize].1 += 1;
            }
        }
        for (article, count) in &mut facets.documents {
            *count = per_article[*article as usize];
        }
        facets
    }
}

/// Every year a passage can have, ascending, with "no date" last.
fn all_years(corpus: &Corpus) -> Vec<Option<u16>> {
    let mut years: Vec<Option<u16>> =
        (0..corpus.passages.len() as u32).map(|p| year_of(corpus, p)).collect();
    crate::sort::sort_by_key(&mut years, |y| y.map_or(1 << 16, u64::from));
    years.dedup();
    years
}
