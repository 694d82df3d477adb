//! What other programs keep on a card that Rapport does not (a nickname, an anniversary, IM
//! handles, other web pages, their own X- properties): kept from the card as the server last had
//! it and written back with Rapport's card, so that sending a person never erases them.

use calcard::vcard::{VCard, VCardProperty, VCardVersion};
use calcard::{Entry, Parser};

use crate::network::identity::canonical_linkedin_url;

/// Whether Rapport writes this property itself (then the server's copy is not kept).
fn rapport_writes(property: &VCardProperty, text: Option<&str>) -> bool {
    use VCardProperty::*;
    match property {
        Begin | End | Version | Prodid | Rev | Uid | Fn | N | Email | Tel | Org | Title | Adr
        | Bday | Categories | Note | Related | Photo => true,
        // Rapport writes the LinkedIn profile as URL; other pages are the phone's.
        Url => text.is_some_and(|t| canonical_linkedin_url(t).is_some()),
        Other(name) => {
            let name = name.to_ascii_uppercase();
            name.starts_with("X-RAPPORT-") || name == "X-ABLABEL"
        }
        _ => false,
    }
}

/// The properties of `text` Rapport does not write, as a card of their own (None: there are
/// none, or the card cannot be read).
pub(crate) fn foreign_properties(text: &str) -> Option<String> {
    let mut parser = Parser::new(text);
    let Entry::VCard(card) = parser.entry() else {
        return None;
    };
    let entries: Vec<_> = card
        .entries
        .into_iter()
        .filter(|entry| {
            let text = entry.values.first().and_then(|v| v.as_text());
            !rapport_writes(&entry.name, text)
        })
        .collect();
    if entries.is_empty() {
        return None;
    }
    let mut out = String::new();
    VCard { entries }
        .write_to(&mut out, VCardVersion::V4_0)
        .ok()?;
    Some(out)
}

/// Adds the kept properties to the card Rapport is about to send.
pub(crate) fn add_foreign(card: &mut VCard, kept: Option<&str>) {
    let Some(kept) = kept else { return };
    if let Entry::VCard(foreign) = Parser::new(kept).entry() {
        card.entries.extend(foreign.entries.into_iter().filter(|e| {
            !matches!(
                e.name,
                VCardProperty::Begin | VCardProperty::End | VCardProperty::Version
            )
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_only_the_phone_knows_is_kept_and_what_rapport_writes_is_not() {
        let card = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:1\r\nFN:Ada Lovelace\r\nNICKNAME:Ada\r\nEMAIL:ada@analytical.org\r\nIMPP:xmpp:ada@jabber.org\r\nURL:https://www.linkedin.com/in/ada\r\nURL:https://ada.example.org\r\nX-RAPPORT-CIRCLE:Friends\r\nX-PHONETIC-FIRST-NAME:Ay-da\r\nEND:VCARD\r\n";
        let kept = foreign_properties(card).unwrap();
        for expected in [
            "NICKNAME:Ada",
            "IMPP:xmpp:ada@jabber.org",
            "URL:https://ada.example.org",
            "X-PHONETIC-FIRST-NAME:Ay-da",
        ] {
            assert!(kept.contains(expected), "{expected} kept: {kept}");
        }
        for written in ["FN:", "EMAIL", "linkedin", "X-RAPPORT-CIRCLE", "UID:"] {
            assert!(!kept.contains(written), "{written} is Rapport's: {kept}");
        }
    }

    #[test]
    fn a_card_with_nothing_foreign_keeps_nothing() {
        let card = "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:1\r\nFN:Ada\r\nEMAIL:ada@analytical.org\r\nEND:VCARD\r\n";
        assert_eq!(foreign_properties(card), None);
    }
}
