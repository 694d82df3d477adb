//! One property line taken apart at byte level, before any charset is known: the head (group,
//! name and parameters) and the value, the `CHARSET` a value declares and the `ENCODING` it is
//! written in — as 2.1 writes them (`;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE`, or a bare
//! `;QUOTED-PRINTABLE`) and as 3.0 files in the wild still do.

/// How a value is written in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Transfer {
    Plain,
    QuotedPrintable,
    Base64,
}

/// A property split at the colon that ends its head.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Property<'a> {
    /// The group, name and parameters, as written.
    pub(super) head: &'a [u8],
    pub(super) value: &'a [u8],
    /// The label of the charset the value declares, as written.
    pub(super) charset: Option<&'a [u8]>,
    pub(super) transfer: Transfer,
}

/// The parts of a head between semicolons outside quotes: the name first, then each parameter.
fn head_parts(head: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut in_quotes = false;
    head.split(move |&b| {
        if b == b'"' {
            in_quotes = !in_quotes;
        }
        b == b';' && !in_quotes
    })
}

/// Where the head ends: the first colon outside quotes.
fn colon(line: &[u8]) -> Option<usize> {
    let mut in_quotes = false;
    line.iter().position(|&b| {
        if b == b'"' {
            in_quotes = !in_quotes;
        }
        b == b':' && !in_quotes
    })
}

fn parameter(part: &[u8]) -> (&[u8], &[u8]) {
    match part.iter().position(|&b| b == b'=') {
        Some(equals) => (part[..equals].trim_ascii(), part[equals + 1..].trim_ascii()),
        None => (&[][..], part.trim_ascii()),
    }
}

fn transfer(value: &[u8]) -> Option<Transfer> {
    let is = |name: &str| value.eq_ignore_ascii_case(name.as_bytes());
    if is("QUOTED-PRINTABLE") || is("Q") {
        Some(Transfer::QuotedPrintable)
    } else if is("BASE64") || is("B") {
        Some(Transfer::Base64)
    } else {
        None
    }
}

/// Whether a parameter says how the value is transferred (`ENCODING=…`, or 2.1's bare
/// `QUOTED-PRINTABLE` or `BASE64`), and how.
fn transfer_parameter(part: &[u8]) -> Option<Transfer> {
    match parameter(part) {
        (name, value) if name.eq_ignore_ascii_case(b"ENCODING") => transfer(value),
        ([], value) if !value.eq_ignore_ascii_case(b"B") && !value.eq_ignore_ascii_case(b"Q") => {
            transfer(value)
        }
        _ => None,
    }
}

fn is_charset_parameter(part: &[u8]) -> bool {
    parameter(part).0.eq_ignore_ascii_case(b"CHARSET")
}

impl<'a> Property<'a> {
    /// Splits an unfolded line; `None` if it has no colon (it is not a property).
    pub(super) fn split(line: &'a [u8]) -> Option<Self> {
        let colon = colon(line)?;
        let head = &line[..colon];
        let mut charset = None;
        let mut transfer = Transfer::Plain;
        for part in head_parts(head).skip(1) {
            if is_charset_parameter(part) {
                charset = Some(parameter(part).1);
            } else if let Some(found) = transfer_parameter(part) {
                transfer = found;
            }
        }
        Some(Property {
            head,
            value: &line[colon + 1..],
            charset,
            transfer,
        })
    }

    /// The property's name, upper-cased, without its group (`item1.EMAIL` is `EMAIL`).
    pub(super) fn name(&self) -> Vec<u8> {
        let name = head_parts(self.head).next().unwrap_or_default();
        let name = match name.iter().rposition(|&b| b == b'.') {
            Some(dot) => &name[dot + 1..],
            None => name,
        };
        name.trim_ascii().to_ascii_uppercase()
    }

    /// The head without what the value no longer needs once it is UTF-8 text: its `CHARSET`
    /// and its quoted-printable `ENCODING`.
    pub(super) fn head_for_utf8(&self) -> Vec<u8> {
        let mut head = Vec::with_capacity(self.head.len());
        for (index, part) in head_parts(self.head).enumerate() {
            let dropped = index > 0
                && (is_charset_parameter(part)
                    || transfer_parameter(part) == Some(Transfer::QuotedPrintable));
            if !dropped {
                if index > 0 {
                    head.push(b';');
                }
                head.extend_from_slice(part);
            }
        }
        head
    }
}

/// Whether a (first) physical line starts a quoted-printable value, so that a soft break at its
/// end continues it.
pub(super) fn is_quoted_printable(line: &[u8]) -> bool {
    Property::split(line).is_some_and(|p| p.transfer == Transfer::QuotedPrintable)
}

pub(super) fn is_end_of_card(line: &[u8]) -> bool {
    line.trim_ascii().eq_ignore_ascii_case(b"END:VCARD")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charset_and_encoding_are_read_as_2_1_and_3_0_write_them() {
        let p = Property::split(b"N;CHARSET=SHIFT_JIS;ENCODING=QUOTED-PRINTABLE:=88=C0;x").unwrap();
        assert_eq!(p.charset, Some(&b"SHIFT_JIS"[..]));
        assert_eq!(p.transfer, Transfer::QuotedPrintable);
        assert_eq!(p.value, b"=88=C0;x");
        assert_eq!(p.head_for_utf8(), b"N");

        let p = Property::split(b"item1.ORG;charset=\"cp1251\";QUOTED-PRINTABLE;WORK:a").unwrap();
        assert_eq!(p.charset, Some(&b"\"cp1251\""[..]));
        assert_eq!(p.transfer, Transfer::QuotedPrintable);
        assert_eq!(p.head_for_utf8(), b"item1.ORG;WORK");

        let p = Property::split(b"PHOTO;ENCODING=b;TYPE=JPEG:QUJD").unwrap();
        assert_eq!((p.charset, p.transfer), (None, Transfer::Base64));

        let p = Property::split(b"X-LABEL;TYPE=\"a:b;c\":v").unwrap();
        assert_eq!(
            (p.head, p.value),
            (&b"X-LABEL;TYPE=\"a:b;c\""[..], &b"v"[..])
        );
        assert_eq!(p.head_for_utf8(), p.head);

        assert_eq!(Property::split(b"no colon here"), None);
    }
}
