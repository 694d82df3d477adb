//! `MKCALENDAR` (RFC 4791 §5.3.1) with a display name and VEVENT as the only component, for
//! the follow-ups' calendar (libdav's calendar creation is extended MKCOL, which not every
//! CalDAV server takes).

use http::{Method, Request, Uri};
use libdav::dav::{make_relative_url, WebDavError};
use libdav::requests::{xml_content_type_header, DavRequest, ParseResponseError};

pub struct MkCalendar<'a> {
    pub path: &'a str,
    pub display_name: &'a str,
}

fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

impl DavRequest for MkCalendar<'_> {
    type Response = ();
    type ParseError = ParseResponseError;
    type Error<E> = WebDavError<E>;

    fn prepare_request(&self, base_url: Uri) -> Result<Request<String>, http::Error> {
        let body = format!(
            r#"<?xml version="1.0" encoding="utf-8"?><C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop><D:displayname>{}</D:displayname><C:supported-calendar-component-set><C:comp name="VEVENT"/></C:supported-calendar-component-set></D:prop></D:set></C:mkcalendar>"#,
            escaped(self.display_name)
        );
        let (name, value) = xml_content_type_header();
        Request::builder()
            .method(Method::from_bytes(b"MKCALENDAR")?)
            .uri(make_relative_url(base_url, self.path)?)
            .header(name, value)
            .body(body)
    }

    fn parse_response(
        &self,
        parts: &http::response::Parts,
        _body: &[u8],
    ) -> Result<(), ParseResponseError> {
        if parts.status.is_success() {
            Ok(())
        } else {
            Err(ParseResponseError::BadStatusCode(parts.status))
        }
    }
}
