//! The server address a person types: HTTPS, or plain HTTP to this computer only (a password
//! must never cross a network in clear).

use std::net::IpAddr;

use http::Uri;
use rapport_core::Error;

use crate::error::Result;

fn is_loopback(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || bare.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// Reads a server address: `https://dav.example.com`, `dav.example.com` (HTTPS assumed), or
/// `http://127.0.0.1:5232/` for a server on this computer. The path ends in `/`.
pub fn server_url(typed: &str) -> Result<Uri> {
    let text = typed.trim();
    let bad =
        |why: &str| Error::invalid("url", format!("“{typed}” is not a server address: {why}"));
    if text.is_empty() {
        return Err(bad("it is empty").into());
    }
    let with_scheme = if text.contains("://") {
        text.to_string()
    } else {
        format!("https://{text}")
    };
    let uri: Uri = with_scheme
        .parse()
        .map_err(|_| bad("type it as https://dav.example.com"))?;
    let host = uri
        .host()
        .filter(|h| !h.is_empty())
        .ok_or_else(|| bad("it names no host"))?;
    if uri.authority().is_some_and(|a| a.as_str().contains('@')) {
        // The password would end up in the store, its backups and every message.
        return Err(bad("leave the user name and password out of it: give them apart").into());
    }
    match uri.scheme_str() {
        Some("https") => {}
        Some("http") if is_loopback(host) => {}
        Some("http") => {
            return Err(Error::invalid(
                "url",
                format!("{typed} is plain http:// to another computer: the password would cross the network readable. Use https://."),
            )
            .into())
        }
        _ => return Err(bad("use https://").into()),
    }
    let path = uri.path();
    let path = if path.ends_with('/') {
        path.to_string()
    } else {
        format!("{path}/")
    };
    let authority = uri.authority().expect("a host was found").as_str();
    Ok(format!(
        "{}://{authority}{path}",
        uri.scheme_str().unwrap_or("https")
    )
    .parse()
    .map_err(|_| bad("type it as https://dav.example.com"))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(typed: &str) -> String {
        server_url(typed).unwrap_err().code().to_string()
    }

    #[test]
    fn a_bare_host_is_https() {
        assert_eq!(
            server_url("dav.example.com").unwrap().to_string(),
            "https://dav.example.com/"
        );
    }

    #[test]
    fn a_path_gets_its_trailing_slash() {
        assert_eq!(
            server_url("https://cloud.example.com/remote.php/dav")
                .unwrap()
                .to_string(),
            "https://cloud.example.com/remote.php/dav/"
        );
    }

    #[test]
    fn plain_http_is_refused_except_to_this_computer() {
        assert_eq!(code("http://dav.example.com/"), "invalid_input");
        for local in [
            "http://127.0.0.1:5232/",
            "http://localhost:5232",
            "http://[::1]:5232/",
        ] {
            assert!(server_url(local).is_ok(), "{local}");
        }
    }

    #[test]
    fn nonsense_is_bad_input() {
        for typed in [
            "",
            "ftp://dav.example.com",
            "https://",
            "http://exa mple.com",
            "https://alice:secret@dav.example.com/",
        ] {
            assert_eq!(code(typed), "invalid_input", "{typed}");
        }
    }
}
