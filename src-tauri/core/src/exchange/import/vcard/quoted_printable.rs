//! Quoted-printable values (vCard 2.1): `=XX` is the byte XX, in whatever charset the value is.
//! Soft breaks are already gone (the value is unfolded); an `=` not followed by two hex digits
//! is kept as written, as lenient readers do.

pub(super) fn decode(value: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(value.len());
    let mut index = 0;
    while index < value.len() {
        let byte = value[index];
        let escaped = (byte == b'=')
            .then(|| Some((hex(*value.get(index + 1)?)?, hex(*value.get(index + 2)?)?)))
            .flatten();
        match escaped {
            Some((high, low)) => {
                out.push(high << 4 | low);
                index += 3;
            }
            None => {
                out.push(byte);
                index += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_become_bytes_and_anything_else_is_kept() {
        assert_eq!(decode(b"M=FCller;J=fcrgen"), b"M\xfcller;J\xfcrgen");
        assert_eq!(decode(b"=0D=0Anext"), b"\r\nnext");
        assert_eq!(decode(b"a=3Db = c=\xff=4"), b"a=b = c=\xff=4");
    }
}
