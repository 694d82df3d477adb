//! vCard 2.1, 3.0 and 4.0 as Google, Apple, Outlook, Android, iOS, old Macs and phones export
//! them. The file is first taken apart at byte level — cards, lines however they end, folding,
//! each value's `CHARSET` and quoted-printable — and each card made UTF-8 text, which the
//! `calcard` parser then reads (groups, escapes, types, dates, embedded photos). Rapport's own
//! export adds `X-RAPPORT-*` properties so that a round trip loses nothing.

mod address;
mod card;
mod cards;
mod charset;
mod dates;
mod lines;
mod photo;
mod property;
mod quoted_printable;
mod related;
mod transcode;

use std::cell::OnceCell;

use calcard::{Entry, Parser};

use crate::error::{Error, Result};

use super::charsets::{note, Detector};
use super::text::unicode_as_utf8;
use super::{Parsed, Skipped};
pub use address::LABEL_PROPERTY;
use card::contact;
use cards::{CardEnd, Piece, RawCard};
use dates::normalise_dates;
use transcode::{analyse, Analysed, Fallback};

/// Properties only Rapport writes, read back on import.
pub const CIRCLE_PROPERTY: &str = "X-RAPPORT-CIRCLE";
pub const HOW_MET_PROPERTY: &str = "X-RAPPORT-HOW-MET";
pub const CONNECTED_ON_PROPERTY: &str = "X-RAPPORT-CONNECTED-ON";
/// On `RELATED`, the exact kind of link (vCard's own types cannot say "mentor" or "referred by").
pub const LINK_KIND_PARAMETER: &str = "X-RAPPORT-KIND";

/// Why the last card of a file is not read when the file ends inside it.
pub const CUT_OFF: &str = "the file ends inside this card — was the download cut?";

/// Reads a file: its cards are found and made UTF-8 at byte level (line endings, folding,
/// charsets, quoted-printable: see `lines` and `transcode`), then each card is parsed.
pub fn parse(bytes: &[u8]) -> Result<Parsed> {
    let bytes = unicode_as_utf8(bytes)?;
    if !bytes
        .windows(11)
        .any(|w| w.eq_ignore_ascii_case(b"BEGIN:VCARD"))
    {
        return Err(Error::invalid(
            "file",
            "This is not a vCard file: it holds no BEGIN:VCARD.",
        ));
    }
    // One card at a time (a file can be large). Text that declares no charset needs what the
    // whole file declares and is detected to be: that is found, once, when first needed.
    let fallback = OnceCell::new();
    let mut parsed = Parsed::default();
    let (mut complete, mut cut_off) = (false, false);
    for piece in cards::split(&bytes) {
        match piece {
            Piece::Skipped(skipped) => parsed.skipped.push(skipped),
            Piece::Card(card) if card.end == CardEnd::FileEnded => {
                cut_off = true;
                parsed.skipped.push(Skipped {
                    source: card.source(),
                    reason: CUT_OFF.into(),
                })
            }
            Piece::Card(card) => {
                complete = true;
                let analysed = analyse(&card);
                let fallback = match analysed.needs_fallback() {
                    true => fallback.get_or_init(|| file_fallback(&bytes)),
                    false => &Fallback::NONE,
                };
                read(&card, &analysed, fallback, &mut parsed);
            }
        }
    }
    if cut_off && !complete {
        return Err(Error::invalid(
            "file",
            "This file ends inside its first card — was the download cut? It holds no complete card.",
        ));
    }
    Ok(parsed)
}

/// The charsets text that declares none may be in: the first one a card of the file declares,
/// and the one all such text of the file is detected to be.
fn file_fallback(bytes: &[u8]) -> Fallback {
    let mut detector = Detector::new();
    let mut in_file = None;
    for piece in cards::split(bytes) {
        if let Piece::Card(card) = piece {
            let analysed = analyse(&card);
            analysed.undeclared().for_each(|bytes| detector.feed(bytes));
            in_file = in_file.or(analysed.declared);
        }
    }
    Fallback {
        in_file,
        detected: detector.guess(),
    }
}

/// Parses one card, made UTF-8, into a contact (or a reason it is skipped).
fn read(card: &RawCard, analysed: &Analysed, fallback: &Fallback, parsed: &mut Parsed) {
    let (text, assumed) = analysed.write(fallback);
    let text = normalise_dates(&text);
    let source = card.source();
    let mut parser = Parser::new(&text);
    // The parser always advances; the bound only guards against a bug looping forever.
    for _ in 0..=text.len() {
        match parser.entry() {
            Entry::VCard(vcard) => match contact(&vcard, &source) {
                Ok(mut contact) => {
                    let (picture, reasons) = photo::photo(&vcard);
                    contact.photo = picture;
                    parsed
                        .skipped
                        .extend(reasons.into_iter().map(|reason| Skipped {
                            source: source.clone(),
                            reason,
                        }));
                    for &(encoding, how) in &assumed {
                        note(&mut parsed.assumed_charsets, encoding, how, &contact);
                    }
                    parsed.contacts.push(contact)
                }
                Err(reason) => parsed.skipped.push(Skipped {
                    source: source.clone(),
                    reason,
                }),
            },
            Entry::Eof => break,
            Entry::InvalidLine(line) if line.trim().is_empty() => {}
            other => parsed.skipped.push(Skipped {
                source: source.clone(),
                reason: format!("unreadable: {}", shorten(&format!("{other:?}"))),
            }),
        }
    }
}

pub(super) fn shorten(text: &str) -> String {
    let short: String = text.chars().take(60).collect();
    if short.len() < text.len() {
        format!("{short}…")
    } else {
        short
    }
}
