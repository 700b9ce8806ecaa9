//! A wasm-bindgen face of the engine for the benchmark (feature `bench`, wasm only): node loads
//! it beside MiniSearch and FlexSearch and measures all three the same way.

use wasm_bindgen::prelude::*;

use crate::corpus::{decode, Corpus};
use crate::index::Index;
use crate::search::{Engine, Filters};

#[wasm_bindgen]
pub struct BenchEngine {
    engine: Engine<'static>,
}

#[wasm_bindgen]
impl BenchEngine {
    /// Decodes a corpus and its index (what the app does once at start-up).
    #[wasm_bindgen(constructor)]
    pub fn new(corpus: &[u8], index: &[u8]) -> Result<BenchEngine, JsError> {
        let corpus: &'static Corpus =
            Box::leak(Box::new(decode(corpus).map_err(|e| JsError::new(&e.to_string()))?));
        // The index borrows its large tables from its bytes, so they live as long as it does.
        let bytes: &'static [u8] = Box::leak(index.to_vec().into_boxed_slice());
        let index: &'static Index<'static> = Box::leak(Box::new(
            Index::decode(bytes, &corpus.synonyms).map_err(|e| JsError::new(&e.to_string()))?,
        ));
        Ok(BenchEngine { engine: Engine::new(corpus, index) })
    }

    /// A query as the app runs it on each keystroke (ranking, facet counts, explained hits
    /// with marked snippets); returns the passage indices of the hits in rank order.
    pub fn search(&self, query: &str, limit: usize) -> Vec<u32> {
        self.engine
            .search(query, &Filters::default(), limit)
            .hits
            .iter()
            .map(|h| h.passage)
            .collect()
    }

    /// The cargo profile this wasm was built with (`BENCH_PROFILE` at build time).
    pub fn profile() -> String {
        option_env!("BENCH_PROFILE").unwrap_or("release").to_string()
    }

    /// Milliseconds of each step of [`BenchEngine::new`]: decoding the corpus, copying the
    /// index bytes, decoding the index, setting up the engine.
    pub fn load_steps(corpus: &[u8], index: &[u8]) -> Result<Vec<f64>, JsError> {
        let mut times = Vec::new();
        let mut start = js_sys::Date::now();
        let mut lap = |times: &mut Vec<f64>| {
            let now = js_sys::Date::now();
            times.push(now - start);
            start = now;
        };
        let corpus: &'static Corpus =
            Box::leak(Box::new(decode(corpus).map_err(|e| JsError::new(&e.to_string()))?));
        lap(&mut times);
        let bytes: &'static [u8] = Box::leak(index.to_vec().into_boxed_slice());
        lap(&mut times);
        let index: &'static Index<'static> = Box::leak(Box::new(
            Index::decode(bytes, &corpus.synonyms).map_err(|e| JsError::new(&e.to_string()))?,
        ));
        lap(&mut times);
        std::hint::black_box(Engine::new(corpus, index));
        lap(&mut times);
        Ok(times)
    }

    /// The wasm linear memory in bytes.
    pub fn memory_bytes() -> f64 {
        (core::arch::wasm32::memory_size(0) * 65536) as f64
    }
}
