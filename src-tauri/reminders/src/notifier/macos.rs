//! Notifications on macOS. From an app bundle, `UNUserNotificationCenter`
//! (objc2-user-notifications) with the Done and Snooze buttons of [`category`](super::category);
//! a delegate hears what the person did while Rapport runs. Outside a bundle (`cargo run`, tests), asking for the
//! notification centre aborts the process, so a plain notifier (mac-notification-sys, the
//! deprecated `NSUserNotificationCenter`) shows them without buttons instead.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{mpsc, Arc};
use std::time::Duration;

use block2::RcBlock;
use objc2::rc::Retained;
use objc2::runtime::{AnyObject, Bool, NSObject, NSObjectProtocol, ProtocolObject};
use objc2::{define_class, msg_send, AnyThread, DefinedClass};
use objc2_foundation::{NSArray, NSBundle, NSDictionary, NSError, NSSet, NSString};
use objc2_user_notifications::{
    UNAuthorizationOptions, UNErrorCode, UNMutableNotificationContent, UNNotification,
    UNNotificationAction, UNNotificationActionOptions, UNNotificationCategory,
    UNNotificationCategoryOptions, UNNotificationContent, UNNotificationPresentationOptions,
    UNNotificationRequest, UNNotificationResponse, UNNotificationSound, UNUserNotificationCenter,
    UNUserNotificationCenterDelegate,
};

use super::category;
use super::{AppIdentity, Notifier, NotifyError, OnActivation, Toast};

/// This Mac's notifier: the notification centre from an app bundle, the plain one elsewhere.
pub fn notifier(app: AppIdentity, on_activation: OnActivation) -> Box<dyn Notifier> {
    let exe = std::env::current_exe()
        .map(|exe| exe.to_string_lossy().into_owned())
        .unwrap_or_default();
    let bundle_identifier = NSBundle::mainBundle()
        .bundleIdentifier()
        .map(|identifier| identifier.to_string());
    if category::runs_in_app_bundle(&exe, bundle_identifier.as_deref()) {
        Box::new(NotificationCentre::new(on_activation))
    } else {
        tracing::info!(%exe, "not running from an app bundle: notifications without buttons");
        Box::new(Unbundled::new(&app))
    }
}

/// How long `show` waits for the centre to say whether it took a notification.
const ADD_TIMEOUT: Duration = Duration::from_secs(5);

/// How long the first notification waits for the person to answer the permission prompt.
const AUTHORIZATION_WAIT: Duration = Duration::from_secs(120);

/// What the person answered when asked to allow notifications.
const UNANSWERED: u8 = 0;
const ALLOWED: u8 = 1;
const REFUSED: u8 = 2;

/// The delegate's state: what to do when the person acts on a notification.
struct DelegateIvars {
    on_activation: OnActivation,
}

define_class!(
    // SAFETY: NSObject has no subclassing requirements, and `Delegate` does not implement Drop.
    // Its ivars are Send + Sync, so it may be called on whichever queue the centre uses.
    #[unsafe(super(NSObject))]
    #[ivars = DelegateIvars]
    struct Delegate;

    unsafe impl NSObjectProtocol for Delegate {}

    unsafe impl UNUserNotificationCenterDelegate for Delegate {
        /// A notification arriving while Rapport is frontmost is shown all the same (macOS hides
        /// it otherwise): a due follow-up matters whichever app is in front.
        #[unsafe(method(userNotificationCenter:willPresentNotification:withCompletionHandler:))]
        fn will_present(
            &self,
            _center: &UNUserNotificationCenter,
            _notification: &UNNotification,
            completion_handler: &block2::DynBlock<dyn Fn(UNNotificationPresentationOptions)>,
        ) {
            completion_handler.call((UNNotificationPresentationOptions::Banner
                | UNNotificationPresentationOptions::List
                | UNNotificationPresentationOptions::Sound,));
        }

        /// A click on a notification or one of its buttons. The completion handler is called
        /// whatever happens, as the centre requires (a panic is caught rather than unwinding
        /// into it).
        #[unsafe(method(userNotificationCenter:didReceiveNotificationResponse:withCompletionHandler:))]
        fn did_receive(
            &self,
            _center: &UNUserNotificationCenter,
            response: &UNNotificationResponse,
            completion_handler: &block2::DynBlock<dyn Fn()>,
        ) {
            let action = response.actionIdentifier().to_string();
            let followup = followup_of(&response.notification().request().content());
            if let Some(activation) = category::activation(&action, followup) {
                let on_activation = &self.ivars().on_activation;
                if catch_unwind(AssertUnwindSafe(|| on_activation(activation))).is_err() {
                    tracing::error!(?activation, "acting on a notification panicked");
                }
            }
            completion_handler.call(());
        }
    }
);

impl Delegate {
    fn new(on_activation: OnActivation) -> Retained<Delegate> {
        let this = Delegate::alloc().set_ivars(DelegateIvars { on_activation });
        // SAFETY: NSObject's designated initializer, on a freshly allocated object.
        unsafe { msg_send![super(this), init] }
    }
}

/// The follow-up a delivered notification is about, from its `userInfo`.
fn followup_of(content: &UNNotificationContent) -> Option<i64> {
    let key = NSString::from_str(category::FOLLOWUP_KEY);
    let value = content.userInfo().objectForKey(&key)?;
    let value = value.downcast::<NSString>().ok()?.to_string();
    category::followup_from_value(Some(value.as_str()))
}

/// Notifications through `UNUserNotificationCenter`, with buttons and a delegate.
struct NotificationCentre {
    /// Kept alive here: the centre holds its delegate weakly.
    _delegate: Retained<Delegate>,
    /// [`UNANSWERED`], [`ALLOWED`] or [`REFUSED`], set by the authorization request's answer.
    authorization: Arc<AtomicU8>,
}

impl NotificationCentre {
    fn new(on_activation: OnActivation) -> NotificationCentre {
        let center = UNUserNotificationCenter::currentNotificationCenter();
        let delegate = Delegate::new(on_activation);
        let as_delegate: &ProtocolObject<dyn UNUserNotificationCenterDelegate> =
            ProtocolObject::from_ref(&*delegate);
        center.setDelegate(Some(as_delegate));
        register_category(&center);
        let authorization = Arc::new(AtomicU8::new(UNANSWERED));
        // Asks once: macOS prompts the first time only, and answers later requests with the
        // person's decision at once.
        request_authorization(&center, authorization.clone());
        NotificationCentre {
            _delegate: delegate,
            authorization,
        }
    }
}

/// Registers the category whose notifications carry the Done and Snooze buttons.
fn register_category(center: &UNUserNotificationCenter) {
    let actions: Vec<Retained<UNNotificationAction>> = category::actions()
        .iter()
        .map(|action| {
            let options = if action.foreground {
                UNNotificationActionOptions::Foreground
            } else {
                UNNotificationActionOptions::empty()
            };
            UNNotificationAction::actionWithIdentifier_title_options(
                &NSString::from_str(action.identifier),
                &NSString::from_str(action.title),
                options,
            )
        })
        .collect();
    let no_intents = NSArray::<NSString>::new();
    let followup = UNNotificationCategory::categoryWithIdentifier_actions_intentIdentifiers_options(
        &NSString::from_str(category::CATEGORY_IDENTIFIER),
        &NSArray::from_retained_slice(&actions),
        &no_intents,
        UNNotificationCategoryOptions::empty(),
    );
    center.setNotificationCategories(&NSSet::from_retained_slice(&[followup]));
}

/// Asks to show alerts with sound; the answer lands in `authorization`.
fn request_authorization(center: &UNUserNotificationCenter, authorization: Arc<AtomicU8>) {
    let answered = RcBlock::new(move |granted: Bool, error: *mut NSError| {
        if granted.as_bool() {
            authorization.store(ALLOWED, Ordering::SeqCst);
        } else {
            // SAFETY: the centre passes a valid NSError or null.
            let why =
                unsafe { error.as_ref() }.map(|error| error.localizedDescription().to_string());
            tracing::info!(?why, "notifications are not allowed for Rapport");
            authorization.store(REFUSED, Ordering::SeqCst);
        }
    });
    center.requestAuthorizationWithOptions_completionHandler(
        UNAuthorizationOptions::Alert | UNAuthorizationOptions::Sound,
        &answered,
    );
}

/// The notification for a toast: sound, the category for one follow-up and its id in
/// `userInfo`, and an identifier per follow-up.
fn request_for(toast: &Toast) -> Retained<UNNotificationRequest> {
    let content = UNMutableNotificationContent::new();
    content.setTitle(&NSString::from_str(&toast.title));
    content.setBody(&NSString::from_str(&toast.body));
    content.setSound(Some(&*UNNotificationSound::defaultSound()));
    if let Some(category) = category::category_for(toast.followup) {
        content.setCategoryIdentifier(&NSString::from_str(category));
    }
    if let Some(followup) = toast.followup {
        let key = NSString::from_str(category::FOLLOWUP_KEY);
        let value = NSString::from_str(&category::followup_value(followup));
        let user_info: Retained<NSDictionary<NSString, NSString>> =
            NSDictionary::from_slices(&[&*key], &[&*value]);
        // SAFETY: strings are property-list values, as userInfo requires; the dictionary is only
        // read as `NSDictionary<AnyObject, AnyObject>`, which every dictionary is.
        unsafe { content.setUserInfo(user_info.cast_unchecked::<AnyObject, AnyObject>()) };
    }
    UNNotificationRequest::requestWithIdentifier_content_trigger(
        &NSString::from_str(&category::request_identifier(toast.followup)),
        &content,
        None,
    )
}

impl Notifier for NotificationCentre {
    fn show(&mut self, toast: &Toast) -> Result<(), NotifyError> {
        let center = UNUserNotificationCenter::currentNotificationCenter();
        // At the first start the person is being asked; what is shown meanwhile would be refused
        // and lost (its delivery is already recorded), so wait for their answer, up to a while.
        let asked = std::time::Instant::now();
        while self.authorization.load(Ordering::SeqCst) == UNANSWERED
            && asked.elapsed() < AUTHORIZATION_WAIT
        {
            std::thread::sleep(Duration::from_millis(100));
        }
        if self.authorization.load(Ordering::SeqCst) == REFUSED {
            // Remembered, so this one is not even tried; asked again in the background (no
            // prompt, just the current decision) so turning them on in System Settings is
            // noticed by the next one.
            request_authorization(&center, self.authorization.clone());
            return Err(NotifyError::Refused(
                "notifications are off for Rapport in System Settings".into(),
            ));
        }

        // The centre answers on a queue of its own; waited for (briefly) so a refusal or a
        // failure is reported by this `show`.
        let (sender, receiver) = mpsc::sync_channel(1);
        let added = RcBlock::new(move |error: *mut NSError| {
            // SAFETY: the centre passes a valid NSError or null.
            let failure = unsafe { error.as_ref() }.map(|error| {
                let domain = error.domain().to_string();
                let refused = domain == "UNErrorDomain"
                    && error.code() == UNErrorCode::NotificationsNotAllowed.0;
                (refused, error.localizedDescription().to_string())
            });
            let _ = sender.try_send(failure);
        });
        center.addNotificationRequest_withCompletionHandler(&request_for(toast), Some(&*added));

        match receiver.recv_timeout(ADD_TIMEOUT) {
            Ok(None) => Ok(()),
            // Not allowed while the person has yet to answer the prompt: this one is lost, but
            // notifications are not known to be off.
            Ok(Some((true, why))) if self.authorization.load(Ordering::SeqCst) == UNANSWERED => {
                Err(NotifyError::Failed(format!(
                    "{why} (waiting to be allowed)"
                )))
            }
            Ok(Some((true, why))) => {
                self.authorization.store(REFUSED, Ordering::SeqCst);
                Err(NotifyError::Refused(why))
            }
            Ok(Some((false, why))) => Err(NotifyError::Failed(why)),
            // No answer in time: the request was handed over, and nothing said it failed.
            Err(_) => Ok(()),
        }
    }
}

/// Notifications for a process outside an app bundle, through mac-notification-sys: no buttons,
/// and no word of clicks.
struct Unbundled;

impl Unbundled {
    fn new(app: &AppIdentity) -> Unbundled {
        // Notifications must be shown as some installed app's: Rapport's if it is installed
        // (found by name), otherwise Terminal's, as tauri-plugin-notification does in dev.
        let shown_as = mac_notification_sys::get_bundle_identifier(&app.name)
            .unwrap_or_else(|| "com.apple.Terminal".to_string());
        // Can be set once per process; a second notifier keeps the first one's.
        if let Err(error) = mac_notification_sys::set_application(&shown_as) {
            tracing::debug!(%error, "kept the application notifications are shown as");
        }
        Unbundled
    }
}

impl Notifier for Unbundled {
    fn show(&mut self, toast: &Toast) -> Result<(), NotifyError> {
        let mut options = mac_notification_sys::Notification::new();
        // Asynchronous: `show` must not wait for a click it could not act on.
        options.asynchronous(true).default_sound();
        mac_notification_sys::send_notification(&toast.title, None, &toast.body, Some(&options))
            .map(|_| ())
            .map_err(|error| NotifyError::Failed(error.to_string()))
    }
}
