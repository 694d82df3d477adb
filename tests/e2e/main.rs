//! End-to-end tests of the real binary in a real WebKit window, driven through tauri-driver.
//! Run under `xvfb-run -a` (the README's test command does); each test has its own data folder
//! and its own D-Bus session bus.

mod accessibility;
mod agent;
mod coach;
mod desktop;
mod faces;
mod harness;
mod keyboard;
mod map;
mod map_perf;
mod network;
mod notifications;
mod panel;
mod people;
#[path = "../sync/servers.rs"]
#[allow(dead_code)]
mod servers;
mod sync;
mod workflow;
