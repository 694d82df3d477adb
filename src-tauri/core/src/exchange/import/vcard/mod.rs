//! vCard 2.1, 3.0 and 4.0 as Google, Apple, Outlook, Android, iOS, old Macs and phones export
//! them. The file is first taken apart at byte level — cards, lines however they end, folding,
//! each value's `CHARSET` and quoted-printable — and each card made UTF-8 text, which the
//! `calcard` parser then reads (groups, escapes, types, dates, embedded photos). Rapport's own
//! export adds `X-RAPPORT-*` properties so that a round trip loses nothing.

mod card;
mod cards;
mod charset;
mod dates;
mod lines;
mod property;
mod quoted_printable;
mod related;
mod transcode;

use calcard::{Entry, Parser};

use crate::error::{Error, Result};

use super::charsets::{note, Detector};
use super::text::unicode_as_utf8;
use super::{Parsed, Skipped};
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
    let pieces = cards::split(&bytes);
    let cards: Vec<(&RawCard, Analysed)> = pieces
        .iter()
        .filter_map(|piece| match piece {
            Piece::Card(card) if card.end != CardEnd::FileEnded => Some((card, analyse(card))),
            _ => None,
        })
        .collect();
    let cut_off = pieces
        .iter()
        .any(|p| matches!(p, Piece::Card(card) if card.end == CardEnd::FileEnded));
    if cards.is_empty() && cut_off {
        return Err(Error::invalid(
            "file",
            "This file ends inside its first card — was the download cut? It holds no complete card.",
        ));
    }
    let fallback = fallback(&cards);
    let mut parsed = Parsed::default();
    let mut cards = cards.into_iter();
    for piece in &pieces {
        match piece {
            Piece::Skipped(skipped) => parsed.skipped.push(skipped.clone()),
            Piece::Card(card) if card.end == CardEnd::FileEnded => parsed.skipped.push(Skipped {
                source: card.source(),
                reason: CUT_OFF.into(),
            }),
            Piece::Card(_) => {
                let Some((card, analysed)) = cards.next() else {
                    continue;
                };
                read(card, &analysed, &fallback, &mut parsed);
            }
        }
    }
    Ok(parsed)
}

/// The charsets undeclared text may be in: the first one the file declares, and the one all
/// of it together is detected to be.
fn fallback(cards: &[(&RawCard, Analysed)]) -> Fallback {
    let mut detector = Detector::new();
    for (_, analysed) in cards {
        analysed.undeclared().for_each(|bytes| detector.feed(bytes));
    }
    Fallback {
        in_file: cards.iter().find_map(|(_, analysed)| analysed.declared),
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
                Ok(contact) => {
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
