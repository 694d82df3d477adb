//! The HTTP side: one client per account (rustls on `ring`, the system's trusted certificates,
//! HTTP Basic with the password marked sensitive so that no log prints it), and what a failed
//! request means to a person.

use std::error::Error as StdError;
use std::sync::Arc;
use std::time::Duration;

use http::{StatusCode, Uri};
use hyper_rustls::{HttpsConnector, HttpsConnectorBuilder};
use hyper_util::client::legacy::{connect::HttpConnector, Client};
use hyper_util::rt::TokioExecutor;
use libdav::dav::{RequestError, WebDavClient, WebDavError};
use tower_http::auth::AddAuthorization;

use crate::error::SyncError;

pub type Http = AddAuthorization<Client<HttpsConnector<HttpConnector>, String>>;
pub type Dav = WebDavClient<Http>;
pub type DavError = WebDavError<hyper_util::client::legacy::Error>;

/// How long connecting to a server may take before it counts as unreachable.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(15);

fn tls_config() -> Result<rustls::ClientConfig, SyncError> {
    let mut roots = rustls::RootCertStore::empty();
    // The system's certificates (a company's own authority included); `SSL_CERT_FILE` names
    // others, as for every program using them.
    let native = rustls_native_certs::load_native_certs();
    roots.add_parsable_certificates(native.certs);
    if roots.is_empty() {
        roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| SyncError::Certificate {
            url: String::new(),
            reason: e.to_string(),
        })?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(config)
}

/// A WebDAV client for `base` as `user`.
pub fn client(base: &Uri, user: &str, password: &str) -> Result<Dav, SyncError> {
    let mut connector = HttpConnector::new();
    connector.enforce_http(false);
    connector.set_connect_timeout(Some(CONNECT_TIMEOUT));
    let https = HttpsConnectorBuilder::new()
        .with_tls_config(tls_config()?)
        .https_or_http()
        .enable_http1()
        .wrap_connector(connector);
    let http = Client::builder(TokioExecutor::new()).build(https);
    let authorized = AddAuthorization::basic(http, user, password).as_sensitive(true);
    Ok(WebDavClient::new(base.clone(), authorized))
}

/// The causes of an error, through the `io::Error`s that `source()` skips.
fn causes<'a>(error: &'a (dyn StdError + 'static)) -> Vec<&'a (dyn StdError + 'static)> {
    let mut out = Vec::new();
    let mut current = Some(error);
    while let Some(e) = current {
        out.push(e);
        current = match e
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
        {
            Some(inner) => Some(inner as &(dyn StdError + 'static)),
            None => e.source(),
        };
    }
    out
}

/// The status a request failed with, when the server answered.
pub fn status(error: &DavError) -> Option<StatusCode> {
    match error {
        WebDavError::BadStatusCode(status) => Some(*status),
        _ => None,
    }
}

/// What a failed request means: the server unreachable, the password refused, a certificate
/// not trusted, or the server's own error.
pub fn failure(error: &DavError, url: &str, account: &str, what: &str) -> SyncError {
    match error {
        WebDavError::BadStatusCode(StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN) => {
            SyncError::CredentialsRefused {
                url: url.to_string(),
                account: account.to_string(),
            }
        }
        WebDavError::BadStatusCode(status) => SyncError::Server {
            url: url.to_string(),
            what: what.to_string(),
            status: status.to_string(),
        },
        WebDavError::Request(RequestError::Client(client)) => {
            let causes = causes(client);
            if let Some(tls) = causes.iter().find(|c| c.is::<rustls::Error>()) {
                return SyncError::Certificate {
                    url: url.to_string(),
                    reason: tls.to_string(),
                };
            }
            let reason = causes
                .iter()
                .find_map(|c| c.downcast_ref::<std::io::Error>())
                .map(|io| match io.kind() {
                    std::io::ErrorKind::ConnectionRefused => {
                        "the connection was refused".to_string()
                    }
                    std::io::ErrorKind::TimedOut => "it did not answer in time".to_string(),
                    _ => io.to_string(),
                })
                .unwrap_or_else(|| causes.last().map(|c| c.to_string()).unwrap_or_default());
            SyncError::Unreachable {
                url: url.to_string(),
                reason,
            }
        }
        WebDavError::Request(RequestError::Http(e)) => SyncError::Unreachable {
            url: url.to_string(),
            reason: format!("the answer was cut ({e})"),
        },
        other => SyncError::Server {
            url: url.to_string(),
            what: what.to_string(),
            status: other.to_string(),
        },
    }
}
