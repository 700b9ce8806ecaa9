//! The module structure: no import cycles between the files of `src/search/` or `src/ui/`.
//!
//! Terms: a file *imports* a sibling when it names it through `super::` (in a `use` or a path)
//! or through `crate::<folder>::`, or names an item that the folder's `mod.rs` re-exports from
//! it. `mod.rs` itself is the folder's root: it declares every file and holds what they share,
//! so importing it makes no cycle, and it is left out. Test modules (from the first
//! `#[cfg(test)]` on) and comments are not read. A *cycle* is a chain of imports that comes
//! back to the file it started from: files in a cycle cannot be read, tested or changed one at
//! a time, so the way from the corpus to the screen reads in one direction.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::root;

/// The code of a file without comments and without its test module.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    text.lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The identifier at the start of `text`.
fn ident(text: &str) -> &str {
    let end = text.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(text.len());
    &text[..end]
}

/// The text inside the braces that open `text`, and the items of it at the top level.
fn brace_items(text: &str) -> Vec<&str> {
    let (mut depth, mut start, mut items) = (0, 1, Vec::new());
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' | ',' if depth == 1 => {
                items.push(text[start..i].trim());
                start = i + 1;
                if c == '}' {
                    break;
                }
            }
            '}' => depth -= 1,
            _ => {}
        }
    }
    items
}

/// The names each path that follows `prefix` in `code` starts with: `super::a::B` gives `a`,
/// `super::{a::B, c}` gives `a` and `c`.
fn names_after<'c>(code: &'c str, prefix: &str) -> Vec<&'c str> {
    let mut names = Vec::new();
    for (at, _) in code.match_indices(prefix) {
        let rest = &code[at + prefix.len()..];
        if rest.starts_with('{') {
            names.extend(brace_items(rest).into_iter().map(ident));
        } else {
            names.push(ident(rest));
        }
    }
    names
}

/// Items that `mod.rs` re-exports, by name, with the file they come from.
fn reexports(mod_code: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (at, _) in mod_code.match_indices("pub use ") {
        let rest = &mod_code[at + "pub use ".len()..];
        let file = ident(rest);
        let Some(path) = rest[file.len()..].strip_prefix("::") else { continue };
        let items = if path.starts_with('{') { brace_items(path) } else { vec![path] };
        for item in items {
            let name = item.rsplit("::").next().unwrap_or(item);
            out.insert(ident(name.trim()).to_string(), file.to_string());
        }
    }
    out
}

/// Each file of a folder (by module name, `mod.rs` left out) with the siblings it imports.
fn imports(folder: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let read = |path: &Path| code(&std::fs::read_to_string(path).expect("source is readable"));
    let modules: BTreeSet<String> = std::fs::read_dir(folder)
        .expect("source folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .map(|p| p.file_stem().expect("file name").to_string_lossy().into_owned())
        .filter(|m| m != "mod")
        .collect();
    let reexported = reexports(&read(&folder.join("mod.rs")));
    let folder_name = folder.file_name().expect("folder name").to_string_lossy().into_owned();
    let crate_prefix = format!("crate::{folder_name}::");
    modules
        .iter()
        .map(|module| {
            let code = read(&folder.join(format!("{module}.rs")));
            let names =
                names_after(&code, "super::").into_iter().chain(names_after(&code, &crate_prefix));
            let siblings = names
                .filter_map(|name| {
                    if modules.contains(name) {
                        Some(name.to_string())
                    } else {
                        reexported.get(name).cloned()
                    }
                })
                .filter(|sibling| sibling != module)
                .collect();
            (module.clone(), siblings)
        })
        .collect()
}

/// A cycle of imports, as the files along it, if there is one.
fn find_cycle(imports: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        module: &str,
        imports: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|m| m == module) {
            let mut cycle = path[at..].to_vec();
            cycle.push(module.to_string());
            return Some(cycle);
        }
        if done.contains(module) {
            return None;
        }
        path.push(module.to_string());
        for next in imports.get(module).into_iter().flatten() {
            if let Some(cycle) = visit(next, imports, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(module.to_string());
        None
    }
    let mut done = BTreeSet::new();
    imports.keys().find_map(|m| visit(m, imports, &mut Vec::new(), &mut done))
}

#[track_caller]
fn check_no_cycle(folder: &str) {
    let imports = imports(&root().join(folder));
    assert!(imports.len() > 3, "{folder}: only {} files found", imports.len());
    if let Some(cycle) = find_cycle(&imports) {
        panic!("{folder}: the files import each other in a cycle: {}", cycle.join(" -> "));
    }
}

#[test]
fn search_files_import_each_other_in_one_direction() {
    check_no_cycle("src/search");
}

#[test]
fn ui_files_import_each_other_in_one_direction() {
    check_no_cycle("src/ui");
}

/// The check itself finds what it should: imports in every form, and a cycle of three.
#[test]
fn the_check_finds_imports_and_cycles() {
    let code = code(
        "use super::a::X;\nuse super::{b::Y, c};\nuse crate::search::d::Z;\n\
         fn f() { super::e::g(); } // super::h\n#[cfg(test)]\nmod tests { use super::super::i; }",
    );
    assert_eq!(names_after(&code, "super::"), ["a", "b", "c", "e"]);
    assert_eq!(names_after(&code, "crate::search::"), ["d"]);
    let exports = reexports("pub use engine::{Engine, MAX};\npub use query::parse;\nmod x;");
    assert_eq!(exports.get("MAX").map(String::as_str), Some("engine"));
    assert_eq!(exports.get("parse").map(String::as_str), Some("query"));
    let graph = |edges: &[(&str, &str)]| {
        let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (a, b) in edges {
            g.entry(a.to_string()).or_default().insert(b.to_string());
            g.entry(b.to_string()).or_default();
        }
        g
    };
    assert_eq!(find_cycle(&graph(&[("a", "b"), ("b", "c"), ("a", "c")])), None);
    assert_eq!(
        find_cycle(&graph(&[("a", "b"), ("b", "c"), ("c", "a")])),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
}
