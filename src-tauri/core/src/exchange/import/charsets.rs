//! The charset of text a file does not label where the text is: naming charsets the way address
//! books label them, detecting one from the text itself, and telling the preview what was
//! assumed so that a person can check a name before anything is written.

use encoding_rs::Encoding;
use serde::{Deserialize, Serialize};

use super::Incoming;

/// Text that was read in a charset nothing declared for it, as the import summary lists it:
/// `{"charset": "windows-1255", "how": "detected", "contacts": 2,
///   "example": {"source": "card 1", "name": "אבי כהן"}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AssumedCharset {
    /// The charset's name as the Encoding Standard gives it: `windows-1255`, `Shift_JIS`, `EUC-KR`,
    /// `gbk`, `KOI8-U`… (ISO-8859-1 and US-ASCII are read as their superset, `windows-1252`).
    pub charset: String,
    pub how: CharsetEvidence,
    /// How many of the contacts read hold text read in this charset this way.
    pub contacts: usize,
    /// The first of them, to check that its name reads right.
    pub example: CharsetExample,
}

/// Why a charset was assumed for text that did not declare one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum CharsetEvidence {
    /// Another property of the same card declares it (`CHARSET=`).
    DeclaredInCard,
    /// Another card of the same file declares it.
    DeclaredInFile,
    /// Nothing in the file declares a charset: it was recognised from the text itself.
    Detected,
}

impl AssumedCharset {
    /// The sentence a preview shows: "3 contacts read as windows-1255 (detected), such as
    /// “אבי כהן” (card 1): check that their names read right."
    pub fn sentence(&self) -> String {
        let contacts = match self.contacts {
            1 => "1 contact".to_string(),
            n => format!("{n} contacts"),
        };
        let CharsetExample { source, name } = &self.example;
        format!(
            "{contacts} read as {} ({}), such as “{name}” ({source}): check that their names read right.",
            self.charset,
            self.how.describe()
        )
    }
}

impl CharsetEvidence {
    /// How a message says it: "read as windows-1251 (declared elsewhere in the card)".
    pub fn describe(self) -> &'static str {
        match self {
            CharsetEvidence::DeclaredInCard => "declared elsewhere in the card",
            CharsetEvidence::DeclaredInFile => "declared elsewhere in the file",
            CharsetEvidence::Detected => "detected",
        }
    }
}

/// One contact whose text was read in an assumed charset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CharsetExample {
    /// Where it is in the file: "card 3", "line 12".
    pub source: String,
    /// Its name as read.
    pub name: String,
}

/// Counts `contact` under `encoding` read because of `how`.
pub(crate) fn note(
    assumed: &mut Vec<AssumedCharset>,
    encoding: &'static Encoding,
    how: CharsetEvidence,
    contact: &Incoming,
) {
    match assumed
        .iter_mut()
        .find(|a| a.charset == encoding.name() && a.how == how)
    {
        Some(known) => known.contacts += 1,
        None => assumed.push(AssumedCharset {
            charset: encoding.name().to_string(),
            how,
            contacts: 1,
            example: CharsetExample {
                source: contact.source.clone(),
                name: contact.display_name.clone(),
            },
        }),
    }
}

/// Labels address books write that the Encoding Standard does not know (Windows and Java names).
const MORE_LABELS: [(&str, &Encoding); 9] = [
    ("cp932", encoding_rs::SHIFT_JIS),
    ("windows-932", encoding_rs::SHIFT_JIS),
    ("cp936", encoding_rs::GBK),
    ("windows-936", encoding_rs::GBK),
    ("cp949", encoding_rs::EUC_KR),
    ("uhc", encoding_rs::EUC_KR),
    ("cp950", encoding_rs::BIG5),
    ("macroman", encoding_rs::MACINTOSH),
    ("mac-roman", encoding_rs::MACINTOSH),
];

/// The charset a `CHARSET` parameter names, if it is one text can be read in here: labels as
/// the Encoding Standard knows them (`Shift_JIS`, `x-sjis`, `ISO-8859-5`, `KOI8-R`, `GB2312`,
/// `Big5`, `ks_c_5601-1987`, `cp1251`…) and a few more Windows names. UTF-16 is not one: a
/// value in a text line cannot be UTF-16.
pub(crate) fn named(label: &[u8]) -> Option<&'static Encoding> {
    let label = label.trim_ascii();
    let label = label
        .strip_prefix(b"\"")
        .and_then(|l| l.strip_suffix(b"\""))
        .unwrap_or(label);
    let encoding = Encoding::for_label_no_replacement(label).or_else(|| {
        MORE_LABELS
            .iter()
            .find(|(name, _)| name.as_bytes().eq_ignore_ascii_case(label))
            .map(|(_, encoding)| *encoding)
    })?;
    let unusable = [
        encoding_rs::UTF_16LE,
        encoding_rs::UTF_16BE,
        encoding_rs::X_USER_DEFINED,
    ];
    (!unusable.contains(&encoding)).then_some(encoding)
}

/// Text with an escape that switches charset (ISO-2022-JP's `ESC $ B`) is not plain ASCII or
/// UTF-8 even when every byte is below 128.
pub(crate) fn has_escape(bytes: &[u8]) -> bool {
    bytes.contains(&0x1B)
}

/// Text that needs a charset to be read: some byte above 127, or a charset escape.
pub(crate) fn needs_charset(bytes: &[u8]) -> bool {
    !bytes.is_ascii() || has_escape(bytes)
}

/// Text enough to tell a charset: the detector reads some 10 MB a second, and a few thousand
/// names say all a whole file would.
const ENOUGH_TO_DETECT: usize = 128 * 1024;

/// Guesses the charset of text that is not UTF-8, from all of it at once (a few names say little
/// on their own; many say which language they are in). Only text that is not plain ASCII is
/// fed, up to [`ENOUGH_TO_DETECT`].
pub(crate) struct Detector {
    inner: chardetng::EncodingDetector,
    fed: usize,
}

impl Detector {
    pub(crate) fn new() -> Self {
        Detector {
            inner: chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow),
            fed: 0,
        }
    }

    /// Adds one piece of text (a value, a line); pieces are kept apart so that no character
    /// spans two.
    pub(crate) fn feed(&mut self, bytes: &[u8]) {
        if self.fed >= ENOUGH_TO_DETECT || !needs_charset(bytes) {
            return;
        }
        self.inner.feed(bytes, false);
        self.inner.feed(b"\n", false);
        self.fed += bytes.len() + 1;
    }

    /// The likeliest charset of all that was fed, or `None` if nothing was.
    pub(crate) fn guess(mut self) -> Option<&'static Encoding> {
        if self.fed == 0 {
            return None;
        }
        self.inner.feed(b"", true);
        Some(self.inner.guess(None, chardetng::Utf8Detection::Deny))
    }
}

/// The charset of a whole file that is not UTF-8, from its lines that are not ASCII.
pub(crate) fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut detector = Detector::new();
    for line in bytes.split(|&b| b == b'\n') {
        detector.feed(line);
    }
    detector.guess().unwrap_or(encoding_rs::WINDOWS_1252)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charsets_are_named_as_address_books_label_them() {
        assert_eq!(named(b"SHIFT_JIS"), Some(encoding_rs::SHIFT_JIS));
        assert_eq!(named(b"x-sjis"), Some(encoding_rs::SHIFT_JIS));
        assert_eq!(named(b"CP932"), Some(encoding_rs::SHIFT_JIS));
        assert_eq!(named(b"\"Windows-1251\""), Some(encoding_rs::WINDOWS_1251));
        assert_eq!(named(b"ISO-8859-1"), Some(encoding_rs::WINDOWS_1252));
        assert_eq!(named(b"GB2312"), Some(encoding_rs::GBK));
        assert_eq!(named(b"KS_C_5601-1987"), Some(encoding_rs::EUC_KR));
        assert_eq!(named(b"UTF-8"), Some(encoding_rs::UTF_8));
        assert_eq!(named(b"UTF-16"), None, "a text line cannot hold UTF-16");
        assert_eq!(
            named(b"ISO-2022-KR"),
            None,
            "the Encoding Standard refuses it"
        );
        assert_eq!(named(b"X-UNKNOWN"), None);
    }
}
