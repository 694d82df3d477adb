//! Naming a thing as people say it: what someone types to pick a circle, an interaction kind or a
//! link kind, matched against the names there are. "classmate", "CLASSMATES" and "clàssmates" all
//! say "Classmates"; "prof" says "Professors & advisors" as long as no other name starts so.
//!
//! A typed text fits a name in one of three ways, best first ([`Fit`]): exactly (ignoring case),
//! as the same name said differently (case, accents, spacing and punctuation, "&" for "and",
//! singular or plural of each word), or as the start of it (each word typed the start of the
//! name's word in that place). Only the best way found counts: "friend" picks "Friends" even if
//! "Friends from work" exists too, and an exact name wins over another it is the start of.
//! Plurals are English ones, as the names are.

use crate::error::{Error, Result};
use crate::network::identity::folded_name;

/// How a typed text fits a name, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Fit {
    /// The name itself, in any case.
    Exact,
    /// The same name said differently: accents, spacing, punctuation, singular or plural.
    Same,
    /// The start of the name: each word typed starts the name's word in its place.
    Prefix,
}

/// How `typed` fits `name`, or `None` when it does not. An empty text fits nothing.
pub fn fit(typed: &str, name: &str) -> Option<Fit> {
    let typed_words = words(typed);
    if typed_words.is_empty() {
        return None;
    }
    if typed.trim().to_lowercase() == name.trim().to_lowercase() {
        return Some(Fit::Exact);
    }
    let name_words = words(name);
    let same = |a: &String, b: &String| a == b || singular(a) == singular(b);
    let same_words = typed_words.len() == name_words.len()
        && typed_words.iter().zip(&name_words).all(|(t, n)| same(t, n));
    // "e-mail" and "email", "co-workers" and "Coworkers": the same letters, split differently.
    if same_words || same(&typed_words.concat(), &name_words.concat()) {
        return Some(Fit::Same);
    }
    let starts = |t: &String, n: &String| n.starts_with(t.as_str()) || n.starts_with(&singular(t));
    (typed_words.len() <= name_words.len()
        && typed_words
            .iter()
            .zip(&name_words)
            .all(|(t, n)| starts(t, n)))
    .then_some(Fit::Prefix)
}

/// The things whose names `typed` fits best, no looser than `loosest`, in the order given: one
/// when it names a single thing, several when it could mean any of them, none when it fits no
/// name.
pub fn best<'a, T>(
    typed: &str,
    named: impl IntoIterator<Item = (T, &'a str)>,
    loosest: Fit,
) -> Vec<T> {
    let mut found: Vec<(Fit, T)> = named
        .into_iter()
        .filter_map(|(thing, name)| fit(typed, name).map(|f| (f, thing)))
        .filter(|(f, _)| *f <= loosest)
        .collect();
    let Some(best) = found.iter().map(|(f, _)| *f).min() else {
        return Vec::new();
    };
    found.retain(|(f, _)| *f == best);
    found.into_iter().map(|(_, thing)| thing).collect()
}

/// The one value of `all` that `typed` names, each value called by `name` (a stored name such as
/// "informational_interview", said with spaces). `what` names the kind of value in a refusal,
/// which lists the values it could mean, or all of them when it means none. These values have no
/// ids to pick by, so a word that could mean several is invalid input rather than ambiguous.
pub fn parse_value<T: Copy>(
    typed: &str,
    what: &'static str,
    all: &[T],
    name: fn(T) -> &'static str,
) -> Result<T> {
    let spoken = |value: T| name(value).replace('_', " ");
    let spoken_names: Vec<String> = all.iter().map(|v| spoken(*v)).collect();
    let found = best(
        typed,
        all.iter()
            .copied()
            .zip(spoken_names.iter().map(String::as_str)),
        Fit::Prefix,
    );
    let list = |values: &[T]| {
        values
            .iter()
            .map(|v| spoken(*v))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match found.as_slice() {
        [one] => Ok(*one),
        [] => Err(Error::invalid(
            "kind",
            format!(
                "There is no {what} “{}”. Kinds: {}.",
                typed.trim(),
                list(all)
            ),
        )),
        several => Err(Error::invalid(
            "kind",
            format!("“{}” could be any of: {}.", typed.trim(), list(several)),
        )),
    }
}

/// A name's words, folded (case, accents), punctuation dropped, and "and" or "&" too unless it
/// is the only word: "Professors & advisors" is said "professors and advisors" or "prof adv".
fn words(text: &str) -> Vec<String> {
    let all: Vec<String> = folded_name(&text.replace('&', " and "))
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect();
    if all.iter().all(|word| word == "and") {
        return all;
    }
    all.into_iter().filter(|word| word != "and").collect()
}

/// An English word's singular, near enough to compare names: "advisors" → "advisor", "families"
/// → "family", "classes" → "class". Short words and words in "ss" are left as they are.
fn singular(word: &str) -> String {
    if word.len() > 4 && word.ends_with("ies") {
        return format!("{}y", &word[..word.len() - 3]);
    }
    for ending in ["sses", "shes", "ches", "xes", "zes"] {
        if word.ends_with(ending) {
            return word[..word.len() - 2].to_owned();
        }
    }
    if word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") {
        return word[..word.len() - 1].to_owned();
    }
    word.to_owned()
}

#[cfg(test)]
mod tests {
    use super::singular;

    #[test]
    fn singulars_of_the_plurals_names_use() {
        assert_eq!(singular("classmates"), "classmate");
        assert_eq!(singular("advisors"), "advisor");
        assert_eq!(singular("classes"), "class");
        assert_eq!(singular("class"), "class");
        assert_eq!(singular("families"), "family");
        assert_eq!(singular("family"), "family");
        assert_eq!(singular("bus"), "bus");
    }
}
