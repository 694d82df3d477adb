//! A file's bytes as text: binary data refused, Unicode with a byte order mark read as it says,
//! UTF-8 as it is, and anything else in the charset it is detected to be.

use std::borrow::Cow;

use encoding_rs::Encoding;

use crate::error::{Error, Result};

use super::charsets::detect;

/// A whole file read as text.
pub(crate) struct Decoded {
    pub(crate) text: String,
    /// The charset the file was detected to be in, if it was neither UTF-8 nor marked Unicode.
    pub(crate) detected: Option<&'static Encoding>,
}

fn binary() -> Error {
    Error::invalid("file", "This is not a text file (it holds binary data).")
}

fn has_utf16_bom(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF])
}

/// Refuses bytes that are not text: a zero byte outside UTF-16.
pub(crate) fn refuse_binary(bytes: &[u8]) -> Result<()> {
    if bytes.contains(&0) && !has_utf16_bom(bytes) {
        return Err(binary());
    }
    Ok(())
}

/// The file's bytes with Unicode made UTF-8: UTF-16 with its byte order mark decoded, a UTF-8
/// byte order mark dropped, anything else as it is (its charsets are read value by value).
pub(crate) fn unicode_as_utf8(bytes: &[u8]) -> Result<Cow<'_, [u8]>> {
    refuse_binary(bytes)?;
    match Encoding::for_bom(bytes) {
        Some((encoding, bom_length)) if encoding != encoding_rs::UTF_8 => {
            let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_length..]);
            if text.contains('\0') {
                return Err(binary());
            }
            Ok(Cow::Owned(text.into_owned().into_bytes()))
        }
        Some((_, bom_length)) => Ok(Cow::Borrowed(&bytes[bom_length..])),
        None => Ok(Cow::Borrowed(bytes)),
    }
}

/// Decodes text the way exports come: UTF-8 (with or without a BOM) or UTF-16 with a BOM.
/// Anything else is read in the charset it is detected to be (older Outlook and Excel write
/// Windows-1252, Excel in Japan Shift_JIS, in Russia Windows-1251), rather than refused.
pub(crate) fn decode_text(bytes: &[u8]) -> Result<Decoded> {
    refuse_binary(bytes)?;
    let (text, detected) = match Encoding::for_bom(bytes) {
        Some((encoding, bom_length)) => (
            encoding.decode_without_bom_handling(&bytes[bom_length..]).0,
            None,
        ),
        None => match std::str::from_utf8(bytes) {
            Ok(text) => (Cow::Borrowed(text), None),
            Err(_) => {
                let encoding = detect(bytes);
                (
                    encoding.decode_without_bom_handling(bytes).0,
                    Some(encoding),
                )
            }
        },
    };
    if text.contains('\0') {
        return Err(binary());
    }
    Ok(Decoded {
        text: text.into_owned(),
        detected,
    })
}
