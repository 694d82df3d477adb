//! One pass over the account's calendar, one way: each follow-up and meeting that should be
//! there is sent when new or changed, and each event sent whose follow-up is done, dismissed,
//! moved out of the window or gone is deleted.

use std::collections::HashSet;

use http::StatusCode;
use libdav::dav::{Delete, GetEtag, PutResource, WebDavError};
use rapport_core::sync::Account;
use rapport_core::Store;
use serde::Serialize;

use crate::discovery::Session;
use crate::error::Result;
use crate::progress::{Phase, Progress};

const MEDIA: &str = "text/calendar; charset=utf-8";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EventCounts {
    pub sent: usize,
    pub removed: usize,
}

fn event_href(calendar: &str, uid: &str) -> String {
    format!("{}/{uid}.ics", calendar.trim_end_matches('/'))
}

pub(crate) async fn sync_events(
    session: &Session<'_>,
    store: &Store,
    account: &Account,
    progress: &mut dyn FnMut(Progress),
) -> Result<EventCounts> {
    let calendar = account
        .calendar
        .url
        .parse::<http::Uri>()
        .map(|u| u.path().to_string())
        .unwrap_or_else(|_| account.calendar.url.clone());
    let mut counts = EventCounts::default();
    let wanted = store.events_to_sync()?;
    let sent = store.sent_events(account.id)?;
    let total = wanted.len();
    for (done, event) in wanted.iter().enumerate() {
        if done % 50 == 0 {
            progress(Progress {
                phase: Phase::Events,
                done,
                total,
            });
        }
        let before = sent.get(&event.source);
        if before.is_some_and(|b| b.text == event.text) {
            continue;
        }
        let href = before
            .map(|b| b.href.clone())
            .unwrap_or_else(|| event_href(&calendar, &event.uid));
        let mut result = match before.and_then(|b| b.etag.as_deref()) {
            Some(etag) => {
                session
                    .dav
                    .request(PutResource::new(&href).update(&event.text, MEDIA, etag))
                    .await
            }
            None => {
                session
                    .dav
                    .request(PutResource::new(&href).create(&event.text, MEDIA))
                    .await
            }
        };
        // Rapport owns these events (one way): one edited on a phone, or left by a pass cut
        // short, is replaced with what Rapport has, at its current ETag.
        if matches!(
            result,
            Err(WebDavError::BadStatusCode(StatusCode::PRECONDITION_FAILED))
        ) {
            result = match session.dav.request(GetEtag::new(&href)).await {
                Ok(current) => {
                    session
                        .dav
                        .request(PutResource::new(&href).update(&event.text, MEDIA, &current.etag))
                        .await
                }
                Err(_) => {
                    session
                        .dav
                        .request(PutResource::new(&href).create(&event.text, MEDIA))
                        .await
                }
            };
        }
        let response = result.map_err(session.fail("an event sent"))?;
        let etag = match response.etag {
            Some(etag) => Some(etag),
            None => session
                .dav
                .request(GetEtag::new(&href))
                .await
                .ok()
                .map(|r| r.etag),
        };
        store.event_sent(
            account.id,
            &event.source,
            &href,
            etag.as_deref(),
            &event.text,
        )?;
        counts.sent += 1;
    }
    if total > 0 {
        progress(Progress {
            phase: Phase::Events,
            done: total,
            total,
        });
    }
    let wanted: HashSet<&str> = wanted.iter().map(|e| e.source.as_str()).collect();
    for (source, event) in &sent {
        if wanted.contains(source.as_str()) {
            continue;
        }
        match session.dav.request(Delete::new(&event.href).force()).await {
            Ok(_) | Err(WebDavError::BadStatusCode(StatusCode::NOT_FOUND | StatusCode::GONE)) => {
                store.forget_event(account.id, source)?;
                counts.removed += 1;
            }
            Err(e) => return Err(session.fail("an event removed")(e)),
        }
    }
    Ok(counts)
}
