//! Where a side is silent: passages counted by theme, stance and kind of text, and the zeros
//! among them that say something.
//!
//! Terms:
//! - the *grid* counts, for a set of passages, each theme × stance × kind of text (a passage
//!   with two themes counts under both);
//! - a *silence* is a zero of the grid that is not there merely because nothing of its kind
//!   was written at all. Three levels, each stated once, the broadest first:
//!   1. a stance never appears in a kind of text that is there ("no critical passage in a
//!      press release");
//!   2. a stance never speaks about a theme that is there ("no critical text says anything
//!      about youth");
//!   3. a kind of text speaks about a theme, and a stance present elsewhere never does so in
//!      it, where levels 1 and 2 do not already say it.
//!
//! The corpus is closed, so these zeros are exact: they describe these texts, not a sample.

use crate::corpus::{Corpus, Kind, PassageIdx, Stance, ThemeIdx};

/// Passage counts: `cells[theme][stance][kind]`, in the orders of the corpus's themes,
/// [`Stance::ALL`] and [`Kind::ALL`]; and per stance × kind over all themes (a passage
/// without a theme counts there only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grid {
    pub cells: Vec<[[u32; 4]; 3]>,
    pub totals: [[u32; 4]; 3],
}

/// One silence: a stance absent where it could have spoken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Silence {
    /// Level 1: no passage of this stance in this kind of text.
    Kind(Stance, Kind),
    /// Level 2: no passage of this stance about this theme.
    Theme(ThemeIdx, Stance),
    /// Level 3: no passage of this stance about this theme in this kind of text.
    Cell(ThemeIdx, Stance, Kind),
}

impl Grid {
    /// Counts `passages` of `corpus`.
    pub fn new(corpus: &Corpus, passages: &[PassageIdx]) -> Grid {
        let mut grid = Grid { cells: vec![[[0; 4]; 3]; corpus.themes.len()], totals: [[0; 4]; 3] };
        for &p in passages {
            let passage = &corpus.passages[p as usize];
            let (s, k) = (
                passage.stance as usize,
                corpus.documents[passage.document as usize].kind as usize,
            );
            grid.totals[s][k] += 1;
            for &t in &passage.themes {
                grid.cells[t as usize][s][k] += 1;
            }
        }
        grid
    }

    fn stance_total(&self, s: usize) -> u32 {
        self.totals[s].iter().sum()
    }

    fn kind_total(&self, k: usize) -> u32 {
        self.totals.iter().map(|row| row[k]).sum()
    }

    fn theme_total(&self, t: usize) -> u32 {
        self.cells[t].iter().flatten().sum()
    }

    /// Passages about theme `t` from stance `s`, any kind.
    pub fn theme_stance(&self, t: usize, s: usize) -> u32 {
        self.cells[t][s].iter().sum()
    }

    /// Passages about theme `t` in kind `k`, any stance.
    pub fn theme_kind(&self, t: usize, k: usize) -> u32 {
        self.cells[t].iter().map(|row| row[k]).sum()
    }

    /// The silences of the grid, level by level, each in the order of themes, stances, kinds.
    /// Only stances, kinds and themes that occur among the counted passages take part.
    pub fn silences(&self) -> Vec<Silence> {
        let stances: Vec<usize> = (0..3).filter(|&s| self.stance_total(s) > 0).collect();
        let kinds: Vec<usize> = (0..4).filter(|&k| self.kind_total(k) > 0).collect();
        let themes: Vec<usize> =
            (0..self.cells.len()).filter(|&t| self.theme_total(t) > 0).collect();
        let mut out = Vec::new();
        for &s in &stances {
            for &k in &kinds {
                if self.totals[s][k] == 0 {
                    out.push(Silence::Kind(Stance::ALL[s], Kind::ALL[k]));
                }
            }
        }
        for &t in &themes {
            for &s in &stances {
                if self.theme_stance(t, s) == 0 {
                    out.push(Silence::Theme(t as ThemeIdx, Stance::ALL[s]));
                }
            }
        }
        for &t in &themes {
            for &s in stances.iter().filter(|&&s| self.theme_stance(t, s) > 0) {
                for &k in kinds.iter().filter(|&&k| self.totals[s][k] > 0) {
                    if self.theme_kind(t, k) > 0 && self.cells[t][s][k] == 0 {
                        out.push(Silence::Cell(t as ThemeIdx, Stance::ALL[s], Kind::ALL[k]));
                    }
                }
            }
        }
        out
    }
}

/// A silence in plain Dutch (B1).
pub fn sentence(corpus: &Corpus, silence: Silence) -> String {
    let theme = |t: ThemeIdx| crate::text::lowercase(&corpus.theme(t).label);
    match silence {
        Silence::Kind(s, k) => {
            format!("Geen enkel {} tekstdeel staat in {}.", adjective(s), kind_phrase(k))
        }
        Silence::Theme(t, s) => {
            format!("Over {} zegt geen enkel {} tekstdeel iets.", theme(t), adjective(s))
        }
        Silence::Cell(t, s, k) => format!(
            "Over {} staat wel iets in {}, maar geen enkel {} tekstdeel.",
            theme(t),
            kind_phrase(k),
            adjective(s)
        ),
    }
}

/// The stance as an adjective before "tekstdeel" (a neuter noun: no -e).
fn adjective(stance: Stance) -> &'static str {
    match stance {
        Stance::Optimistisch => "optimistisch",
        Stance::Kritisch => "kritisch",
        Stance::Gemengd => "gemengd of neutraal",
    }
}

fn kind_phrase(kind: Kind) -> &'static str {
    match kind {
        Kind::Nieuws => "een nieuwsbericht",
        Kind::Opinie => "een opiniestuk",
        Kind::Persbericht => "een persbericht",
        Kind::Reactie => "een reactie van een lezer",
    }
}
