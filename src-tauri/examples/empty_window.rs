//! The yardstick for Rapport's start-up time: an empty Tauri window, built the same way as
//! Rapport (same Tauri, same release profile, same configuration and embedded assets), that
//! prints `painted` once its page has painted. `scripts/perf/measure_app.py` times it from
//! process start to that line. The page reports by navigating to a URL the app refuses, so it
//! needs no command and no permission.

use tauri::{WebviewUrl, WebviewWindowBuilder};

const PAGE: &str = "<!doctype html><meta charset=utf-8><title>Empty</title><body>
<script>requestAnimationFrame(() => setTimeout(() => { location.href = 'empty://painted/'; }, 0));</script>";

fn main() {
    tauri::Builder::default()
        .register_uri_scheme_protocol("empty", |_context, _request| {
            tauri::http::Response::builder()
                .header("content-type", "text/html; charset=utf-8")
                .body(PAGE.as_bytes().to_vec())
                .unwrap()
        })
        .setup(|app| {
            WebviewWindowBuilder::new(
                app,
                "main",
                WebviewUrl::CustomProtocol("empty://localhost/".parse()?),
            )
            .title("Empty")
            .inner_size(1100.0, 720.0)
            .on_navigation(|url| {
                if url.host_str() == Some("painted") {
                    println!("painted");
                    return false;
                }
                true
            })
            .build()?;
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("run the empty window");
}
