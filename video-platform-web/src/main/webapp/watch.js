// SPDX-License-Identifier: AGPL-3.0-or-later
// The landing page of a share link: no sign-in. Whoever came by a link can make their own from
// it, so that the campaign sees how far its video travelled from person to person.

import { el, sending } from './dom.js';
import { PLATFORMS } from './labels.js';

// Each channel's own way of passing a link on, opened with the link filled in.
const CHANNELS = {
    WHATSAPP: ['WhatsApp', (url, title) => `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}`],
    X: ['X', (url, title) => `https://x.com/intent/post?url=${encodeURIComponent(url)}&text=${encodeURIComponent(title)}`],
    FACEBOOK: ['Facebook', (url) => `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`],
    TELEGRAM: ['Telegram', (url, title) => `https://t.me/share/url?url=${encodeURIComponent(url)}&text=${encodeURIComponent(title)}`],
    EMAIL: ['Email', (url, title) => `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(url)}`],
    SMS: ['Text message', (url, title) => `sms:?body=${encodeURIComponent(`${title} ${url}`)}`],
};

const view = document.getElementById('view');
const code = new URLSearchParams(window.location.search).get('c') || '';

async function start() {
    const response = await fetch(`api/public/links/${encodeURIComponent(code)}`).catch(() => null);
    if (response && [400, 404].includes(response.status)) {
        view.replaceChildren(el('h1', {}, 'This link does not lead anywhere'), el('p', {}, 'Check it was copied whole.'));
        return;
    }
    // A dropped line or a server being restarted: the link may well be good, and someone told it is broken drops it.
    if (!response?.ok) {
        const again = el('button', { type: 'button', class: 'primary' }, 'Try again');
        again.addEventListener('click', load);
        view.replaceChildren(el('h1', {}, 'The video could not be loaded just now'),
            el('p', {}, response ? 'The server is busy: try again in a moment.' : 'Check your connection, then try again.'), again);
        again.focus();
        return;
    }
    const landing = await response.json();
    const made = el('div', { id: 'own-link', 'aria-live': 'polite' });
    const failed = el('p', { class: 'notice', role: 'alert', hidden: '' });
    const share = Object.entries(CHANNELS).map(([channel, [label, open]]) => {
        const button = el('button', { type: 'button', 'data-channel': channel }, label);
        button.addEventListener('click', () => sending(share, failed, async () => {
            const created = await fetch(`api/public/links/${encodeURIComponent(code)}/forwards`, {
                method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ channel }) })
                .catch(() => { throw new Error('Your link could not be made: check your connection and try again.'); });
            const link = await created.json().catch(() => ({}));
            if (!created.ok) throw new Error(link.detail || 'Your link could not be made. Try again later.');
            made.replaceChildren(el('p', {}, 'Your link: ', el('input', { type: 'text', readonly: '', value: link.url, id: 'own-link-url',
                'aria-label': 'Your link' })), el('p', {}, el('a', { class: 'button primary', href: open(link.url, landing.title),
                target: '_blank', rel: 'noopener' }, `Share on ${label}`)));
        }));
        return button;
    });
    view.replaceChildren(
        el('h1', {}, landing.title),
        landing.watchOn.length ? el('p', {}, 'Watch it on ', ...landing.watchOn.flatMap((w) => [
            el('a', { class: 'button', href: w.url, rel: 'noopener' }, PLATFORMS[w.platform] || w.platform), ' ']))
            : el('p', { class: 'muted' }, 'It will be online soon.'),
        el('h2', {}, 'Pass it on'),
        el('p', { class: 'muted' }, 'Get a link of your own: it only counts how many people it reached, never who they are.'),
        el('div', { class: 'decisions' }, ...share), failed, made);
}

function load() {
    start().catch((error) => view.replaceChildren(el('h1', {}, 'Something went wrong'), el('p', { class: 'notice' }, error.message)));
}

load();
