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
    pub fn is_empty(&self) -> bool {
        self.themes.is_empty() && self.stances.is_empty() && self.kinds.is_empty() && self.documents.is_empty() && self.years.is_empty()
    }

    /// True if the passage passes every filter.
    pub fn admits(&self, corpus: &Corpus, passage: u32) -> bool {
        self.admits_except(corpus, passage, None)
    }

    fn admits_except(&self, corpus: &Corpus, passage: u32, skip: Option<Dimension>) -> bool {
        let p = &corpus.passages[passage as usize];
        let doc = &corpus.documents[p.document as usize];
        let article = corpus.article_of(p.document);
        let check = |d: Dimension, ok: bool| skip == Some(d) || ok;
        check(Dimension::Theme, self.themes.is_empty() || p.themes.iter().any(|t| self.themes.contains(t)))
            && check(Dimension::Stance, self.stances.is_empty() || self.stances.contains(&p.stance))
            && check(Dimension::Kind, self.kinds.is_empty() || self.kinds.contains(&doc.kind))
            && check(Dimension::Document, self.documents.is_empty() || self.documents.contains(&article))
            && check(Dimension::Year, self.years.is_empty() || self.years.contains(&year_of(corpus, passage)))
    }
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
    pub fn count(corpus: &Corpus, candidates: &[u32], filters: &Filters) -> Facets {
        let mut facets = Facets {
            themes: vec![0; corpus.themes.len()],
            documents: corpus.articles().map(|(i, _)| (i, 0)).collect(),
            years: all_years(corpus).into_iter().map(|y| (y, 0)).collect(),
            ..Facets::default()
        };
        for &p in candidates {
            let passage = &corpus.passages[p as usize];
            let doc = &corpus.documents[passage.document as usize];
            if filters.admits_except(corpus, p, Some(Dimension::Theme)) {
                for &t in &passage.themes {
                    facets.themes[t as usize] += 1;
                }
            }
            if filters.admits_except(corpus, p, Some(Dimension::Stance)) {
                facets.stances[passage.stance as usize] += 1;
            }
            if filters.admits_except(corpus, p, Some(Dimension::Kind)) {
                facets.kinds[doc.kind as usize] += 1;
            }
            if filters.admits_except(corpus, p, Some(Dimension::Document)) {
                let article = corpus.article_of(passage.document);
                if let Some(slot) = facets.documents.iter_mut().find(|(a, _)| *a == article) {
                    slot.1 += 1;
                }
            }
            if filters.admits_except(corpus, p, Some(Dimension::Year)) {
                let year = year_of(corpus, p);
                if let Some(slot) = facets.years.iter_mut().find(|(y, _)| *y == year) {
                    slot.1 += 1;
                }
            }
        }
        facets
    }
}

/// Every year a passage can have, ascending, with "no date" last.
pub fn all_years(corpus: &Corpus) -> Vec<Option<u16>> {
    let mut years: Vec<Option<u16>> = (0..corpus.passages.len() as u32).map(|p| year_of(corpus, p)).collect();
    years.sort_by_key(|y| (y.is_none(), *y));
    years.dedup();
    years
}
