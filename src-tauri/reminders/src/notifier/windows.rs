//! Toasts on Windows, through WinRT's `Windows.UI.Notifications` (the `windows` crate), with the
//! XML from [`toast_xml`](super::toast_xml).
//!
//! A desktop (unpackaged) app hears about a click on its toast, or on one of its buttons, from
//! the `ToastNotification`'s `Activated` event, and only while that object lives in the process:
//! so every toast shown is kept here until the person has acted on it or closed it. (Hearing of a
//! toast acted on after Rapport has quit would need a COM activator registered with the
//! Start-menu shortcut, which Rapport does not have.)
//!
//! No COM set-up is needed: windows-rs joins the process-wide multithreaded apartment the first
//! time a thread without one asks for a WinRT class, and events then arrive on pool threads
//! without anyone pumping messages. (So `show` must not be called from a single-threaded
//! apartment that never pumps messages; the reminder loop's own thread is fine.)

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, Weak};

use windows::core::{IInspectable, Interface, HRESULT, HSTRING};
use windows::Data::Xml::Dom::XmlDocument;
use windows::Foundation::TypedEventHandler;
use windows::UI::Notifications::{
    NotificationSetting, ToastActivatedEventArgs, ToastDismissalReason, ToastDismissedEventArgs,
    ToastFailedEventArgs, ToastNotification, ToastNotificationManager, ToastNotifier,
};

use super::toast_xml;
use super::{AppIdentity, Notifier, NotifyError, OnActivation, Toast};

/// How many shown toasts are kept for their events at most. Action Center keeps a toast until
/// the person clears it, so a toast that timed out can still be clicked; past this many, the
/// oldest are let go (what is done with them is then no longer heard).
const KEPT_AT_MOST: usize = 64;

/// `REGDB_E_CLASSNOTREG`: this Windows has no toast platform (Server Core, for one).
const CLASS_NOT_REGISTERED: HRESULT = HRESULT(0x8004_0154_u32 as i32);

/// Shows toasts under Rapport's AppUserModelID and reports what the person did with them.
pub struct WinToasts {
    app_id: HSTRING,
    on_activation: OnActivation,
    notifier: Option<ToastNotifier>,
    kept: Arc<Mutex<Kept>>,
    next_id: u64,
}

/// The toasts kept alive for their events, by the order they were shown in, and the ones whose
/// events said they are finished with. A toast is never let go inside its own event handler
/// (that could release it while Windows is still calling it): handlers only note it as finished,
/// and the next `show` lets it go.
#[derive(Default)]
struct Kept {
    shown: BTreeMap<u64, ToastNotification>,
    finished: Vec<u64>,
}

impl WinToasts {
    pub fn new(app: AppIdentity, on_activation: OnActivation) -> WinToasts {
        let exe = std::env::current_exe().unwrap_or_default();
        let app_id = toast_xml::app_user_model_id(&exe, &app.identifier);
        tracing::debug!(%app_id, "showing toasts under this AppUserModelID");
        WinToasts {
            app_id: HSTRING::from(app_id.as_str()),
            on_activation,
            notifier: None,
            kept: Arc::default(),
            next_id: 0,
        }
    }

    /// The toast notifier for Rapport's ID, made on first use and kept; made again after a
    /// failure.
    fn notifier(&mut self) -> Result<ToastNotifier, NotifyError> {
        if let Some(notifier) = &self.notifier {
            return Ok(notifier.clone());
        }
        let notifier = ToastNotificationManager::CreateToastNotifierWithId(&self.app_id)
            .map_err(|error| failure("could not reach the toast platform", &error))?;
        self.notifier = Some(notifier.clone());
        Ok(notifier)
    }

    /// Lets go of the toasts that are finished with, and of the oldest past [`KEPT_AT_MOST`].
    fn tidy(&self) {
        let Ok(mut kept) = self.kept.lock() else {
            return;
        };
        let Kept { shown, finished } = &mut *kept;
        for id in finished.drain(..) {
            shown.remove(&id);
        }
        while shown.len() >= KEPT_AT_MOST {
            shown.pop_first();
        }
    }

    fn keep(&self, id: u64, toast: &ToastNotification) {
        if let Ok(mut kept) = self.kept.lock() {
            kept.shown.insert(id, toast.clone());
        }
    }

    fn forget(&self, id: u64) {
        if let Ok(mut kept) = self.kept.lock() {
            kept.shown.remove(&id);
        }
    }

    /// Listens to the toast's events: an activation goes to `on_activation`; an activation, a
    /// dismissal by the person or a failure finishes with the toast. A toast that timed out went
    /// to Action Center, where it can still be clicked, so it is kept.
    fn listen(
        &self,
        toast: &ToastNotification,
        id: u64,
        followup: Option<i64>,
    ) -> windows::core::Result<()> {
        let on_activation = self.on_activation.clone();
        let kept = Arc::downgrade(&self.kept);
        let activated =
            TypedEventHandler::<ToastNotification, IInspectable>::new(move |_, args| {
                let arguments = args
                    .as_ref()
                    .and_then(|args| args.cast::<ToastActivatedEventArgs>().ok())
                    .and_then(|args| args.Arguments().ok())
                    .map(|arguments| arguments.to_string_lossy())
                    .unwrap_or_default();
                match toast_xml::activation(&arguments, followup) {
                    Some(activation) => on_activation(activation),
                    None => tracing::warn!(%arguments, "a toast handed back an unknown argument"),
                }
                finished(&kept, id);
                Ok(())
            });
        toast.Activated(&activated)?;

        let kept = Arc::downgrade(&self.kept);
        let dismissed =
            TypedEventHandler::<ToastNotification, ToastDismissedEventArgs>::new(move |_, args| {
                let reason = args.as_ref().and_then(|args| args.Reason().ok());
                if reason != Some(ToastDismissalReason::TimedOut) {
                    finished(&kept, id);
                }
                Ok(())
            });
        toast.Dismissed(&dismissed)?;

        let kept = Arc::downgrade(&self.kept);
        let failed =
            TypedEventHandler::<ToastNotification, ToastFailedEventArgs>::new(move |_, args| {
                let code = args.as_ref().and_then(|args| args.ErrorCode().ok());
                tracing::warn!(?code, "Windows could not show a toast");
                finished(&kept, id);
                Ok(())
            });
        toast.Failed(&failed)?;
        Ok(())
    }
}

/// Notes, from an event handler, that a toast is finished with (see [`Kept`]).
fn finished(kept: &Weak<Mutex<Kept>>, id: u64) {
    if let Some(kept) = kept.upgrade() {
        if let Ok(mut kept) = kept.lock() {
            kept.finished.push(id);
        }
    }
}

impl Notifier for WinToasts {
    fn show(&mut self, toast: &Toast) -> Result<(), NotifyError> {
        self.tidy();
        let notifier = self.notifier()?;

        // Turned off in Settings (for Rapport, for all apps, or by policy): say so rather than
        // "show" a toast nobody sees. For an ID Windows has no settings for (PowerShell's, or
        // one no shortcut registers) this fails; then just try.
        if let Ok(setting) = notifier.Setting() {
            if let Some(why) = refusal(setting) {
                return Err(NotifyError::Refused(why.to_string()));
            }
        }

        let content = XmlDocument::new()
            .and_then(|document| {
                document.LoadXml(&HSTRING::from(toast_xml::toast_xml(toast)))?;
                Ok(document)
            })
            .map_err(|error| failure("could not build the toast", &error))?;
        let shown = ToastNotification::CreateToastNotification(&content)
            .map_err(|error| failure("could not build the toast", &error))?;

        let id = self.next_id;
        self.next_id += 1;
        self.listen(&shown, id, toast.followup)
            .map_err(|error| failure("could not listen to the toast", &error))?;
        // Kept from before it shows, so it is alive for its first event.
        self.keep(id, &shown);
        if let Err(error) = notifier.Show(&shown) {
            self.forget(id);
            // The notifier may be what went wrong (the platform restarted): make it again next
            // time.
            self.notifier = None;
            return Err(failure("could not show the toast", &error));
        }
        Ok(())
    }
}

/// Why toasts are turned off, for a setting that turns them off.
fn refusal(setting: NotificationSetting) -> Option<&'static str> {
    match setting {
        NotificationSetting::Enabled => None,
        NotificationSetting::DisabledForApplication => Some("turned off for Rapport in Settings"),
        NotificationSetting::DisabledForUser => Some("turned off for all apps in Settings"),
        NotificationSetting::DisabledByGroupPolicy => Some("turned off by group policy"),
        NotificationSetting::DisabledByManifest => Some("turned off by the app's manifest"),
        _ => Some("turned off"),
    }
}

fn failure(what: &str, error: &windows::core::Error) -> NotifyError {
    if error.code() == CLASS_NOT_REGISTERED {
        NotifyError::ServiceMissing(format!("{what}: this Windows has no toast notifications"))
    } else {
        NotifyError::Failed(format!("{what}: {error}"))
    }
}
