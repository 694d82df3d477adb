//! A card's bytes made UTF-8 text for the parser, value by value, so that the parser only ever
//! sees UTF-8 and no `CHARSET` or quoted-printable `ENCODING` is left for it to misread.
//!
//! Each value is read in:
//! - its own `CHARSET`, for plain and quoted-printable values alike — except that plain bytes
//!   that read as UTF-8 are UTF-8 (legacy text almost never does, and exporters that copy a
//!   `CHARSET` from old data write UTF-8 under it);
//! - UTF-8, if it declares none (or declares UTF-8) and reads as UTF-8;
//! - otherwise, in a charset declared elsewhere in the same card, then elsewhere in the file,
//!   if the value reads without error in it; and failing those in the charset detected from
//!   all such values of the file. These last three are assumptions, and are reported.
//!
//! Values that need nothing (ASCII, UTF-8, base64) are passed on as written, folding included.

use std::borrow::Cow;

use encoding_rs::Encoding;

use crate::exchange::import::charsets::{has_escape, named, needs_charset, CharsetEvidence};

use super::cards::RawCard;
use super::lines::Folded;
use super::property::{Property, Transfer};
use super::quoted_printable;

/// What a value's own parameters say it is in.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Charset {
    /// UTF-8 (or ASCII): nothing to convert.
    Utf8,
    /// The charset the value declares.
    Declared(&'static Encoding),
    /// Not UTF-8, and nothing usable declared: to be assumed.
    Undeclared,
}

/// A value to write as UTF-8: the head it keeps, and its bytes (quoted-printable decoded).
#[derive(Debug)]
struct Text {
    head: Vec<u8>,
    bytes: Vec<u8>,
    charset: Charset,
}

#[derive(Debug)]
enum Line<'a> {
    AsWritten(&'a Folded<'a>),
    Text(Text),
}

/// Charsets to assume for text that declares none, beyond the card's own.
#[derive(Debug)]
pub(super) struct Fallback {
    /// The first charset any card of the file declares.
    pub(super) in_file: Option<&'static Encoding>,
    /// The charset detected from all undeclared text of the file.
    pub(super) detected: Option<&'static Encoding>,
}

impl Fallback {
    /// For a card with no undeclared text.
    pub(super) const NONE: Fallback = Fallback {
        in_file: None,
        detected: None,
    };
}

/// A card's properties, each known to pass as written or to be converted.
#[derive(Debug)]
pub(super) struct Analysed<'a> {
    lines: Vec<Line<'a>>,
    /// About how long the card is as UTF-8 text.
    length: usize,
    /// The first charset (other than UTF-8) a property of the card declares.
    pub(super) declared: Option<&'static Encoding>,
}

fn is_utf8(bytes: &[u8]) -> bool {
    std::str::from_utf8(bytes).is_ok() && !has_escape(bytes)
}

fn charset(label: Option<&[u8]>, bytes: &[u8], transfer: Transfer) -> Charset {
    if !needs_charset(bytes) {
        return Charset::Utf8;
    }
    match label.and_then(named) {
        Some(encoding) if encoding == encoding_rs::UTF_8 => match is_utf8(bytes) {
            true => Charset::Utf8,
            false => Charset::Undeclared,
        },
        Some(_) if transfer == Transfer::Plain && is_utf8(bytes) => Charset::Utf8,
        Some(encoding) => Charset::Declared(encoding),
        None if is_utf8(bytes) => Charset::Utf8,
        None => Charset::Undeclared,
    }
}

fn line<'a>(folded: &'a Folded<'a>) -> (Line<'a>, Option<&'static Encoding>) {
    let unfolded = folded.unfolded();
    let Some(property) = Property::split(&unfolded) else {
        return (Line::AsWritten(folded), None);
    };
    let declared = property
        .charset
        .and_then(named)
        .filter(|&e| e != encoding_rs::UTF_8);
    let written_as_is = match property.transfer {
        Transfer::Base64 => true,
        Transfer::QuotedPrintable => false,
        Transfer::Plain => is_utf8(&unfolded),
    };
    if written_as_is {
        return (Line::AsWritten(folded), declared);
    }
    let bytes = match property.transfer {
        Transfer::QuotedPrintable => quoted_printable::decode(property.value),
        _ => property.value.to_vec(),
    };
    let text = Text {
        head: property.head_for_utf8(),
        charset: charset(property.charset, &bytes, property.transfer),
        bytes,
    };
    (Line::Text(text), declared)
}

/// Sorts a card's properties into those passed as written and those to convert.
pub(super) fn analyse<'a>(card: &'a RawCard<'a>) -> Analysed<'a> {
    let mut declared = None;
    let mut lines = Vec::with_capacity(card.properties.len());
    let mut length = 0;
    for folded in &card.properties {
        length += folded.len() + 2;
        let (line, declares) = line(folded);
        declared = declared.or(declares);
        lines.push(line);
    }
    Analysed {
        lines,
        length,
        declared,
    }
}

impl Analysed<'_> {
    /// Whether some value declares no usable charset and is not UTF-8.
    pub(super) fn needs_fallback(&self) -> bool {
        self.undeclared().next().is_some()
    }

    /// The values that declare no usable charset and are not UTF-8, for detection.
    pub(super) fn undeclared(&self) -> impl Iterator<Item = &[u8]> {
        self.lines.iter().filter_map(|line| match line {
            Line::Text(text) if text.charset == Charset::Undeclared => Some(text.bytes.as_slice()),
            _ => None,
        })
    }

    /// The card as UTF-8 text, and the charsets it assumed (each once).
    pub(super) fn write(
        &self,
        fallback: &Fallback,
    ) -> (String, Vec<(&'static Encoding, CharsetEvidence)>) {
        let mut out = String::with_capacity(self.length + 32);
        out.push_str("BEGIN:VCARD\r\n");
        let mut assumed = Vec::new();
        for line in &self.lines {
            match line {
                Line::AsWritten(folded) => {
                    for physical in folded.lines() {
                        out.push_str(&String::from_utf8_lossy(physical));
                        out.push_str("\r\n");
                    }
                }
                Line::Text(text) => {
                    let value = match text.charset {
                        Charset::Utf8 => String::from_utf8_lossy(&text.bytes),
                        Charset::Declared(encoding) => {
                            encoding.decode_without_bom_handling(&text.bytes).0
                        }
                        Charset::Undeclared => {
                            let (value, encoding, how) = self.assume(&text.bytes, fallback);
                            if !assumed.contains(&(encoding, how)) {
                                assumed.push((encoding, how));
                            }
                            value
                        }
                    };
                    out.push_str(&String::from_utf8_lossy(&text.head));
                    out.push(':');
                    push_escaping_line_breaks(&mut out, &value);
                    out.push_str("\r\n");
                }
            }
        }
        out.push_str("END:VCARD\r\n");
        (out, assumed)
    }

    /// Reads undeclared text in the card's charset, the file's, or the one detected.
    fn assume<'b>(
        &self,
        bytes: &'b [u8],
        fallback: &Fallback,
    ) -> (Cow<'b, str>, &'static Encoding, CharsetEvidence) {
        let declared = [
            (self.declared, CharsetEvidence::DeclaredInCard),
            (fallback.in_file, CharsetEvidence::DeclaredInFile),
        ];
        for (encoding, how) in declared {
            let Some(encoding) = encoding else { continue };
            if let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(bytes)
            {
                return (text, encoding, how);
            }
        }
        let encoding = fallback.detected.unwrap_or(encoding_rs::WINDOWS_1252);
        let text = encoding.decode_without_bom_handling(bytes).0;
        (text, encoding, CharsetEvidence::Detected)
    }
}

/// A decoded quoted-printable value may hold line breaks (`=0D=0A`): the parser reads them as `\n`.
fn push_escaping_line_breaks(out: &mut String, value: &str) {
    let mut rest = value;
    while let Some(at) = rest.find(['\r', '\n']) {
        out.push_str(&rest[..at]);
        out.push_str("\\n");
        let skip = if rest[at..].starts_with("\r\n") { 2 } else { 1 };
        rest = &rest[at + skip..];
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_read_in_its_charset_unless_plain_bytes_read_as_utf8() {
        let sjis = b"\x88\xc0\x93\xa1";
        let qp = Transfer::QuotedPrintable;
        let plain = Transfer::Plain;
        let shift_jis = Charset::Declared(encoding_rs::SHIFT_JIS);
        assert_eq!(charset(Some(b"SHIFT_JIS"), sjis, plain), shift_jis);
        assert_eq!(charset(Some(b"SHIFT_JIS"), sjis, qp), shift_jis);
        assert_eq!(charset(None, sjis, plain), Charset::Undeclared);
        assert_eq!(charset(Some(b"UTF-8"), sjis, qp), Charset::Undeclared);
        assert_eq!(charset(Some(b"X-NONE"), sjis, qp), Charset::Undeclared);
        let utf8 = "Müller".as_bytes();
        assert_eq!(charset(Some(b"ISO-8859-1"), utf8, plain), Charset::Utf8);
        assert_eq!(charset(None, utf8, qp), Charset::Utf8);
        assert_eq!(charset(Some(b"SHIFT_JIS"), b"Ada", plain), Charset::Utf8);
        let jis = b"\x1b$B0B\x1b(B";
        let iso_2022_jp = Charset::Declared(encoding_rs::ISO_2022_JP);
        assert_eq!(charset(Some(b"ISO-2022-JP"), jis, plain), iso_2022_jp);
    }

    #[test]
    fn line_breaks_in_a_value_become_escapes() {
        let mut out = String::new();
        push_escaping_line_breaks(&mut out, "a\r\nb\nc\rd");
        assert_eq!(out, "a\\nb\\nc\\nd");
    }
}
