//! Faces made in the test, as phones and address books carry them: a JPEG of an iPhone
//! contact's size, a small PNG, base64 folded the way each vCard version folds it, and a PNG
//! header that claims more pixels than Rapport decodes.

#![allow(dead_code)]

use base64::Engine;
use image::{ImageEncoder, Rgb, RgbImage};

/// A 600 × 600 JPEG with a face-like disc and texture (noise keeps it near what a real photo
/// weighs: about 50-100 KB).
pub fn iphone_jpeg() -> Vec<u8> {
    let mut seed: u32 = 0x1234_5678;
    let image = RgbImage::from_fn(600, 600, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        let noise = (seed % 14) as i32 - 7;
        let (dx, dy) = (x as i32 - 300, y as i32 - 260);
        let inside = dx * dx + dy * dy < 170 * 170;
        let base = if inside {
            [224, 172, 140]
        } else {
            [40 + (y / 5) as i32, 90, 160]
        };
        Rgb(base.map(|c| (c + noise).clamp(0, 255) as u8))
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85)
        .encode_image(&image)
        .unwrap();
    out
}

/// A 120 × 80 PNG with transparency.
pub fn small_png() -> Vec<u8> {
    let image = image::RgbaImage::from_fn(120, 80, |x, y| {
        image::Rgba([x as u8 * 2, y as u8 * 3, 200, if x < 20 { 0 } else { 255 }])
    });
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(&image, 120, 80, image::ExtendedColorType::Rgba8)
        .unwrap();
    out
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &byte in bytes {
        crc ^= byte as u32;
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A valid PNG header for 6000 × 5000 pixels (30 megapixels), with no pixels in it: only
/// its header is ever read.
pub fn huge_png_header() -> Vec<u8> {
    let mut out = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    let mut chunk = b"IHDR".to_vec();
    chunk.extend(6000u32.to_be_bytes());
    chunk.extend(5000u32.to_be_bytes());
    chunk.extend([8, 2, 0, 0, 0]);
    out.extend(13u32.to_be_bytes());
    out.extend(&chunk);
    out.extend(crc32(&chunk).to_be_bytes());
    for name in [b"IDAT", b"IEND"] {
        out.extend(0u32.to_be_bytes());
        out.extend(name);
        out.extend(crc32(name).to_be_bytes());
    }
    out
}

pub fn base64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Base64 folded as vCard 2.1 writes it: 76 characters a line, each continuation line starting
/// with a space, and a blank line after the last.
pub fn folded_2_1(bytes: &[u8]) -> String {
    let text = base64(bytes);
    let lines: Vec<&str> = text
        .as_bytes()
        .chunks(76)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect();
    format!("\r\n {}\r\n\r\n", lines.join("\r\n "))
}

/// A property folded as 3.0 and 4.0 write it: lines of 75 octets, continued with a space.
pub fn folded(line: &str) -> String {
    let mut out = String::new();
    let bytes = line.as_bytes();
    let mut start = 0;
    let mut width = 75;
    while start < bytes.len() {
        let end = (start + width).min(bytes.len());
        if start > 0 {
            out.push_str("\r\n ");
        }
        out.push_str(&line[start..end]);
        start = end;
        width = 74;
    }
    out.push_str("\r\n");
    out
}
