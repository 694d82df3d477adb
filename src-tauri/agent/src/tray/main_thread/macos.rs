//! The main thread's loop on macOS: the shared `NSApplication`, as an accessory (a menu-bar
//! item with no Dock icon and no menu bar of its own). Work from other threads goes through the
//! main dispatch queue, which the application's run loop serves.

use dispatch2::DispatchQueue;
use objc2::MainThreadMarker;
use objc2_app_kit::{NSApplication, NSApplicationActivationPolicy};

/// Posts work to the main thread.
#[derive(Clone)]
pub struct MainThread(());

impl MainThread {
    /// Sets up the application; on the main thread, before [`run`].
    pub fn new() -> Result<MainThread, String> {
        let main = MainThreadMarker::new().ok_or("the tray is made on the main thread")?;
        let app = NSApplication::sharedApplication(main);
        if !app.setActivationPolicy(NSApplicationActivationPolicy::Accessory) {
            tracing::warn!("cannot keep the agent out of the Dock");
        }
        Ok(MainThread(()))
    }

    pub fn post(&self, job: impl FnOnce() + Send + 'static) {
        DispatchQueue::main().exec_async(job);
    }
}

/// Runs the application until [`quit`].
pub fn run() {
    match MainThreadMarker::new() {
        Some(main) => NSApplication::sharedApplication(main).run(),
        None => tracing::error!("the agent's loop must run on the main thread"),
    }
}

/// Ends the agent; on the main thread. `NSApplication`'s `stop:` only takes effect after the
/// next event, which may not come: the process ends here instead, as `terminate:` would.
pub fn quit() {
    std::process::exit(0);
}
