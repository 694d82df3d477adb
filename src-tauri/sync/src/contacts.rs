//! One pass over an account's address book: what changed on the server comes in first (so that
//! a contact another device uploaded is matched, not sent back as a second card), then what
//! changed in Rapport goes up, then cards of people deleted in Rapport are deleted.
//!
//! Changes are found with `sync-collection` (RFC 6578) where the server offers it, otherwise by
//! comparing the ctag and then each card's ETag; only cards whose ETag differs from the one
//! Rapport last saw are fetched, a hundred at a time, so that an idle pass fetches no card and
//! memory stays flat however large the address book. Every write is conditional (`If-Match`,
//! `If-None-Match: *`): a card changed on the server meanwhile is merged at the next pass,
//! never overwritten.

use std::collections::HashMap;

use http::StatusCode;
use libdav::carddav::GetAddressBookResources;
use libdav::dav::{
    Delete, GetEtag, GetProperties, ListResources, PutResource, SyncCollection, WebDavError,
};
use libdav::{names, PropertyName};
use rapport_core::sync::{Account, Matcher, Received};
use rapport_core::Store;
use serde::Serialize;

use crate::discovery::Session;
use crate::error::Result;
use crate::http::status;
use crate::progress::{Phase, Progress};

const GETCTAG: PropertyName<'static, 'static> =
    PropertyName::new(names::CALENDAR_SERVER, "getctag");

/// Cards fetched per request.
const BATCH: usize = 100;

/// Set in the environment, passes compare ctags and ETags even where the server offers
/// `sync-collection` (so that the tests exercise that path against the same servers).
pub const WITHOUT_SYNC_COLLECTION: &str = "RAPPORT_SYNC_WITHOUT_SYNC_COLLECTION";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ContactCounts {
    /// Cards sent (new or changed in Rapport).
    pub sent: usize,
    /// Contacts that came in new from elsewhere (or matched someone stored).
    pub received: usize,
    /// People updated from a card changed elsewhere.
    pub updated: usize,
    /// Fields both sides changed: Rapport's kept, the other noted.
    pub conflicts: usize,
    /// Cards deleted elsewhere, whose people Rapport kept.
    pub removed_elsewhere: usize,
    /// Cards deleted on the server because their person was deleted in Rapport.
    pub deleted: usize,
}

/// What changed on the server since the last pass.
struct Changes {
    changed: Vec<(String, Option<String>)>,
    deleted: Vec<String>,
    /// The token to keep once the pass has applied them.
    token: Option<String>,
}

fn path_of(url: &str) -> String {
    url.parse::<http::Uri>()
        .map(|u| u.path().to_string())
        .unwrap_or_else(|_| url.to_string())
}

async fn changes(
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
    known: &HashMap<String, rapport_core::sync::KnownCard>,
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

/// Brings in what changed on the server.
async fn receive(
    session: &Session<'_>,
    store: &Store,
    account: &Account,
    book: &str,
    counts: &mut ContactCounts,
    progress: &mut dyn FnMut(Progress),
) -> Result<Option<String>> {
    let found = changes(session, store, account, book).await?;
    tracing::debug!(changed = found.changed.len(), deleted = ?found.deleted, "changes on the server");
    let known = store.known_cards(account.id)?;
    let to_fetch: Vec<String> = found
        .changed
        .into_iter()
        .filter(|(href, etag)| match known.get(href) {
            Some(card) => etag.is_none() || card.etag != *etag,
            None => true,
        })
        .map(|(href, _)| href)
        .collect();
    let mut matcher = Matcher::default();
    let total = to_fetch.len();
    for (i, batch) in to_fetch.chunks(BATCH).enumerate() {
        progress(Progress {
            phase: Phase::Receiving,
            done: i * BATCH,
            total,
        });
        let encoded = batch
            .iter()
            .map(|h| libdav::encoding::strict_percent_encoded(h));
        let fetched = session
            .dav
            .request(GetAddressBookResources::new(book).with_hrefs(encoded))
            .await
            .map_err(session.fail("the changed cards"))?
            .resources;
        for resource in fetched {
            let Ok(content) = resource.content else {
                continue;
            };
            match store.apply_remote_card(
                account.id,
                &resource.href,
                Some(&content.etag),
                &content.data,
                &mut matcher,
            ) {
                Ok(Received::New { .. } | Received::Matched { .. }) => counts.received += 1,
                Ok(Received::Updated { conflicts, .. }) => {
                    counts.updated += 1;
                    counts.conflicts += conflicts;
                }
                Ok(Received::Unchanged { .. } | Received::Deleted) => {}
                // One card Rapport cannot read stops nothing else.
                Err(e) if e.is_user_error() => {
                    tracing::warn!(href = %resource.href, "a card on the server was not read: {e}");
                }
                Err(e) => return Err(e.into()),
            }
        }
    }
    for href in &found.deleted {
        if store.card_removed_elsewhere(account.id, href)?.is_some() {
            counts.removed_elsewhere += 1;
        }
    }
    Ok(found.token)
}

fn card_href(book: &str, uid: &str) -> String {
    let name: String = uid
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{}/{name}.vcf", book.trim_end_matches('/'))
}

async fn etag_after_put(
    session: &Session<'_>,
    href: &str,
    given: Option<String>,
) -> Option<String> {
    match given {
        Some(etag) => Some(etag),
        None => session
            .dav
            .request(GetEtag::new(href))
            .await
            .ok()
            .map(|r| r.etag),
    }
}

/// Sends what changed in Rapport.
async fn send(
    session: &Session<'_>,
    store: &Store,
    account: &Account,
    book: &str,
    counts: &mut ContactCounts,
    progress: &mut dyn FnMut(Progress),
) -> Result<()> {
    let to_send = store.cards_to_send(account.id)?;
    let total = to_send.len();
    for (done, person) in to_send.into_iter().enumerate() {
        if done % 50 == 0 {
            progress(Progress {
                phase: Phase::Sending,
                done,
                total,
            });
        }
        let card = store.outgoing_card(person.person_id, account.card_version)?;
        const MEDIA: &str = "text/vcard; charset=utf-8";
        let (href, result) = match (&person.href, &person.etag) {
            (Some(href), Some(etag)) => (
                href.clone(),
                session
                    .dav
                    .request(PutResource::new(href).update(&card.text, MEDIA, etag))
                    .await,
            ),
            (Some(href), None) => (
                href.clone(),
                session
                    .dav
                    .request(PutResource::new(href).create(&card.text, MEDIA))
                    .await,
            ),
            (None, _) => {
                let href = card_href(book, &card.uid);
                let result = session
                    .dav
                    .request(PutResource::new(&href).create(&card.text, MEDIA))
                    .await;
                (href, result)
            }
        };
        match result {
            Ok(response) => {
                let etag = etag_after_put(session, &href, response.etag).await;
                store.card_sent(
                    account.id,
                    person.person_id,
                    &href,
                    etag.as_deref(),
                    &card.base,
                )?;
                counts.sent += 1;
            }
            // Changed (or made) on the server since Rapport last looked: the next pass brings it
            // in and merges it, and sends the result.
            Err(WebDavError::BadStatusCode(StatusCode::PRECONDITION_FAILED)) => {
                tracing::info!(%href, "the card changed on the server meanwhile; merged next pass");
            }
            Err(e) => return Err(session.fail("a card sent")(e)),
        }
    }
    Ok(())
}

/// Deletes the cards of people deleted in Rapport (after the undo hour).
async fn delete(
    session: &Session<'_>,
    store: &Store,
    account: &Account,
    counts: &mut ContactCounts,
) -> Result<()> {
    for (href, etag) in store.cards_to_delete(account.id)? {
        let result = match etag {
            Some(etag) => session
                .dav
                .request(Delete::new(&href).with_etag(etag))
                .await
                .map(|_| ()),
            None => session
                .dav
                .request(Delete::new(&href).force())
                .await
                .map(|_| ()),
        };
        match result {
            Ok(()) | Err(WebDavError::BadStatusCode(StatusCode::NOT_FOUND | StatusCode::GONE)) => {
                store.forget_card(account.id, &href)?;
                counts.deleted += 1;
            }
            // Edited elsewhere since: the next pass reads the edit (its ETag) and deletes then.
            Err(WebDavError::BadStatusCode(StatusCode::PRECONDITION_FAILED)) => {}
            Err(e) => return Err(session.fail("a card deleted")(e)),
        }
    }
    Ok(())
}

/// One pass over the account's address book.
pub(crate) async fn sync_contacts(
    session: &Session<'_>,
    store: &Store,
    account: &Account,
    progress: &mut dyn FnMut(Progress),
) -> Result<ContactCounts> {
    let book = path_of(&account.addressbook.url);
    let mut counts = ContactCounts::default();
    let mut token = receive(session, store, account, &book, &mut counts, progress).await?;
    let written = counts.sent;
    send(session, store, account, &book, &mut counts, progress).await?;
    delete(session, store, account, &mut counts).await?;
    // A sync-token names the collection as it was before this pass wrote to it, and a server
    // may leave out of the next answer a card that came and went after it (Xandikos does): the
    // changes since then are asked for once more, which lists Rapport's own writes (known by
    // their ETags, not fetched) and anything another device did meanwhile.
    let wrote = counts.sent > written || counts.deleted > 0;
    if wrote && token.as_deref().is_some_and(|t| t.starts_with("sync:")) {
        store.set_addressbook_token(account.id, token.as_deref())?;
        token = receive(session, store, account, &book, &mut counts, progress).await?;
    }
    store.set_addressbook_token(account.id, token.as_deref())?;
    Ok(counts)
}
