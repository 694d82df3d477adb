//! The pieces every draft is built from: the warnings a draft collects, and the helpers that
//! put the user's phrases onto one line, into sentences and lists, and into an introduction.

use super::{Draft, MAX_PARAGRAPH_WORDS, TEXT_MESSAGE_CHARS};

/// Collects the warnings of one draft.
#[derive(Default)]
pub(super) struct Parts {
    warnings: Vec<String>,
}

impl Parts {
    /// The part on one line, or a visible placeholder (and a warning) when it is empty.
    pub(super) fn required(&mut self, value: &str, placeholder: &str, warning: &str) -> String {
        let value = one_line(value);
        if value.is_empty() {
            self.warn(warning);
            format!("[{placeholder}]")
        } else {
            value
        }
    }

    pub(super) fn warn(&mut self, warning: impl Into<String>) {
        self.warnings.push(warning.into());
    }

    pub(super) fn check_paragraph(&mut self, what: &str, paragraph: &str) {
        let words = word_count(paragraph);
        if words > MAX_PARAGRAPH_WORDS {
            self.warn(format!(
                "{what} is {words} words; keep it to a short paragraph of at most \
                 {MAX_PARAGRAPH_WORDS} words."
            ));
        }
    }

    pub(super) fn check_text(&mut self, body: &str) {
        let chars = body.chars().count();
        if chars > TEXT_MESSAGE_CHARS {
            self.warn(format!(
                "This text is {chars} characters; a text is one or two sentences, so keep it under \
                 {TEXT_MESSAGE_CHARS}."
            ));
        }
    }

    pub(super) fn finish(self, subject: Option<String>, body: String) -> Draft {
        Draft {
            subject,
            words: word_count(&body),
            body,
            warnings: self.warnings,
        }
    }
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Collapses every run of whitespace, newlines included, into one space.
pub(super) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A phrase to embed in a sentence: without the full stop the user may have typed.
fn clause(text: &str) -> String {
    text.trim_end_matches(|c: char| matches!(c, '.' | ',' | ';' | ':') || c.is_whitespace())
        .to_string()
}

/// A phrase as a sentence of its own: capitalized, and ending in punctuation.
pub(super) fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    let mut out = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
        None => return String::new(),
    };
    let ends_sentence = |c: char| matches!(c, '.' | '!' | '?' | '…');
    let mut tail = out.chars().rev();
    let last = tail.next();
    let closing_quote = matches!(last, Some('"' | '”' | '’' | '\'' | ')'));
    let ended = match (last, closing_quote) {
        (Some(c), false) => ends_sentence(c),
        (Some(_), true) => tail.next().is_some_and(ends_sentence),
        (None, _) => false,
    };
    if !ended {
        out = clause(&out);
        out.push('.');
    }
    out
}

/// Words that start a phrase with a capital only because the user typed it as a sentence; they
/// are lowercased when the phrase goes mid-sentence. Anything else (a name, "I") is left alone.
const SENTENCE_OPENERS: &[&str] = &[
    "a", "an", "the", "your", "you", "my", "our", "his", "her", "their", "its", "this", "that",
    "these", "those", "she", "he", "they", "we", "it", "how", "what", "when", "why", "where",
    "hearing", "learning", "seeing", "talking", "getting", "knowing",
];

/// A phrase placed after other words: no final full stop, and a typed capital on a common first
/// word lowered ("Your advice" becomes "your advice"; "Ada's story" stays).
pub(super) fn mid_sentence(text: &str) -> String {
    let text = clause(text);
    let first_word: String = text.chars().take_while(|c| c.is_alphabetic()).collect();
    if SENTENCE_OPENERS.contains(&first_word.to_lowercase().as_str()) {
        let mut chars = text.chars();
        match chars.next() {
            Some(first) => first.to_lowercase().chain(chars).collect(),
            None => text,
        }
    } else {
        text
    }
}

/// "A", "A or B", "A, B or C"; with semicolons when three or more items have their own commas
/// ("Tuesday, March 10; Thursday, March 12; or Friday, March 13").
pub(super) fn either(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [first, second] => format!("{first} or {second}"),
        [rest @ .., last] => {
            if items.iter().any(|item| item.contains(',')) {
                format!("{}; or {last}", rest.join("; "))
            } else {
                format!("{} or {last}", rest.join(", "))
            }
        }
    }
}

#[derive(Clone, Copy)]
pub(super) enum Register {
    Written,
    Casual,
}

/// "I am …" as written by the user, or a phrase to complete it.
fn starts_with_i_am(who: &str) -> bool {
    let lower = who.to_lowercase();
    ["i am ", "i'm ", "i’m "]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// "My name is Sam Lee, and I am a junior studying economics at Simmons."
pub(super) fn introduction(my_name: &str, who: &str, register: Register) -> String {
    match (register, starts_with_i_am(who)) {
        (Register::Written, true) => format!("My name is {my_name}. {}", sentence(who)),
        (Register::Written, false) => {
            format!("My name is {my_name}, and I am {}.", mid_sentence(who))
        }
        (Register::Casual, true) => format!("I'm {my_name}. {}", sentence(who)),
        (Register::Casual, false) => format!("I'm {my_name}, {}.", mid_sentence(who)),
    }
}

/// "I am a junior studying economics at Simmons." (the name was already said).
pub(super) fn about_me(who: &str) -> String {
    if starts_with_i_am(who) {
        sentence(who)
    } else {
        format!("I am {}.", mid_sentence(who))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_become_sentences_once() {
        assert_eq!(
            sentence("ada suggested I reach out"),
            "Ada suggested I reach out."
        );
        assert_eq!(
            sentence("Ada suggested I reach out."),
            "Ada suggested I reach out."
        );
        assert_eq!(sentence("Is that all right?"), "Is that all right?");
        assert_eq!(sentence("She said \"go.\""), "She said \"go.\"");
        assert_eq!(sentence("trailing comma,"), "Trailing comma.");
    }

    #[test]
    fn mid_sentence_lowers_common_openers_but_not_names() {
        assert_eq!(
            mid_sentence("Your advice on portfolios."),
            "your advice on portfolios"
        );
        assert_eq!(mid_sentence("Ada's story"), "Ada's story");
        assert_eq!(mid_sentence("I joined the club"), "I joined the club");
    }

    #[test]
    fn lists_read_naturally() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(either(&s(&["Mon"])), "Mon");
        assert_eq!(either(&s(&["Mon", "Tue", "Wed"])), "Mon, Tue or Wed");
        assert_eq!(
            either(&s(&["Tuesday, March 10", "Friday, March 13"])),
            "Tuesday, March 10 or Friday, March 13"
        );
        assert_eq!(
            either(&s(&["Mon, 9 am", "Tue, noon", "Fri, 4 pm"])),
            "Mon, 9 am; Tue, noon; or Fri, 4 pm"
        );
    }

    #[test]
    fn user_text_is_kept_on_one_line() {
        assert_eq!(one_line("Sam\r\nBcc: x@y.z  Lee"), "Sam Bcc: x@y.z Lee");
    }
}
