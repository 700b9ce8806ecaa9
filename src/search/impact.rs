//! Champion lists: for each long posting list, its best postings by field score, best first,
//! gathered once when the engine starts.
//!
//! Terms:
//! - a posting's *field score* is its BM25F sum over the fields (see
//!   [`super::weights::RankingWeights`]) before the term's weight and idf multiply it; within
//!   one list it orders the postings as their scores do;
//! - a list's *champions* are its [`CHAMPIONS`] postings of highest field score (more when
//!   several share the last place, up to [`MAX_CHAMPIONS`]), and its *rest bound* is the
//!   highest field score among the other postings.
//!
//! A one-word query reads the champions of its terms first; when no unread posting could
//! change the `k` best passages so far (none matches more closely than the weakest of them,
//! every rest bound is below them, and no passage outside them that scores as much could be
//! lifted to their way of matching), the answer is exact without reading the rest of the
//! lists: safe early termination as in champion lists (Manning, Raghavan, Schütze,
//! *Introduction to Information Retrieval*, §7.1.3) and impact-ordered indexes. Otherwise
//! the query reads the lists whole. Short lists have no champions; reading them whole costs
//! no more.

use crate::index::Index;

/// Lists with more postings than this have champions. Against 192 and 48, 32 and 16 read 23%
/// fewer instructions per query at 1 000 passages and 16% fewer at 10 000 (mean of the
/// benchmark's queries). 16 against 32, once a list whose champions are all its postings
/// counted as read and an answer could be exact with members of a farther tier: 16% fewer
/// at 1 000 passages (median, 6% mean), 5% fewer on the real corpus, the same at 10 000; the
/// engine's set-up reads 2% (real corpus) to 8% (1 000) more instructions.
pub const LONG_LIST: usize = 16;
/// Champions per long list; more than the first page of hits (10), so that page is usually
/// exact.
pub const CHAMPIONS: usize = 16;
/// Ties at the last place extend the champions up to this many.
pub const MAX_CHAMPIONS: usize = 4 * CHAMPIONS;

#[derive(Debug, Default)]
pub(super) struct Impacts {
    /// Per term: its champions' place in `lists` plus one; 0 for a short list.
    slot: Vec<u32>,
    lists: Vec<Champions>,
    /// Per term: the highest field score of its postings, so a list that cannot matter
    /// need not be read at all.
    max: Vec<f32>,
}

#[derive(Debug)]
pub(super) struct Champions {
    /// (passage, field score), best first; equal scores in passage order.
    pub best: Vec<(u32, f32)>,
    /// The highest field score of the postings not in `best` (0 when there are none).
    pub rest: f32,
    /// `best` holds every posting of the list (ties took in the rest): reading it reads the
    /// list.
    pub whole: bool,
}

impl Impacts {
    /// Champions of every list longer than [`LONG_LIST`], scoring each posting with
    /// `field_score(tf byte, passage)`; passages at or beyond `passages` are not searched.
    pub fn new(index: &Index, passages: usize, field_score: impl Fn(u8, usize) -> f32) -> Impacts {
        let mut impacts = Impacts {
            slot: vec![0; index.term_count()],
            lists: Vec::new(),
            max: vec![0.0; index.term_count()],
        };
        let mut scored: Vec<(u32, f32)> = Vec::new();
        for term in 0..index.term_count() as u32 {
            scored.clear();
            scored.extend(
                index
                    .postings(term)
                    .raw()
                    .filter(|&(p, _)| (p as usize) < passages)
                    .map(|(p, tf)| (p, field_score(tf, p as usize))),
            );
            impacts.max[term as usize] =
                scored.iter().fold(0.0, |m, e| if e.1 > m { e.1 } else { m });
            if scored.len() > LONG_LIST {
                impacts.lists.push(champions(&scored));
                impacts.slot[term as usize] = impacts.lists.len() as u32;
            }
        }
        impacts
    }

    /// The highest field score in a term's list.
    pub fn max(&self, term: u32) -> f32 {
        self.max.get(term as usize).copied().unwrap_or(0.0)
    }

    /// The champions of a term's list, if it is long.
    pub fn get(&self, term: u32) -> Option<&Champions> {
        let slot = *self.slot.get(term as usize)?;
        (slot > 0).then(|| &self.lists[slot as usize - 1])
    }
}

/// Champions of one list's (passage, field score) pairs.
fn champions(scored: &[(u32, f32)]) -> Champions {
    use crate::sort::{higher_first, select, sort, Keyed};
    // Best score first, then the earlier passage; the payload is the place in `scored`.
    let mut keyed: Vec<Keyed> = scored
        .iter()
        .enumerate()
        .map(|(i, &(p, s))| (higher_first(s) << 32 | p as u64, i as u32))
        .collect();
    let score = |e: &Keyed| scored[e.1 as usize].1;
    select(&mut keyed, CHAMPIONS - 1);
    let last = score(&keyed[CHAMPIONS - 1]);
    let (head, tail) = keyed.split_at_mut(CHAMPIONS);
    // Postings tied with the last champion go to the front of the tail, the earliest first.
    let mut tied = 0;
    for i in 0..tail.len() {
        if score(&tail[i]) >= last {
            tail.swap(tied, i);
            tied += 1;
        }
    }
    let room = MAX_CHAMPIONS - CHAMPIONS;
    let ties = &mut tail[..tied];
    if tied > room {
        select(ties, room - 1);
    }
    let mut best: Vec<Keyed> = head.iter().chain(ties.iter().take(room)).copied().collect();
    sort(&mut best);
    let rest = if tied > room {
        last
    } else {
        tail[tied..].iter().map(score).fold(0.0, |m, s| if s > m { s } else { m })
    };
    Champions {
        whole: best.len() == scored.len(),
        best: best.iter().map(|e| scored[e.1 as usize]).collect(),
        rest,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn champions_are_the_best_and_the_rest_scores_less() {
        let scored: Vec<(u32, f32)> = (0..500).map(|p| (p, (p % 97) as f32)).collect();
        let c = champions(&scored);
        assert!(
            c.best.windows(2).all(|w| w[0].1 > w[1].1 || (w[0].1 == w[1].1 && w[0].0 < w[1].0)),
            "best first"
        );
        assert!(c.best.len() >= CHAMPIONS && c.best.len() <= MAX_CHAMPIONS);
        let last = c.best.last().expect("champions").1;
        assert!(c.rest < last, "rest {} below the last champion {last}", c.rest);
        let outside =
            scored.iter().filter(|e| !c.best.contains(e)).map(|e| e.1).fold(0.0, f32::max);
        assert_eq!(c.rest, outside);
    }

    #[test]
    fn champions_that_are_the_whole_list_say_so() {
        let distinct: Vec<(u32, f32)> = (0..CHAMPIONS as u32 + 1).map(|p| (p, p as f32)).collect();
        let c = champions(&distinct);
        assert!(
            !c.whole && c.best.len() == CHAMPIONS && c.rest == 0.0,
            "one posting left: passage 0, scoring 0"
        );
        let tied: Vec<(u32, f32)> =
            (0..CHAMPIONS as u32 + 5).map(|p| (p, if p < 3 { 2.0 } else { 1.0 })).collect();
        let c = champions(&tied);
        assert!(c.whole && c.best.len() == tied.len(), "ties took in every posting");
        let many: Vec<(u32, f32)> = (0..MAX_CHAMPIONS as u32 + 1).map(|p| (p, 1.0)).collect();
        assert!(!champions(&many).whole, "more ties than room");
    }

    #[test]
    fn many_ties_keep_the_rest_bound_honest() {
        let scored: Vec<(u32, f32)> = (0..1000).map(|p| (p, 1.0)).collect();
        let c = champions(&scored);
        assert_eq!(c.best.len(), MAX_CHAMPIONS);
        assert_eq!(c.rest, 1.0, "the rest ties with the champions");
        assert_eq!(c.best[0].0, 0, "earlier passages first among equals");
    }
}
