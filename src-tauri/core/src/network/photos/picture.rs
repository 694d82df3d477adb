//! Reading a photo's bytes: what kind of image it is, whether it is within the limits, and its
//! thumbnail. The original is never re-encoded; only the thumbnail is made here.

use std::io::Cursor;
use std::time::Instant;

use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

use crate::error::{Error, Result};

/// A photo larger than this is not a contact's face (iPhone's are 50-200 KB; a camera's full
/// picture is a few MB): it is refused rather than carried in every export.
pub const MAX_PHOTO_BYTES: usize = 5 * 1024 * 1024;
/// Decoded, at most this many pixels (24 megapixels, 6000 × 4000), so that a small file that
/// claims to be huge cannot take the memory; checked from the header, before decoding.
pub const MAX_PHOTO_PIXELS: u64 = 24_000_000;
/// Neither side longer than this.
pub const MAX_PHOTO_SIDE: u32 = 12_000;
/// Thumbnails are this many pixels square: a list row's 32-pixel face at three times the
/// density, and the person page's at once.
pub const THUMBNAIL_SIDE: u32 = 96;
const THUMBNAIL_QUALITY: u8 = 80;

/// A photo read and checked, with its thumbnail, ready to be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    /// `image/jpeg` or `image/png`.
    pub media_type: &'static str,
    /// The bytes exactly as they came.
    pub original: Vec<u8>,
    pub width: u32,
    pub height: u32,
    /// A `THUMBNAIL_SIDE`-pixel square JPEG, centred.
    pub thumbnail: Vec<u8>,
}

fn refused(message: impl Into<String>) -> Error {
    Error::invalid("photo", message)
}

/// Reads `bytes` as a JPEG or PNG photo and makes its thumbnail. The error says why a photo
/// cannot be kept, in words for the person page and the import's list of what was skipped.
pub fn read_picture(bytes: &[u8]) -> Result<Picture> {
    if bytes.is_empty() {
        return Err(refused("The photo is empty."));
    }
    if bytes.len() > MAX_PHOTO_BYTES {
        return Err(refused(format!(
            "The photo is {:.1} MB; Rapport keeps photos of up to {} MB.",
            bytes.len() as f64 / (1024.0 * 1024.0),
            MAX_PHOTO_BYTES / (1024 * 1024)
        )));
    }
    let format = image::guess_format(bytes).ok();
    let media_type = match format {
        Some(ImageFormat::Jpeg) => "image/jpeg",
        Some(ImageFormat::Png) => "image/png",
        Some(other) => {
            return Err(refused(format!(
                "The photo is a {} image; Rapport keeps JPEG and PNG photos.",
                other
                    .extensions_str()
                    .first()
                    .unwrap_or(&"?")
                    .to_uppercase()
            )))
        }
        None => return Err(refused("The photo is not a JPEG or PNG image.")),
    };
    let started = Instant::now();
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_PHOTO_SIDE);
    limits.max_image_height = Some(MAX_PHOTO_SIDE);
    limits.max_alloc = Some(MAX_PHOTO_PIXELS * 4 + 16 * 1024 * 1024);
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format.expect("known"));
    reader.limits(limits);
    let unreadable = |e: image::ImageError| match e {
        image::ImageError::Limits(_) => refused(format!(
            "The photo is too large to open (at most {MAX_PHOTO_SIDE} pixels a side)."
        )),
        other => refused(format!(
            "The photo cannot be read: it is damaged or cut off ({}).",
            other.to_string().trim().trim_end_matches('.')
        )),
    };
    let mut decoder = reader.into_decoder().map_err(unreadable)?;
    let (width, height) = decoder.dimensions();
    if width as u64 * height as u64 > MAX_PHOTO_PIXELS {
        return Err(refused(format!(
            "The photo is {width} × {height} pixels; Rapport keeps photos of up to {} megapixels.",
            MAX_PHOTO_PIXELS / 1_000_000
        )));
    }
    let orientation = decoder.orientation().ok();
    let mut image = DynamicImage::from_decoder(decoder).map_err(unreadable)?;
    if let Some(orientation) = orientation {
        image.apply_orientation(orientation);
    }
    let thumbnail = thumbnail(&image)?;
    tracing::debug!(
        width,
        height,
        bytes = bytes.len(),
        thumbnail = thumbnail.len(),
        ms = started.elapsed().as_millis() as u64,
        "read a photo"
    );
    Ok(Picture {
        media_type,
        original: bytes.to_vec(),
        width,
        height,
        thumbnail,
    })
}

/// The centre square, scaled to `THUMBNAIL_SIDE`, as JPEG; transparency is laid on white.
fn thumbnail(image: &DynamicImage) -> Result<Vec<u8>> {
    // A first cheap reduction keeps the filtered resize small for a camera-sized picture.
    let reduced = if image.width().min(image.height()) > THUMBNAIL_SIDE * 8 {
        image.thumbnail(THUMBNAIL_SIDE * 4, THUMBNAIL_SIDE * 4)
    } else {
        image.clone()
    };
    let square = reduced.resize_to_fill(THUMBNAIL_SIDE, THUMBNAIL_SIDE, FilterType::Triangle);
    let mut rgb = image::RgbImage::new(square.width(), square.height());
    for (x, y, pixel) in square.to_rgba8().enumerate_pixels() {
        let [r, g, b, a] = pixel.0;
        let over_white = |c: u8| ((c as u16 * a as u16 + 255 * (255 - a as u16)) / 255) as u8;
        rgb.put_pixel(
            x,
            y,
            image::Rgb([over_white(r), over_white(g), over_white(b)]),
        );
    }
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, THUMBNAIL_QUALITY)
        .encode_image(&rgb)
        .map_err(|e| refused(format!("The photo's thumbnail cannot be made: {e}.")))?;
    Ok(out)
}
