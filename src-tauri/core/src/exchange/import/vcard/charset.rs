//! Repairing text a legacy charset garbled on the way in.

/// vCard 2.1 quoted-printable with no CHARSET is decoded as Latin-1, but phones write UTF-8
/// there: "Ã–ztÃ¼rk". If the text, encoded back to Windows-1252, is valid UTF-8, that was it.
/// Real Latin-1 text ("Müller") is not valid UTF-8 that way and is kept.
pub(super) fn undo_mojibake(text: &str) -> String {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    match std::str::from_utf8(&bytes) {
        Ok(utf8) if !unmappable && utf8 != text => utf8.to_string(),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_read_as_latin1_is_repaired_and_real_latin1_is_kept() {
        assert_eq!(undo_mojibake("Ã–ztÃ¼rk AyÅŸe"), "Öztürk Ayşe");
        assert_eq!(undo_mojibake("Jürgen Müller"), "Jürgen Müller");
        assert_eq!(undo_mojibake("Ada"), "Ada");
    }
}
