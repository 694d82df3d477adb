//! What changed in an account's address book since the last pass: `sync-collection`
//! (RFC 6578) where the server offers it, otherwise the ctag and then each card's ETag.

use std::collections::HashMap;

use http::StatusCode;
use libdav::dav::{GetProperties, ListResources, SyncCollection, WebDavError};
use libdav::{names, PropertyName};
use rapport_core::sync::{Account, KnownCard};
use rapport_core::Store;

use crate::discovery::Session;
use crate::error::Result;
use crate::http::status;

const GETCTAG: PropertyName<'static, 'static> =
    PropertyName::new(names::CALENDAR_SERVER, "getctag");

/// Set in the environment, passes compare ctags and ETags even where the server offers
/// `sync-collection` (so that the tests exercise that path against the same servers).
pub const WITHOUT_SYNC_COLLECTION: &str = "RAPPORT_SYNC_WITHOUT_SYNC_COLLECTION";

/// What changed on the server since the last pass.
pub(crate) struct Changes {
    pub changed: Vec<(String, Option<String>)>,
    pub deleted: Vec<String>,
    /// The token to keep once the pass has applied them.
    pub token: Option<String>,
}

pub(crate) fn path_of(url: &str) -> String {
    url.parse::<http::Uri>()
        .map(|u| u.path().to_string())
        .unwrap_or_else(|_| url.to_string())
}

pub(crate) async fn changes(
    session: &Session<'_>,
    store: &Store,
    account: &Account,
    book: &str,
) -> Result<Changes> {
    let token = store.addressbook_token(account.id)?;
    let known = store.known_cards(account.id)?;
    if std::env::var_os(WITHOUT_SYNC_COLLECTION).is_none() {
        let previous = token.as_deref().and_then(|t| t.strip_prefix("sync:"));
        let request = match previous {
            Some(t) => SyncCollection::new(book).with_sync_token(t),
            None => SyncCollection::new(book),
        };
        match session.dav.request(request).await {
            Ok(response) => {
                let changed = response
                    .changed
                    .into_iter()
                    .filter(|r| {
                        !r.resource_type.is_collection
                            && r.href.trim_end_matches('/') != book.trim_end_matches('/')
                    })
                    .map(|r| (r.href, r.etag))
                    .collect();
                // A first sync-collection lists what is there, not what was deleted: cards
                // Rapport knows that are absent are found by listing (below) once.
                let mut deleted = response.deleted;
                if previous.is_none() && !known.is_empty() {
                    deleted.extend(absent_cards(session, book, &known).await?);
                }
                return Ok(Changes {
                    changed,
                    deleted,
                    token: Some(format!("sync:{}", response.new_sync_token)),
                });
            }
            // An expired token (valid-sync-token): start over from a full listing.
            Err(WebDavError::PreconditionFailed(_)) => {}
            Err(e) if matches!(status(&e), Some(s) if s.is_client_error() && s != StatusCode::UNAUTHORIZED) =>
                {}
            Err(e) => return Err(session.fail("the list of changed cards")(e)),
        }
    }
    let ctag = session
        .dav
        .request(GetProperties::new(book, &[&GETCTAG]))
        .await
        .ok()
        .and_then(|r| r.values.into_iter().next().and_then(|(_, v)| v));
    let ctag_token = ctag.as_ref().map(|c| format!("ctag:{c}"));
    if ctag_token.is_some() && ctag_token == token {
        return Ok(Changes {
            changed: Vec::new(),
            deleted: Vec::new(),
            token,
        });
    }
    let listed = session
        .dav
        .request(ListResources::new(book))
        .await
        .map_err(session.fail("the list of cards"))?
        .resources;
    let mut present = HashMap::new();
    for resource in listed
        .into_iter()
        .filter(|r| !r.resource_type.is_collection)
    {
        present.insert(resource.href, resource.etag);
    }
    let deleted = known
        .keys()
        .filter(|href| !present.contains_key(*href))
        .cloned()
        .collect();
    Ok(Changes {
        changed: present.into_iter().collect(),
        deleted,
        token: ctag_token,
    })
}

async fn absent_cards(
    session: &Session<'_>,
    book: &str,
    known: &HashMap<String, KnownCard>,
) -> Result<Vec<String>> {
    let listed = session
        .dav
        .request(ListResources::new(book))
        .await
        .map_err(session.fail("the list of cards"))?
        .resources;
    let present: std::collections::HashSet<String> = listed.into_iter().map(|r| r.href).collect();
    Ok(known
        .keys()
        .filter(|h| !present.contains(*h))
        .cloned()
        .collect())
}
