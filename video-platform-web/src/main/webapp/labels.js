// SPDX-License-Identifier: AGPL-3.0-or-later
// How the API's names of things read on screen, wherever a page shows them.

export const PLATFORMS = { FACEBOOK: 'Facebook', YOUTUBE: 'YouTube', X: 'X', INSTAGRAM: 'Instagram', TIKTOK: 'TikTok', WHATSAPP: 'WhatsApp' };

// The delivery renditions, by their shape.
export const DELIVERY_SHAPES = { DELIVERY_LANDSCAPE: '16:9', DELIVERY_SQUARE: '1:1', DELIVERY_PORTRAIT: '9:16' };
