// SPDX-License-Identifier: AGPL-3.0-or-later
// Releasing an approved video, the posts it went out as, and its share links with the reach of
// each branch of forwards.

import { el, latestOnly, localDateTime, sending, when, whenTypingPauses } from './dom.js';
import { DELIVERY_SHAPES, PLATFORMS } from './labels.js';

const CHANNELS = { WHATSAPP: 'WhatsApp', X: 'X', FACEBOOK: 'Facebook', INSTAGRAM: 'Instagram', TIKTOK: 'TikTok', TELEGRAM: 'Telegram',
    EMAIL: 'Email', SMS: 'Text message', OTHER: 'Other' };

const count = (n, what) => `${n} ${what}${n === 1 ? '' : 's'}`;
const options = (labels) => Object.entries(labels).map(([value, label]) => el('option', { value }, label));

// On a production's page: the release form once it is approved, the release once it is out.
export async function releaseSection(api, me, production) {
    const lead = me.roles.includes('video-lead') || me.roles.includes('admin');
    const section = el('section', { id: 'release' });
    if (production.state === 'RELEASED') {
        const release = await api(`productions/${production.id}/release`);
        section.append(el('h2', {}, 'Release'), postList(release.posts, lead && release.posts.length > 1
            ? (post) => api(`releases/${release.id}/posts/${post.id}`, { method: 'DELETE' }) : null));
        if (lead) section.append(postForm('Add a post', (post) => api(`releases/${release.id}/posts`, json(post))));
        section.append(await linksPanel(api, release, lead));
        return section;
    }
    if (production.state === 'APPROVED' && lead) {
        section.append(el('h2', {}, 'Release'),
            el('p', { class: 'muted' }, 'Download the delivery files from the approved cut and its captions from the checklist, '
                + 'post them, then record where they went out.'),
            postForm('Release with this post', (post) => api(`productions/${production.id}/release`, json({ posts: [post] }))));
    }
    return section;
}

function json(body) {
    return { method: 'POST', type: 'application/json', body: JSON.stringify(body) };
}

// remove: takes a post recorded by mistake off the release, for leads while it has another.
function postList(posts, remove) {
    return el('ul', { class: 'thread', id: 'posts' }, ...posts.map((p) => {
        const where = p.url || `post ${p.postId}`;
        const removal = [];
        if (remove) {
            const button = el('button', { type: 'button', class: 'link', 'aria-label': `Take off ${PLATFORMS[p.platform]} ${where}` },
                'Recorded by mistake? Take it off');
            const refused = el('span', { class: 'notice', hidden: '' });
            button.addEventListener('click', () => {
                if (!window.confirm(`Take ${where} off this release? The landing page stops offering it.`)) return;
                sending(button, refused, async () => {
                    await remove(p);
                    window.dispatchEvent(new HashChangeEvent('hashchange'));
                });
            });
            removal.push(button, refused);
        }
        return el('li', {},
            el('p', {}, el('strong', {}, PLATFORMS[p.platform]), ` · ${DELIVERY_SHAPES[p.rendition]} · ${when(p.postedAt)} · `,
                p.url ? el('a', { href: p.url, rel: 'noopener' }, p.url) : where),
            p.caption ? el('p', { class: 'muted' }, p.caption) : '', ...removal);
    }));
}

function postForm(action, send) {
    const platform = el('select', { name: 'platform', 'aria-label': 'Platform' }, ...options(PLATFORMS));
    const rendition = el('select', { name: 'rendition', 'aria-label': 'Rendition posted' }, ...options(DELIVERY_SHAPES));
    const url = el('input', { type: 'url', name: 'url', placeholder: 'https://…' });
    const postId = el('input', { type: 'text', name: 'postId' });
    const postedAt = el('input', { type: 'datetime-local', name: 'postedAt', value: localDateTime(), required: '' });
    const caption = el('textarea', { name: 'caption', rows: '2' });
    const error = el('p', { class: 'notice', hidden: '' });
    const form = el('form', { class: 'panel', id: 'post-form' }, el('h3', {}, action),
        el('label', {}, 'Platform', platform), el('label', {}, 'Rendition posted', rendition),
        el('label', {}, 'Address of the post', url), el('label', {}, 'or its id on the platform', postId),
        el('label', {}, 'Posted at', postedAt), el('label', {}, 'Caption', caption),
        el('button', { type: 'submit', class: 'primary' }, action), error);
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        sending(form, error, async () => {
            await send({ platform: platform.value, rendition: rendition.value, url: url.value || null, postId: postId.value || null,
                postedAt: new Date(postedAt.value).toISOString(), caption: caption.value || null });
            window.dispatchEvent(new HashChangeEvent('hashchange'));
        });
    });
    return form;
}

// The release's links as a tree: each with its own clicks and visitors, and its branch's reach and depth.
async function linksPanel(api, release, lead) {
    const links = await api(`releases/${release.id}/links`);
    const children = (code) => links.filter((l) => l.parentCode === code);
    const branch = (link) => el('li', { 'data-link': link.code },
        el('p', {}, el('strong', {}, CHANNELS[link.channel]), link.memberName ? ` · for ${link.memberName}` : '',
            ` · ${count(link.clicks, 'click')} · ${count(link.visitors, 'visitor')} · reach ${link.reach}`
            + `${link.cascadeDepth ? ` · forwarded ${link.cascadeDepth} deep` : ''}`),
        link.depth === 0 ? el('p', {}, el('input', { type: 'text', readonly: '', value: link.url, 'aria-label': 'Link to pass on' }),
            ` → ${link.targetUrl || 'landing page'}`) : '',
        children(link.code).length ? el('ul', { class: 'thread' }, ...children(link.code).map(branch)) : '');
    const panel = el('section', { id: 'share-links' }, el('h2', {}, 'Share links'),
        links.length ? el('ul', { class: 'thread' }, ...links.filter((l) => l.depth === 0).map(branch))
            : el('p', { class: 'muted' }, 'No links yet.'));
    if (lead) panel.append(linkForm(api, release));
    return panel;
}

function linkForm(api, release) {
    const channel = el('select', { name: 'channel', 'aria-label': 'Channel' }, ...options(CHANNELS));
    const target = el('select', { name: 'target', 'aria-label': 'Leads to' }, el('option', { value: '' }, 'the landing page (recipients can forward it)'),
        ...release.posts.filter((p) => p.url).map((p) => el('option', { value: p.url }, `the ${PLATFORMS[p.platform]} post`)));
    // A link for a member to pass on is credited to them: found by name or email as the lead types.
    const member = el('input', { type: 'search', name: 'member', list: 'link-members', autocomplete: 'off',
        'aria-label': 'For a member (optional)', placeholder: 'For a member (optional)' });
    const choices = el('datalist', { id: 'link-members' });
    const labelOf = (m) => `${m.fullName} (${m.email})`;
    let found = [];
    const named = latestOnly((typed) => api(`members?q=${encodeURIComponent(typed)}`));
    const error = el('p', { class: 'notice', hidden: '' });
    whenTypingPauses([member], async () => {
        // A choice from the list reads "Name (email)": the name is what is searched for.
        const typed = member.value.replace(/ \(.*$/, '').trim();
        if (!typed) return;
        try {
            const members = await named(typed);
            if (!members) return;
            found = members.filter((m) => m.state === 'ACTIVE');
            choices.replaceChildren(...found.map((m) => el('option', { value: labelOf(m) })));
            error.hidden = true;
        } catch (e) {
            // Otherwise the list just stays empty, and the lead is told only to choose from it.
            error.hidden = false;
            error.textContent = `Members could not be searched: ${e.message}`;
        }
    });
    const form = el('form', { class: 'decisions' }, channel, target, member, choices, el('button', { type: 'submit' }, 'New link'), error);
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        sending(form, error, async () => {
            const chosen = member.value.trim() ? found.find((m) => labelOf(m) === member.value.trim()) : null;
            if (member.value.trim() && !chosen) throw new Error('Choose the member from the list, or leave the box empty.');
            await api(`releases/${release.id}/links`, json({ channel: channel.value, targetUrl: target.value || null,
                memberId: chosen ? chosen.id : null }));
            window.dispatchEvent(new HashChangeEvent('hashchange'));
        });
    });
    return form;
}
