//! `ADR` read into addresses: the seven parts, home or work from `TYPE`, and the name an
//! address book gave it with a group (`item1.ADR` beside `item1.X-ABLabel:Cottage`, as Apple
//! and Google write; Apple's own `_$!<Home>!$_` labels name the kind).

use calcard::vcard::{VCard, VCardEntry, VCardProperty, VCardValue, VCardVersion};

use crate::network::addresses::{Address, AddressKind};

use super::charset::undo_mojibake;

/// The property that names a grouped value.
pub const LABEL_PROPERTY: &str = "X-ABLABEL";

fn part(value: Option<&VCardValue>) -> String {
    let text = match value {
        Some(VCardValue::Text(text)) => text.clone(),
        Some(VCardValue::Component(parts)) => parts.join(","),
        Some(other) => other.as_text().map(str::to_string).unwrap_or_default(),
        None => String::new(),
    };
    text.replace("\r\n", "\n").trim().to_string()
}

fn label_of(card: &VCard, entry: &VCardEntry) -> Option<String> {
    let group = entry.group.as_deref()?;
    card.entries.iter().find_map(|e| {
        let named =
            matches!(&e.name, VCardProperty::Other(n) if n.eq_ignore_ascii_case(LABEL_PROPERTY));
        let same_group = e
            .group
            .as_deref()
            .is_some_and(|g| g.eq_ignore_ascii_case(group));
        (named && same_group)
            .then(|| part(e.values.first()))
            .filter(|l| !l.is_empty())
    })
}

/// Apple's built-in labels (`_$!<Home>!$_`) name a kind, not a place of the person's own.
fn apple_kind(label: &str) -> Option<AddressKind> {
    let inner = label.strip_prefix("_$!<")?.strip_suffix(">!$_")?;
    Some(match inner.to_ascii_lowercase().as_str() {
        "home" => AddressKind::Home,
        "work" => AddressKind::Work,
        _ => AddressKind::Other,
    })
}

/// Every `ADR` of the card, in order.
pub(super) fn addresses(card: &VCard) -> Vec<Address> {
    let legacy = matches!(
        card.version(),
        Some(VCardVersion::V2_0 | VCardVersion::V2_1)
    );
    let mut out = Vec::new();
    for entry in card.entries.iter().filter(|e| e.name == VCardProperty::Adr) {
        let types = super::card::types(entry);
        let mut kind = if types.iter().any(|t| t == "home") {
            AddressKind::Home
        } else if types.iter().any(|t| t == "work") {
            AddressKind::Work
        } else {
            AddressKind::Other
        };
        let mut label = label_of(card, entry);
        if let Some(named) = label.as_deref().and_then(apple_kind) {
            if kind == AddressKind::Other {
                kind = named;
            }
            label = None;
        }
        let mut parts = (0..7).map(|i| part(entry.values.get(i)));
        let mut next = || {
            let text = parts.next().unwrap_or_default();
            if legacy {
                undo_mojibake(&text)
            } else {
                text
            }
        };
        let address = Address {
            kind,
            label,
            po_box: next(),
            extended: next(),
            street: next(),
            locality: next(),
            region: next(),
            postal_code: next(),
            country: next(),
        };
        if let Ok(address) = address.cleaned() {
            if !address.is_empty() && !out.contains(&address) {
                out.push(address);
            }
        }
    }
    out
}
