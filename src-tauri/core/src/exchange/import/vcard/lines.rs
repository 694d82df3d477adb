//! A vCard file as lines, at byte level (before any charset is known): the physical lines,
//! whatever ends them, and the properties they fold into.
//!
//! A line ends with LF, CR LF, a CR alone (classic Mac OS), or CR CR LF (iOS 6), and a file may
//! mix them. A line starting with a space or a tab continues the one before (vCard 3.0 and 4.0
//! folding, also written in 2.1); in a quoted-printable value, a line ending with `=` (a soft
//! break) is continued by the next line as it is.

use std::borrow::Cow;

use super::property::{is_end_of_card, is_quoted_printable};

/// The physical lines of `bytes`, without what ends them.
pub(super) fn physical_lines(bytes: &[u8]) -> PhysicalLines<'_> {
    PhysicalLines { bytes, at: 0 }
}

pub(super) struct PhysicalLines<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> PhysicalLines<'a> {
    /// The next line and where it starts in the bytes.
    fn next_at(&mut self) -> Option<(usize, &'a [u8])> {
        let start = self.at;
        let rest = &self.bytes[start..];
        if rest.is_empty() {
            return None;
        }
        let Some(end) = rest.iter().position(|&b| b == b'\r' || b == b'\n') else {
            self.at = self.bytes.len();
            return Some((start, rest));
        };
        let after = &rest[end..];
        let ending = if after.starts_with(b"\r\r\n") {
            3
        } else if after.starts_with(b"\r\n") {
            2
        } else {
            1
        };
        self.at = start + end + ending;
        Some((start, &rest[..end]))
    }
}

impl<'a> Iterator for PhysicalLines<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        self.next_at().map(|(_, line)| line)
    }
}

/// One property (or any other logical line): the bytes of its physical lines, from the start of
/// the first to the end of the last, with the line breaks between them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Folded<'a> {
    raw: &'a [u8],
    quoted_printable: bool,
}

/// Whether the physical line `next` continues the property of the line `previous`.
fn continues(quoted_printable: bool, previous: &[u8], next: &[u8]) -> bool {
    soft_break(quoted_printable, previous) && !is_end_of_card(next)
        || next.starts_with(b" ")
        || next.starts_with(b"\t")
}

/// Whether a physical line of a quoted-printable value ends with a soft break.
fn soft_break(quoted_printable: bool, line: &[u8]) -> bool {
    quoted_printable && line.ends_with(b"=")
}

impl<'a> Folded<'a> {
    /// Its bytes as written, line breaks included.
    pub(super) fn len(&self) -> usize {
        self.raw.len()
    }

    /// The physical lines.
    pub(super) fn lines(&self) -> PhysicalLines<'a> {
        physical_lines(self.raw)
    }

    /// The property as one line: a folded line loses the space or tab that folded it, and a soft
    /// break loses its `=`.
    pub(super) fn unfolded(&self) -> Cow<'a, [u8]> {
        let mut lines = self.lines();
        let Some(first) = lines.next() else {
            return Cow::Borrowed(self.raw);
        };
        if first.len() == self.raw.len() {
            return Cow::Borrowed(first);
        }
        let mut out = first.to_vec();
        let mut previous = first;
        for line in lines {
            if soft_break(self.quoted_printable, previous) && !is_end_of_card(line) {
                out.pop();
                out.extend_from_slice(line);
            } else {
                out.extend_from_slice(&line[1..]);
            }
            previous = line;
        }
        Cow::Owned(out)
    }

    /// Whether this is `line` (`BEGIN:VCARD`), in any case and with any spaces around.
    pub(super) fn is(&self, line: &str) -> bool {
        self.raw.len() <= 2 * line.len()
            && self
                .unfolded()
                .trim_ascii()
                .eq_ignore_ascii_case(line.as_bytes())
    }

    pub(super) fn is_blank(&self) -> bool {
        self.raw.iter().all(|b| b.is_ascii_whitespace())
    }
}

/// The logical lines of `bytes`: each property with the lines folded into it.
pub(super) fn logical_lines(bytes: &[u8]) -> impl Iterator<Item = Folded<'_>> {
    let mut lines = physical_lines(bytes);
    let mut pending = lines.next_at();
    std::iter::from_fn(move || {
        let (start, first) = pending?;
        let quoted_printable = is_quoted_printable(first);
        let (mut end, mut previous) = (start + first.len(), first);
        pending = lines.next_at();
        while let Some((next_start, next)) = pending {
            if !continues(quoted_printable, previous, next) {
                break;
            }
            (end, previous) = (next_start + next.len(), next);
            pending = lines.next_at();
        }
        Some(Folded {
            raw: &bytes[start..end],
            quoted_printable,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(bytes: &[u8]) -> Vec<&[u8]> {
        physical_lines(bytes).collect()
    }

    #[test]
    fn lines_end_with_lf_crlf_cr_alone_or_cr_cr_lf_in_any_mixture() {
        let expected: Vec<&[u8]> = vec![b"A", b"B", b"", b"C"];
        assert_eq!(lines(b"A\nB\n\nC"), expected);
        assert_eq!(lines(b"A\r\nB\r\n\r\nC\r\n"), expected);
        assert_eq!(lines(b"A\rB\r\rC\r"), expected);
        assert_eq!(lines(b"A\r\r\nB\r\r\n\r\r\nC\r\r\n"), expected);
        assert_eq!(lines(b"A\rB\r\n\nC\r\r\n"), expected);
    }

    fn unfolded(bytes: &[u8]) -> Vec<Vec<u8>> {
        logical_lines(bytes)
            .map(|f| f.unfolded().into_owned())
            .collect()
    }

    #[test]
    fn folded_lines_unfold_whatever_ends_them() {
        for ending in ["\n", "\r\n", "\r", "\r\r\n"] {
            let text = ["NOTE:one", " two", "\tthree", "FN:Ada", ""].join(ending);
            assert_eq!(
                unfolded(text.as_bytes()),
                [b"NOTE:onetwothree".to_vec(), b"FN:Ada".to_vec()],
                "{ending:?}"
            );
        }
    }

    #[test]
    fn a_soft_break_continues_a_quoted_printable_value_but_not_past_the_end_of_the_card() {
        let text = b"NOTE;ENCODING=QUOTED-PRINTABLE:ab=\r\ncd=\r\nEND:VCARD\r\nTEL:ab=\r\nFN:x\r\n";
        assert_eq!(
            unfolded(text),
            [
                b"NOTE;ENCODING=QUOTED-PRINTABLE:abcd=".to_vec(),
                b"END:VCARD".to_vec(),
                b"TEL:ab=".to_vec(),
                b"FN:x".to_vec()
            ]
        );
    }
}
