//! The start view: every document with its kind, byline and how its passages lean.

use leptos::prelude::*;

use super::parts::{Byline, StanceCounts};
use super::{focus_after_move, set_title, Link};
use crate::corpus::Stance;
use crate::state::Route;

#[component]
pub fn DocumentList() -> impl IntoView {
    let corpus = crate::corpus();
    set_title("");
    focus_after_move("[data-view=documents] h1");
    let total = corpus.passages.len();
    let per_stance = |s: Stance| corpus.passages.iter().filter(|p| p.stance == s).count();
    view! {
        <section data-view="documents" class="documents">
            <h1 tabindex="-1">"Wat schreven mensen over de decentralisaties?"</h1>
            <p class="lead">
                "Sinds 1 januari 2015 zorgen gemeenten voor jeugdhulp, voor ondersteuning thuis (Wmo 2015) "
                "en voor werk en inkomen (Participatiewet). Hier leest u wat erover geschreven is: "
                {corpus.articles().count()} " teksten en de reacties van lezers, verdeeld in "
                {total} " tekstdelen. Bij elk tekstdeel staat of het de verandering optimistisch of kritisch bekijkt."
            </p>
            <p class="documents__totals">
                {per_stance(Stance::Optimistisch)} " optimistisch, "
                {per_stance(Stance::Kritisch)} " kritisch, "
                {per_stance(Stance::Gemengd)} " gemengd of neutraal."
            </p>
            <ul class="doc-list">
                {corpus
                    .articles()
                    .map(|(_, doc)| {
                        let comments = doc.comments.len();
                        let mut counts = corpus.stance_counts(doc);
                        for &c in &doc.comments {
                            let more = corpus.stance_counts(&corpus.documents[c as usize]);
                            for (n, m) in counts.iter_mut().zip(more) {
                                *n += m;
                            }
                        }
                        let total: usize = counts.iter().sum();
                        let in_comments = total - doc.passage_count as usize;
                        let size = match comments {
                            0 => format!("{total} tekstdelen"),
                            1 => format!("{total} tekstdelen, waarvan {in_comments} in 1 reactie"),
                            n => format!("{total} tekstdelen, waarvan {in_comments} in {n} reacties"),
                        };
                        view! {
                            <li class="doc-card" data-document=doc.id.clone()>
                                <h2 class="doc-card__title">
                                    <Link to=Route::document(&doc.id)>{doc.title.clone()}</Link>
                                </h2>
                                <Byline doc=doc />
                                <p class="doc-card__size">{size}</p>
                                <StanceCounts counts=counts />
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
