//! `PHOTO` read into a face: inline in every form address books write it — 2.1's
//! `PHOTO;ENCODING=BASE64;TYPE=JPEG:` (folded), 3.0's `PHOTO;ENCODING=b;TYPE=JPEG:` and 4.0's
//! `PHOTO:data:image/jpeg;base64,…`. A photo at a web address is never fetched; a photo that is
//! broken or too large is skipped with its reason, and the person is imported without it.

use calcard::vcard::{VCard, VCardProperty, VCardValue};

use crate::network::photos::{read_picture, Picture};

/// The card's first photo that can be kept, or the reasons none could.
pub(super) fn photo(card: &VCard) -> (Option<Picture>, Vec<String>) {
    let mut reasons = Vec::new();
    for entry in card
        .entries
        .iter()
        .filter(|e| e.name == VCardProperty::Photo)
    {
        let outcome = match entry.values.first() {
            Some(VCardValue::Binary(data)) => {
                read_picture(&data.data).map_err(|e| lowercase_first(&e.to_string()))
            }
            Some(VCardValue::Text(text)) => Err(not_inline(text)),
            _ => Err("the photo is empty".to_string()),
        };
        match outcome {
            Ok(picture) => return (Some(picture), reasons),
            Err(reason) => reasons.push(format!("photo not kept: {reason}")),
        }
    }
    (None, reasons)
}

fn not_inline(text: &str) -> String {
    let text = text.trim();
    let lower = text.to_ascii_lowercase();
    if ["http:", "https:", "ftp:", "file:", "cid:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
    {
        let shown: String = text.chars().take(60).collect();
        format!("it is at a web address ({shown}), and Rapport never loads photos from one")
    } else if text.is_empty() {
        "the photo is empty".to_string()
    } else {
        "its data is not readable base64".to_string()
    }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}
