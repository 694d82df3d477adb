//! vCard 2.1, 3.0 and 4.0 as Google, Apple and Outlook export them, read with the `calcard`
//! parser (folding, groups, quoted-printable in legacy charsets, embedded photos). Rapport's own
//! export adds `X-RAPPORT-*` properties so that a round trip loses nothing.

mod card;
mod charset;
mod dates;
mod related;

use calcard::{Entry, Parser};

use crate::error::{Error, Result};

use super::{decode_text, Parsed, Skipped};
use card::contact;
use dates::normalise_dates;

/// Properties only Rapport writes, read back on import.
pub const CIRCLE_PROPERTY: &str = "X-RAPPORT-CIRCLE";
pub const HOW_MET_PROPERTY: &str = "X-RAPPORT-HOW-MET";
pub const CONNECTED_ON_PROPERTY: &str = "X-RAPPORT-CONNECTED-ON";
/// On `RELATED`, the exact kind of link (vCard's own types cannot say "mentor" or "referred by").
pub const LINK_KIND_PARAMETER: &str = "X-RAPPORT-KIND";

pub fn parse(bytes: &[u8]) -> Result<Parsed> {
    let text = normalise_dates(&decode_text(bytes)?);
    if !text.to_ascii_uppercase().contains("BEGIN:VCARD") {
        return Err(Error::invalid(
            "file",
            "This is not a vCard file: it holds no BEGIN:VCARD.",
        ));
    }
    let mut parsed = Parsed::default();
    let mut parser = Parser::new(&text);
    let mut card_number = 0;
    // The parser always advances; the bound only guards against a bug looping forever.
    for _ in 0..=text.len() {
        match parser.entry() {
            Entry::VCard(card) => {
                card_number += 1;
                let source = format!("card {card_number}");
                match contact(&card, &source) {
                    Ok(contact) => parsed.contacts.push(contact),
                    Err(reason) => parsed.skipped.push(Skipped { source, reason }),
                }
            }
            Entry::Eof => break,
            Entry::InvalidLine(line) if line.trim().is_empty() => {}
            Entry::InvalidLine(line) => parsed.skipped.push(Skipped {
                source: format!("after card {card_number}"),
                reason: format!("a line outside any card: “{}”", shorten(&line)),
            }),
            Entry::ICalendar(_) => parsed.skipped.push(Skipped {
                source: format!("after card {card_number}"),
                reason: "a calendar entry, not a contact".into(),
            }),
            other => parsed.skipped.push(Skipped {
                source: format!("after card {card_number}"),
                reason: format!("unreadable: {}", shorten(&format!("{other:?}"))),
            }),
        }
    }
    Ok(parsed)
}

fn shorten(text: &str) -> String {
    let short: String = text.chars().take(60).collect();
    if short.len() < text.len() {
        format!("{short}…")
    } else {
        short
    }
}
