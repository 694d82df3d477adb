//! `RELATED` links: which kind of link a relation on a card is, Rapport's exact kind first.

use calcard::vcard::{VCardEntry, VCardParameterName, VCardParameterValue, VCardType};

use crate::network::links::LinkKind;

use super::card::other_parameter;
use super::LINK_KIND_PARAMETER;

pub(super) fn link_kind(entry: &VCardEntry) -> LinkKind {
    let exact = other_parameter(entry, LINK_KIND_PARAMETER)
        .and_then(|v| v.as_text())
        .and_then(|kind| LinkKind::ALL.into_iter().find(|k| k.as_str() == kind));
    if let Some(kind) = exact {
        return kind;
    }
    let kinds: Vec<VCardType> = entry
        .parameters(&VCardParameterName::Type)
        .filter_map(|v| match v {
            VCardParameterValue::Type(kind) => Some(kind.clone()),
            _ => None,
        })
        .collect();
    if kinds
        .iter()
        .any(|k| matches!(k, VCardType::Colleague | VCardType::CoWorker))
    {
        LinkKind::Colleague
    } else if kinds.iter().any(|k| {
        matches!(
            k,
            VCardType::Kin
                | VCardType::Child
                | VCardType::Parent
                | VCardType::Sibling
                | VCardType::Spouse
        )
    }) {
        LinkKind::Family
    } else {
        LinkKind::Knows
    }
}
