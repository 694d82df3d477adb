//! What a Windows toast says and carries, as plain data and XML, so it is tested on every
//! platform; `windows.rs` only loads the XML and listens.
//!
//! The toast is built here rather than with tauri-winrt-notification: that crate shows a toast it
//! builds and drops inside `show()`, so a desktop app cannot keep the `ToastNotification` alive
//! (its `Activated` event is lost once it goes), and it has no `launch` attribute, so a click on
//! the toast itself cannot say which follow-up it was about.
//!
//! Every activation hands back one string: a button's `arguments`, or the toast's `launch` for a
//! click on the toast. Both are [`Activation::argument`]s: `done:42`, `snooze:42`, `default:42`
//! (open on follow-up 42) or `default` (a summary: open on Today).

use std::path::Path;

use super::{ActionKey, Activation, Toast};

/// The AppUserModelID of Windows PowerShell, which every Windows has registered. A build run
/// from cargo's `target` folder has no Start-menu shortcut registering Rapport's own ID, and
/// Windows silently drops toasts for an ID it does not know, so dev and test builds borrow
/// PowerShell's (as tauri-plugin-notification and tauri-winrt-notification do); the toast then
/// shows PowerShell's name and icon.
pub const POWERSHELL_APP_ID: &str =
    r"{1AC14E77-02E7-4E5D-B744-2EB1AE5198B7}\WindowsPowerShell\v1.0\powershell.exe";

/// A button on a toast: its label, and the argument its activation hands back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Button {
    pub label: &'static str,
    pub argument: String,
}

/// The argument a click on the toast itself hands back: open Rapport on its follow-up, or on
/// Today for a summary.
pub fn launch_argument(toast: &Toast) -> String {
    Activation::argument(ActionKey::Open, toast.followup)
}

/// The toast's buttons: Open in Rapport, Done and Snooze on a toast about one follow-up; Open
/// alone on a summary. (A click on the toast opens Rapport too.)
pub fn buttons(toast: &Toast) -> Vec<Button> {
    toast
        .actions()
        .iter()
        .map(|&action| Button {
            label: action.label(),
            argument: Activation::argument(action, toast.followup),
        })
        .collect()
}

/// The toast's XML (the ToastGeneric template): title, body if any, the launch argument, and the
/// buttons. Windows gives a desktop app's buttons "foreground" activation by default, which only
/// raises the `Activated` event in this process; whether Rapport comes forward is up to it.
pub fn toast_xml(toast: &Toast) -> String {
    let mut xml = format!(
        r#"<toast launch="{}"><visual><binding template="ToastGeneric"><text>{}</text>"#,
        escape(&launch_argument(toast)),
        escape(&toast.title),
    );
    if !toast.body.is_empty() {
        xml.push_str(&format!("<text>{}</text>", escape(&toast.body)));
    }
    xml.push_str("</binding></visual>");
    let buttons = buttons(toast);
    if !buttons.is_empty() {
        xml.push_str("<actions>");
        for button in &buttons {
            xml.push_str(&format!(
                r#"<action content="{}" arguments="{}"/>"#,
                escape(button.label),
                escape(&button.argument),
            ));
        }
        xml.push_str("</actions>");
    }
    xml.push_str("</toast>");
    xml
}

/// What an activation of a toast about `followup` means. Every toast of ours carries arguments,
/// but should Windows hand back an empty string, it can only have been a click on the toast, so
/// it opens.
pub fn activation(arguments: &str, followup: Option<i64>) -> Option<Activation> {
    if arguments.is_empty() {
        return Some(Activation::Open { followup });
    }
    Activation::from_argument(arguments)
}

/// The AppUserModelID to show toasts under. Rapport's installers (tauri-bundler's NSIS
/// `SetLnkAppUserModelId` and WiX `<ShortcutProperty Key="System.AppUserModel.ID">`) stamp the
/// bundle identifier on the Start-menu shortcut, which is what registers it; a build run from
/// cargo's `target` folder has no shortcut, so it borrows [`POWERSHELL_APP_ID`].
///
/// Works on the path's text, splitting on both separators, so it reads Windows paths the same on
/// every platform (std's `Path` on Linux does not split on `\`).
pub fn app_user_model_id(exe: &Path, identifier: &str) -> String {
    if runs_from_cargo_target(&exe.to_string_lossy()) {
        POWERSHELL_APP_ID.to_string()
    } else {
        identifier.to_string()
    }
}

/// Whether the exe sits under a `target` folder with a cargo profile folder (`debug`, `release`)
/// somewhere below it: `target\debug\rapport.exe`, `target\debug\deps\…-hash.exe` (tests),
/// `target\x86_64-pc-windows-gnu\release\…` (cross builds). tauri-plugin-notification only
/// checks for an exe directly in `target\debug` or `target\release`, which misses test and
/// cross-built binaries. A `target` folder alone is not enough: it could be a user's name.
fn runs_from_cargo_target(exe: &str) -> bool {
    let components: Vec<&str> = exe.split(['\\', '/']).filter(|c| !c.is_empty()).collect();
    // The last component is the exe itself, not a folder.
    let folders = &components[..components.len().saturating_sub(1)];
    folders.iter().enumerate().any(|(at, folder)| {
        folder.eq_ignore_ascii_case("target")
            && folders[at + 1..].iter().any(|below| {
                below.eq_ignore_ascii_case("debug") || below.eq_ignore_ascii_case("release")
            })
    })
}

/// Text made safe for XML content and attribute values. Characters XML 1.0 forbids outright
/// (most control characters) are dropped: `LoadXml` would reject the whole toast for one of them.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            '\t' | '\n' | '\r' => escaped.push(c),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    fn about_one(followup: i64) -> Toast {
        Toast {
            title: "Follow up with Ana".into(),
            body: "Send her the deck".into(),
            followup: Some(followup),
        }
    }

    fn summary() -> Toast {
        Toast {
            title: "3 follow-ups due".into(),
            body: "Ana, Bo and Chen".into(),
            followup: None,
        }
    }

    #[test]
    fn a_toast_about_one_follow_up_offers_done_and_snooze_and_opens_on_a_click() {
        assert_eq!(
            toast_xml(&about_one(42)),
            concat!(
                r#"<toast launch="default:42"><visual><binding template="ToastGeneric">"#,
                r#"<text>Follow up with Ana</text><text>Send her the deck</text>"#,
                r#"</binding></visual><actions>"#,
                r#"<action content="Open in Rapport" arguments="default:42"/>"#,
                r#"<action content="Done" arguments="done:42"/>"#,
                r#"<action content="Snooze 1 day" arguments="snooze:42"/>"#,
                r#"</actions></toast>"#
            )
        );
    }

    #[test]
    fn a_summary_has_no_buttons_and_a_click_opens_today() {
        assert_eq!(
            toast_xml(&summary()),
            concat!(
                r#"<toast launch="default"><visual><binding template="ToastGeneric">"#,
                r#"<text>3 follow-ups due</text><text>Ana, Bo and Chen</text>"#,
                r#"</binding></visual><actions>"#,
                r#"<action content="Open in Rapport" arguments="default"/>"#,
                r#"</actions></toast>"#
            )
        );
        assert_eq!(buttons(&summary()).len(), 1);
    }

    #[test]
    fn every_argument_a_toast_carries_reads_back_as_what_it_offers() {
        let toast = about_one(7);
        assert_eq!(
            activation(&launch_argument(&toast), toast.followup),
            Some(Activation::Open { followup: Some(7) })
        );
        let read: Vec<_> = buttons(&toast)
            .iter()
            .map(|button| (button.label, activation(&button.argument, toast.followup)))
            .collect();
        assert_eq!(
            read,
            [
                (
                    "Open in Rapport",
                    Some(Activation::Open { followup: Some(7) })
                ),
                ("Done", Some(Activation::Done { followup: 7 })),
                ("Snooze 1 day", Some(Activation::Snooze { followup: 7 })),
            ]
        );
        assert_eq!(
            activation(&launch_argument(&summary()), None),
            Some(Activation::Open { followup: None })
        );
    }

    #[test]
    fn an_activation_without_arguments_is_a_click_on_the_toast() {
        assert_eq!(
            activation("", Some(7)),
            Some(Activation::Open { followup: Some(7) })
        );
        assert_eq!(
            activation("", None),
            Some(Activation::Open { followup: None })
        );
        assert_eq!(activation("reply:7", Some(7)), None);
    }

    #[test]
    fn markup_in_what_people_typed_is_shown_as_text() {
        let toast = Toast {
            title: "Lunch with O'Brien & <Partners>".into(),
            body: "He said \"Tuesday\"\nthen \"Wednesday\"".into(),
            followup: Some(1),
        };
        let xml = toast_xml(&toast);
        assert!(
            xml.contains("<text>Lunch with O&apos;Brien &amp; &lt;Partners&gt;</text>"),
            "{xml}"
        );
        assert!(
            xml.contains("<text>He said &quot;Tuesday&quot;\nthen &quot;Wednesday&quot;</text>"),
            "{xml}"
        );
    }

    #[test]
    fn characters_xml_forbids_are_dropped_and_the_rest_kept() {
        let toast = Toast {
            title: "Call\u{7} José Núñez \u{1F4DE}".into(),
            body: "tab\there\u{0}".into(),
            followup: Some(1),
        };
        let xml = toast_xml(&toast);
        assert!(
            xml.contains("<text>Call José Núñez \u{1F4DE}</text>"),
            "{xml}"
        );
        assert!(xml.contains("<text>tab\there</text>"), "{xml}");
    }

    #[test]
    fn an_empty_body_leaves_only_the_title() {
        let toast = Toast {
            body: String::new(),
            ..about_one(3)
        };
        assert!(toast_xml(&toast).contains(
            r#"<binding template="ToastGeneric"><text>Follow up with Ana</text></binding>"#
        ));
    }

    fn aumid(exe: &str) -> String {
        app_user_model_id(Path::new(exe), "org.rapport.app")
    }

    #[test]
    fn an_installed_rapport_uses_the_id_its_start_menu_shortcut_registers() {
        // Per-user NSIS install, per-machine install, and a user whose name is "target".
        for exe in [
            r"C:\Users\José Núñez\AppData\Local\Rapport\rapport.exe",
            r"C:\Program Files\Rapport\rapport.exe",
            r"C:\Users\target\AppData\Local\Rapport\rapport.exe",
            r"D:\Apps\Rapport (portable)\debug\rapport.exe",
            r"\\?\C:\Users\José Núñez\AppData\Local\Rapport\rapport.exe",
        ] {
            assert_eq!(aumid(exe), "org.rapport.app", "{exe}");
        }
    }

    #[test]
    fn a_build_run_from_cargos_target_folder_borrows_powershells_id() {
        for exe in [
            r"C:\Users\José Núñez\src\rapport\target\debug\rapport.exe",
            r"C:\Users\José Núñez\src\rapport\target\release\rapport.exe",
            r"C:\Users\José Núñez\src\rapport\Target\Debug\rapport.exe",
            r"C:\Users\José Núñez\src\rapport\target\debug\deps\rapport_reminders-1a2b3c.exe",
            r"Z:\work\main\target\x86_64-pc-windows-gnu\debug\deps\rapport_reminders-1a2b3c.exe",
            "/home/josé/rapport/target/release/rapport.exe",
        ] {
            assert_eq!(aumid(exe), POWERSHELL_APP_ID, "{exe}");
        }
    }

    #[test]
    fn the_exe_name_alone_does_not_make_a_dev_build() {
        assert_eq!(
            aumid(r"C:\Program Files\target\release.exe"),
            "org.rapport.app"
        );
        assert_eq!(aumid("rapport.exe"), "org.rapport.app");
        assert_eq!(aumid(""), "org.rapport.app");
    }

    #[test]
    fn powershells_id_is_the_known_constant() {
        assert_eq!(
            POWERSHELL_APP_ID,
            "{1AC14E77-02E7-4E5D-B744-2EB1AE5198B7}\\WindowsPowerShell\\v1.0\\powershell.exe"
        );
    }
}
