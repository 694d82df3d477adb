//! Reads a crate's source tree with `syn` and resolves every path in it to the module it names,
//! so the rules in `rooms.rs` judge what the compiler sees, not what a pattern happens to match.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use syn::buffer::Cursor;
use syn::parse::ParseStream;
use syn::punctuated::Punctuated;
use syn::visit::{self, Visit};
use syn::{Expr, Token, UseTree};

/// A module's absolute path from the crate root: `[]` is the root, `["network", "people"]` is
/// `crate::network::people`.
pub type ModulePath = Vec<String>;

/// One path written in the source, as found, before resolution.
struct Mention {
    file: String,
    module: ModulePath,
    segments: Vec<String>,
    text: String,
}

/// One path resolved to the absolute path it names inside the crate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// The file it is written in, relative to `src/`, with `/` between folders.
    pub file: String,
    /// The module it is written in (inline `mod tests { … }` included).
    pub from: ModulePath,
    /// What it names, from the crate root, with the root's re-exports followed.
    pub to: ModulePath,
    /// The path as written (a `use` tree flattened to the one path).
    pub text: String,
}

/// A crate read from its `src/` folder: the paths written in it and the modules it declares.
pub struct Crate {
    mentions: Vec<Mention>,
    /// Each module's child modules, from its `mod x;` and `mod x { … }` items.
    children: BTreeMap<ModulePath, BTreeSet<String>>,
    /// The names `lib.rs` brings into the root with `use`, and the absolute paths they stand for.
    reexports: BTreeMap<String, ModulePath>,
    /// The first segment of every file's module path: the top-level modules that have a file.
    file_rooms: BTreeSet<String>,
}

impl Crate {
    /// Reads every `.rs` file under `src`, and panics naming the file if one does not read or parse.
    pub fn read(src: &Path) -> Crate {
        let mut files = Vec::new();
        list_rust_files(src, src, &mut files);
        files.sort();

        let mut collector = Collector::default();
        let mut root_uses = Vec::new();
        let mut file_rooms = BTreeSet::new();
        for file in &files {
            let text = fs::read_to_string(src.join(file))
                .unwrap_or_else(|err| panic!("could not read src/{file}: {err}"));
            let ast = syn::parse_file(&text)
                .unwrap_or_else(|err| panic!("could not parse src/{file}: {err}"));
            let module = module_of_file(file);
            if let Some(room) = module.first() {
                file_rooms.insert(room.clone());
            }
            if module.is_empty() {
                root_uses.extend(ast.items.iter().filter_map(|item| match item {
                    syn::Item::Use(item) => Some(flatten_use(&item.tree)),
                    _ => None,
                }));
            }
            collector.file = file.clone();
            collector.module = module;
            collector.visit_file(&ast);
        }

        let mut read = Crate {
            mentions: collector.mentions,
            children: collector.children,
            reexports: BTreeMap::new(),
            file_rooms,
        };
        read.reexports = root_uses
            .into_iter()
            .flatten()
            .filter_map(|used| {
                let name = used.name?;
                let to = read.absolute(&[], &used.segments)?;
                Some((name, to))
            })
            .collect();
        read
    }

    /// The modules declared at the root, and any that have a file without being declared.
    pub fn top_modules(&self) -> BTreeSet<String> {
        let declared = self.children.get(&Vec::new()).cloned().unwrap_or_default();
        declared.union(&self.file_rooms).cloned().collect()
    }

    /// Every path in the crate that names something inside it, resolved; paths to std, external
    /// crates and local items are left out.
    pub fn references(&self) -> Vec<Reference> {
        let top = self.top_modules();
        self.mentions
            .iter()
            .filter_map(|mention| {
                let mut to = self.absolute(&mention.module, &mention.segments)?;
                if !top.contains(&to[0]) {
                    // Failing here rather than skipping: a glob re-export in lib.rs (or an
                    // item at the root) would otherwise hide an edge between two rooms.
                    let reexported = self.reexports.get(&to[0]).unwrap_or_else(|| {
                        panic!(
                            "src/{}: `{}` names `crate::{}`, which is neither a top-level module \
                             nor a name lib.rs re-exports by name; re-export it by name (not \
                             with a glob) so the house rules can follow it",
                            mention.file, mention.text, to[0]
                        )
                    });
                    to.splice(0..1, reexported.iter().cloned());
                }
                Some(Reference {
                    file: mention.file.clone(),
                    from: mention.module.clone(),
                    to,
                    text: mention.text.clone(),
                })
            })
            .collect()
    }

    /// Resolves a path written in `module` the way Rust 2018 does: `crate::` from the root,
    /// `self::` and `super::` (repeated) from `module`, and a first segment naming a child module
    /// of `module` relative to it. Anything else is not ours to judge: `None`.
    fn absolute(&self, module: &[String], segments: &[String]) -> Option<ModulePath> {
        let (first, rest) = segments.split_first()?;
        let is_child = |name: &str| self.children.get(module).is_some_and(|c| c.contains(name));
        let (mut base, mut rest) = match first.as_str() {
            "crate" => (Vec::new(), rest),
            "self" => (module.to_vec(), rest),
            "super" => (module.to_vec(), segments),
            name if is_child(name) => (module.to_vec(), segments),
            _ => return None,
        };
        while let Some((first, after)) = rest.split_first() {
            if first != "super" {
                break;
            }
            base.pop()?;
            rest = after;
        }
        base.extend(rest.iter().cloned());
        (!base.is_empty()).then_some(base)
    }
}

/// The module a file holds, by the normal layout: `lib.rs` is the root, `foo.rs` and
/// `foo/mod.rs` are `foo`, `foo/bar.rs` is `foo::bar`.
pub fn module_of_file(file: &str) -> ModulePath {
    let mut parts: Vec<String> = file.split('/').map(str::to_owned).collect();
    let last = parts.pop().expect("a file path has a name");
    match last.as_str() {
        "lib.rs" if parts.is_empty() => {}
        "mod.rs" => {}
        name => parts.push(name.trim_end_matches(".rs").to_owned()),
    }
    parts
}

/// Collects `.rs` files below `dir` as paths relative to `src`, joined with `/`.
fn list_rust_files(src: &Path, dir: &Path, files: &mut Vec<String>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|err| panic!("could not list {dir:?}: {err}"));
    for entry in entries {
        let path = entry.expect("a readable folder entry").path();
        if path.is_dir() {
            list_rust_files(src, &path, files);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            let relative = path.strip_prefix(src).expect("a file under src");
            let parts: Vec<_> = relative.iter().map(|part| part.to_string_lossy()).collect();
            files.push(parts.join("/"));
        }
    }
}

/// One path out of a `use` tree.
struct UsedPath {
    segments: Vec<String>,
    /// The name it binds (`None` for a glob).
    name: Option<String>,
    glob: bool,
}

/// Flattens `use a::{b, c::{self, d as e}, f::*}` into `a::b`, `a::c`, `a::c::d`, `a::f`.
fn flatten_use(tree: &UseTree) -> Vec<UsedPath> {
    fn walk(tree: &UseTree, prefix: &mut Vec<String>, out: &mut Vec<UsedPath>) {
        let path = |prefix: &[String], name: Option<String>, glob| UsedPath {
            segments: prefix.to_vec(),
            name,
            glob,
        };
        match tree {
            UseTree::Path(step) => {
                prefix.push(step.ident.to_string());
                walk(&step.tree, prefix, out);
                prefix.pop();
            }
            UseTree::Group(group) => group.items.iter().for_each(|item| walk(item, prefix, out)),
            UseTree::Glob(_) => out.push(path(prefix, None, true)),
            // `self` in a group names the prefix itself, bound under the prefix's last name.
            UseTree::Name(name) if name.ident == "self" => {
                out.push(path(prefix, prefix.last().cloned(), false))
            }
            UseTree::Rename(rename) if rename.ident == "self" => {
                out.push(path(prefix, Some(rename.rename.to_string()), false))
            }
            UseTree::Name(name) => {
                prefix.push(name.ident.to_string());
                out.push(path(prefix, Some(name.ident.to_string()), false));
                prefix.pop();
            }
            UseTree::Rename(rename) => {
                prefix.push(rename.ident.to_string());
                out.push(path(prefix, Some(rename.rename.to_string()), false));
                prefix.pop();
            }
        }
    }
    let mut out = Vec::new();
    walk(tree, &mut Vec::new(), &mut out);
    out
}

/// Walks one file's syntax tree, noting every path and every child module, in the module each
/// one is written in.
#[derive(Default)]
struct Collector {
    file: String,
    module: ModulePath,
    mentions: Vec<Mention>,
    children: BTreeMap<ModulePath, BTreeSet<String>>,
}

impl Collector {
    fn note(&mut self, segments: Vec<String>, text: String) {
        self.mentions.push(Mention {
            file: self.file.clone(),
            module: self.module.clone(),
            segments,
            text,
        });
    }
}

impl<'ast> Visit<'ast> for Collector {
    fn visit_item_mod(&mut self, item: &'ast syn::ItemMod) {
        let name = item.ident.to_string();
        let children = self.children.entry(self.module.clone()).or_default();
        children.insert(name.clone());
        self.module.push(name);
        visit::visit_item_mod(self, item);
        self.module.pop();
    }

    fn visit_item_use(&mut self, item: &'ast syn::ItemUse) {
        if item.leading_colon.is_some() {
            return; // `use ::name::…` names an external crate
        }
        for used in flatten_use(&item.tree) {
            let mut text = used.segments.join("::");
            if used.glob {
                text.push_str("::*");
            }
            self.note(used.segments, text);
        }
    }

    fn visit_path(&mut self, path: &'ast syn::Path) {
        // `::name` is an external crate; a lone `self` is the value a method is called on.
        if path.leading_colon.is_none() && !path.is_ident("self") {
            let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
            let text = segments.join("::");
            self.note(segments, text);
        }
        visit::visit_path(self, path); // paths inside generic arguments
    }

    fn visit_macro(&mut self, mac: &'ast syn::Macro) {
        visit::visit_macro(self, mac);
        // Most macros we call take expressions (`format!`, `assert_eq!`, `params!`); read those,
        // and leave bodies that are not a list of expressions alone.
        let parser = Punctuated::<Expr, Token![,]>::parse_terminated;
        if let Ok(arguments) = mac.parse_body_with(parser) {
            arguments
                .iter()
                .for_each(|argument| self.visit_expr(argument));
            return;
        }
        // Other bodies (`tracing` fields such as `%value`, `vec![x; n]`, `json!({…})`): their
        // tokens still show every `crate::…`, `super::…` and `self::…` path written in them.
        let scanned = mac.parse_body_with(|input: ParseStream| {
            input.step(|cursor| {
                let mut found = Vec::new();
                Ok((found_paths(*cursor, &mut found), Cursor::empty()))
                    .map(|(_, rest)| (found, rest))
            })
        });
        for segments in scanned.unwrap_or_default() {
            let text = segments.join("::");
            self.note(segments, text);
        }
    }
}

/// Collects the paths that start with `crate`, `super` or `self` anywhere in a token stream,
/// groups included.
fn found_paths<'a>(mut cursor: Cursor<'a>, found: &mut Vec<Vec<String>>) -> Cursor<'a> {
    let is_separator = |cursor: Cursor<'a>| -> Option<Cursor<'a>> {
        let (first, after) = cursor.punct()?;
        let (second, after) = after.punct()?;
        (first.as_char() == ':' && second.as_char() == ':').then_some(after)
    };
    while !cursor.eof() {
        if let Some((inside, _, _, after)) = cursor.any_group() {
            found_paths(inside, found);
            cursor = after;
        } else if let Some((ident, mut after)) = cursor.ident() {
            if ["crate", "super", "self"].contains(&ident.to_string().as_str()) {
                let mut segments = vec![ident.to_string()];
                while let Some((next, rest)) = is_separator(after).and_then(|c| c.ident()) {
                    segments.push(next.to_string());
                    after = rest;
                }
                if segments.len() > 1 {
                    found.push(segments);
                }
            }
            cursor = after;
        } else if let Some((_, after)) = cursor.token_tree() {
            cursor = after;
        } else {
            break;
        }
    }
    cursor
}
