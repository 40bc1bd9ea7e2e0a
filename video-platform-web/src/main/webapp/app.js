// SPDX-License-Identifier: AGPL-3.0-or-later
// The browser shell: signs in through Keycloak (authorization code with PKCE), asks the API who
// the user is, and offers only the sections the user's roles allow.

/* global Keycloak, Uppy */

import { day, downloadButton, el, endOfDay, fieldNamed, keepingFocus, latestOnly, localDate, noticingEdits, placeInOrder, say, sending, when, whenTypingPauses } from './dom.js';
import { DELIVERY_SHAPES, PLATFORMS } from './labels.js';
import { releaseSection } from './releases.js';
import { performanceSection, renderPerformance } from './performance.js';
import { PRODUCTION_STATES, renderChecklistItems, renderCompare, renderReview, reviewActions, waitingOnMe } from './review.js';

// Each section of the UI and the roles that may open it (null: everyone signed in).
// The API enforces the same rules; this table only keeps the menu honest.
const SECTIONS = [
    { route: '', label: 'Home', roles: null, render: renderHome },
    { route: 'pitches', label: 'Pitches', roles: ['producer', 'video-lead', 'admin'], render: renderPitches },
    { route: 'productions', label: 'Productions', roles: ['producer', 'video-lead', 'admin'], render: renderProductions },
    { route: 'performance', label: 'Performance', roles: ['producer', 'video-lead', 'admin'],
        render: (me, api, rest) => renderPerformance(view, me, api, rest) },
    { route: 'profile', label: 'My profile', roles: ['producer'], render: renderProfile },
    { route: 'workshops', label: 'Workshops', roles: ['video-lead', 'admin'], render: renderWorkshops },
    { route: 'members', label: 'Members', roles: ['video-lead', 'admin'], render: renderMembers },
    { route: 'roster', label: 'Roster', roles: ['video-lead', 'admin'], render: renderRoster },
    { route: 'audit', label: 'Audit trail', roles: ['video-lead', 'admin'], render: renderAudit },
    { route: 'checklist', label: 'Checklist', roles: ['admin'], render: (me, api) => renderChecklistItems(view, me, api) },
];

const ROLE_LABELS = { producer: 'Producer', 'video-lead': 'Video lead', admin: 'Admin' };
const SKILLS = { CAMERA: 'Camera', EDITING: 'Editing', ANIMATION: 'Animation', MOTION_GRAPHICS: 'Motion graphics',
    SOUND: 'Sound', WRITING: 'Writing', ACTING: 'Acting' };

const view = document.getElementById('view');

// On a phone a table's rows stack and its headings are hidden (app.css): each cell carries its
// column's heading to show before it. Tables are drawn and grown in many places; one watch labels them all.
new MutationObserver((changes) => {
    const tables = new Set();
    changes.forEach((change) => change.addedNodes.forEach((node) => {
        if (!(node instanceof Element)) return;
        const around = node.closest('table');
        if (around) tables.add(around);
        node.querySelectorAll('table').forEach((table) => tables.add(table));
    }));
    tables.forEach(labelCells);
}).observe(view, { childList: true, subtree: true });

const actionsHeading = () => el('span', { class: 'visually-hidden' }, 'Actions');

function labelCells(table) {
    // A heading only screen readers see (the column of buttons) labels nothing on screen.
    const headings = [...table.querySelectorAll('thead th')].map((th) => (th.querySelector('.visually-hidden') ? '' : th.textContent));
    table.querySelectorAll('tbody tr').forEach((row) => [...row.cells].forEach((cell, i) => {
        if (headings[i] && cell.dataset.label !== headings[i]) cell.dataset.label = headings[i];
    }));
}

async function start() {
    const config = await (await fetch('api/config')).json();
    const keycloak = new Keycloak({ url: config.keycloakUrl, realm: config.realm, clientId: config.clientId });
    try {
        await keycloak.init({ onLoad: 'login-required', pkceMethod: 'S256', checkLoginIframe: false });
    } catch (failure) {
        // The way back from Keycloak's page broke (the line dropped before the sign-in was collected,
        // or it waited too long): keycloak-js rejects with nothing, or with Keycloak's own error.
        signInFailed(failure?.error_description || failure?.error);
        return;
    }

    // When a sign-in has ended (a phone left on a page overnight, an admin ending it), keycloak-js
    // sends the browser to the login page at the next request; what was typed goes with it.
    // Read now: keycloak-js forgets the subject before it calls onAuthLogout.
    const account = keycloak.subject;
    keycloak.onAuthLogout = () => keepTyped(account);
    const signedIn = async () => {
        try {
            await keycloak.updateToken(30);
        } catch {
            throw new Error('Your sign-in could not be renewed: check the connection and try again.');
        }
        return keycloak.token;
    };

    const api = async (path, { method = 'GET', body, type } = {}) => {
        const headers = { Authorization: `Bearer ${await signedIn()}` };
        if (type) headers['Content-Type'] = type;
        const response = await fetch(`api/${path}`, { method, headers, body });
        // A gateway's error page is not JSON: its status is all there is to tell.
        const answer = await response.json().catch(() => ({}));
        if (!response.ok) {
            const fields = (answer.errors || []).map((e) => `${fieldInWords(e.field)} ${e.message}`).join('; ');
            const problem = new Error(fields || answer.detail || answer.title || `The server answered ${response.status}`);
            problem.errors = answer.errors || [];
            throw problem;
        }
        return answer;
    };

    // For requests the page does not make through fetch, such as the video player's playlists.
    api.token = signedIn;

    // Documents come through the API, not a presigned link: a link carries the file name into logs along the way.
    api.save = async (path, name) => {
        const response = await fetch(`api/${path}`, { headers: { Authorization: `Bearer ${await signedIn()}` } });
        if (!response.ok) {
            const answer = await response.json().catch(() => ({}));
            throw new Error(answer.detail || answer.title || `The server answered ${response.status}`);
        }
        const link = el('a', { href: URL.createObjectURL(await response.blob()), download: name });
        link.click();
        // Some browsers read the file after click() returns.
        setTimeout(() => URL.revokeObjectURL(link.href), 60000);
    };

    // Server-sent events over fetch, which, unlike EventSource, can carry the bearer token.
    // Reconnects when the server ends the stream, until the signal aborts.
    api.follow = async (path, onData, signal) => {
        while (!signal.aborted) {
            try {
                const response = await fetch(`api/${path}`, { headers: { Authorization: `Bearer ${await signedIn()}`,
                    Accept: 'text/event-stream' }, signal });
                // Refused or gone would be so again; a busy server or a gateway's error passes, so wait and follow again.
                if ([401, 403, 404].includes(response.status)) return;
                if (!response.ok) throw new Error(`The server answered ${response.status}`);
                const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
                let buffer = '';
                for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
                    buffer += chunk.value;
                    const events = buffer.split('\n\n');
                    buffer = events.pop();
                    events.forEach((event) => event.split('\n').filter((line) => line.startsWith('data:'))
                        .forEach((line) => onData(JSON.parse(line.slice(5)))));
                }
            } catch (e) {
                if (signal.aborted) return;
                await new Promise((resolve) => { setTimeout(resolve, 3000); });
            }
        }
    };

    const me = await api('me');
    document.getElementById('who').textContent = me.name;
    const logout = document.getElementById('logout');
    logout.hidden = false;
    logout.addEventListener('click', () => {
        forgetUploads();
        // Golden Retriever saves at most twice a second, so a save already due may land after the first clearing,
        // and a page kept for the Back button runs it when it is shown again.
        window.addEventListener('pagehide', forgetUploads);
        window.addEventListener('pageshow', forgetUploads);
        keycloak.logout({ redirectUri: window.location.origin + window.location.pathname });
    });

    const allowed = SECTIONS.filter((s) => s.roles === null || s.roles.some((r) => me.roles.includes(r)));
    const show = () => route(allowed, me, api);
    window.addEventListener('hashchange', show);
    show();
}

// The live stream of the page on show; leaving the page stops it.
let following = new AbortController();

function route(allowed, me, api) {
    following.abort();
    following = new AbortController();
    const [current, ...rest] = window.location.hash.replace(/^#\/?/, '').split('/');
    const section = allowed.find((s) => s.route === current) || allowed[0];
    const nav = document.getElementById('nav');
    nav.replaceChildren(...allowed.map((s) => {
        const link = el('a', { href: `#/${s.route}` }, s.label);
        if (s === section) link.setAttribute('aria-current', 'page');
        return link;
    }));
    // After an action the same page is drawn again: the user stays on the control they used.
    keepingFocus(view, () => section.render(me, api, rest)).then(() => {
        restoreTyped(me.id);
        announce();
    }).catch((error) => showError(error));
}

// A new page is announced by taking the focus to its heading, as a page load would; the page
// itself is no live region, or every progress tick of a cut would read the whole page out again.
// The same page drawn again after an action keeps the focus where the user is.
let announced = null;
function announce() {
    const heading = view.querySelector('h1');
    if (!heading || window.location.hash === announced) return;
    // A tab, a bookmark and a screen reader's first words name the page.
    document.title = `${heading.textContent} – Video platform`;
    announced = window.location.hash;
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
}

async function renderHome(me, api) {
    const roles = me.roles.length
        ? el('p', {}, 'Your roles: ', ...me.roles.map((r) => el('span', { class: 'role' }, ROLE_LABELS[r] || r)))
        : el('p', { class: 'notice' },
            'You are signed in, but your account has not been vetted yet. ',
            'The video lead vets new members at the workshops; until then there is nothing here for you.');
    view.replaceChildren(
        el('h1', {}, `Hello, ${me.name}`),
        roles,
        el('p', { class: 'muted' }, `Signed in as ${me.username}${me.email ? ` (${me.email})` : ''}.`),
    );
    if (me.roles.length) view.append(await waitingOnMe(api, me));
}

// What each action of the trail did, as "Lee Lead suspended Sam Member" reads.
const AUDIT_ACTIONS = {
    'member.vetted': 'vetted', 'member.declined': 'declined at vetting', 'member.follow-up': 'left to follow up',
    'account.opened': 'opened the account of', 'account.reopened': 'reopened the account of',
    'member.suspended': 'suspended', 'member.revoked': 'revoked', 'member.reinstated': 'reinstated', 'member.erased': 'erased',
    'roster.imported': 'imported the roster', 'pitch.submitted': 'submitted the pitch', 'pitch.withdrawn': 'withdrew the pitch',
    'pitch.revised': 'took back to revise the pitch', 'pitch.discussion-opened': 'opened the discussion of',
    'pitch.greenlit': 'greenlit', 'pitch.declined': 'declined', 'pitch.crew-invited': 'invited crew onto', 'pitch.crew-removed': 'took crew off',
    'production.opened': 'opened the production', 'media.upload-started': 'started an upload to',
    'media.uploaded': 'uploaded', 'media.upload-aborted': 'abandoned the upload of', 'media.transcode-rerun': 'ran the transcoder again on',
    'media.transcode-cancelled': 'cancelled the transcoding of', 'review.submitted': 'submitted for review',
    'review.changes-requested': 'asked for changes on', 'review.approved': 'approved', 'review.rejected': 'rejected',
    'checklist.ticked': 'ticked a check of', 'checklist.unticked': 'unticked a check of', 'checklist.document-added': 'filed a document for',
    'checklist.imprint-written': 'wrote the imprint of', 'checklist.item-added': 'added the check', 'checklist.item-changed': 'changed the check',
    'release.released': 'released', 'release.post-added': 'recorded a post of', 'release.post-removed': 'took a post off', 'metrics.imported': 'imported figures',
};

async function renderAudit(me, api) {
    view.replaceChildren(el('h1', {}, 'Audit trail'), el('p', { class: 'muted' }, 'Loading…'));
    const PAGE = 100;
    const rows = el('tbody', {});
    const older = el('button', { type: 'button', id: 'audit-older' }, 'Older entries');
    const said = el('p', { class: 'notice', role: 'alert', hidden: '' });
    const row = (e) => el('tr', { 'data-entry': e.id },
        el('td', {}, new Date(e.occurredAt).toLocaleString()),
        el('td', {}, e.actorName),
        // An unknown action (from a later version) is shown as the trail holds it.
        el('td', {}, AUDIT_ACTIONS[e.action] || e.action),
        el('td', {}, e.subjectName || el('span', { class: 'muted' }, `${e.subjectType} ${e.subjectId.slice(0, 8)}`)),
        el('td', {}, e.reason || '—'));
    let last = null;
    const more = async () => {
        const entries = await api(`audit?limit=${PAGE}${last ? `&after=${last}` : ''}`);
        rows.append(...entries.map(row));
        if (entries.length) last = entries[entries.length - 1].id;
        older.hidden = entries.length < PAGE;
        return entries.length;
    };
    older.addEventListener('click', () => sending(older, said, more));
    if (!await more()) {
        view.replaceChildren(el('h1', {}, 'Audit trail'),
            el('p', { class: 'muted' }, 'Nothing has been recorded yet. Decisions on members, pitches and videos will appear here.'));
        return;
    }
    view.replaceChildren(el('h1', {}, 'Audit trail'),
        el('table', { id: 'audit' }, el('thead', {}, el('tr', {}, ...['When', 'Who', 'Did', 'To what', 'Why'].map((h) => el('th', {}, h)))), rows),
        older, said);
}

async function renderRoster(me, api) {
    const results = el('div', { id: 'roster-results' });
    const search = el('input', { type: 'search', id: 'roster-search', placeholder: 'Name, email, membership number or postcode',
        'aria-label': 'Search the roster', autocomplete: 'off' });
    const matching = latestOnly((typed) => api(`roster?limit=50&q=${encodeURIComponent(typed)}`));
    const find = async () => {
        const entries = await matching(search.value);
        if (!entries) return null;
        results.replaceChildren(entries.length
            ? rosterTable(entries)
            : el('p', { class: 'muted' }, search.value ? 'Nobody on the roster matches.' : 'The roster is empty: an admin imports it.'));
        return entries.length;
    };
    const counted = (count) => (count === 50 ? 'The first 50 matching entries are shown.'
        : `${count} ${count === 1 ? 'entry matches' : 'entries match'}.`);
    whenTypingPauses([search], () => find().then((count) => count != null && say(counted(count))).catch(showError));
    const parts = [el('h1', {}, 'Membership roster')];
    if (me.roles.includes('admin')) parts.push(rosterImportForm(api, find));
    parts.push(search, results);
    view.replaceChildren(...parts);
    await find();
}

function rosterTable(entries) {
    return el('table', {},
        el('thead', {}, el('tr', {}, ...['Number', 'Name', 'Email', 'Postcode', 'Status'].map((h) => el('th', {}, h)))),
        el('tbody', {}, ...entries.map((e) => el('tr', {},
            el('td', {}, e.membershipNumber), el('td', {}, e.fullName), el('td', {}, e.email || '—'),
            el('td', {}, e.postcode || '—'), el('td', { class: `status-${e.status}` }, e.status)))));
}

function rosterImportForm(api, refresh) {
    const file = el('input', { type: 'file', id: 'roster-file', accept: '.csv,text/csv', required: '', 'aria-label': 'Roster CSV file' });
    const report = el('div', { id: 'roster-report', 'aria-live': 'polite' });
    const importButton = el('button', { type: 'submit' }, 'Import');
    const form = el('form', { class: 'panel' },
        el('h2', {}, 'Import the roster'),
        el('p', { class: 'muted' }, 'A CSV export with a header line: membership number, full name, status, and email and postcode if it has them. ',
            'Importing again updates members and never duplicates them; a file without an email or postcode column leaves those as they are.'),
        file, importButton, report);
    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        if (!file.files.length) return;
        // A second import of the same file would report it all unchanged, in place of the first one's report.
        importButton.disabled = true;
        report.replaceChildren(el('p', { class: 'muted' }, 'Importing…'));
        try {
            const result = await api('roster/imports', { method: 'POST', body: file.files[0], type: 'text/csv' });
            report.replaceChildren(importReport(result));
            await refresh();
        } catch (error) {
            report.replaceChildren(el('p', { class: 'notice' }, error.message));
        } finally {
            importButton.disabled = false;
        }
    });
    return form;
}

function importReport(result) {
    const summary = el('p', { id: 'roster-summary' },
        `${result.created} added, ${result.updated} updated, ${result.unchanged} unchanged`,
        result.duplicateRows ? `, ${result.duplicateRows} repeated lines skipped` : '', '.');
    if (!result.rejected.length) return summary;
    return el('div', {}, summary,
        el('p', { class: 'notice' }, `${result.rejected.length} lines were not imported:`),
        el('table', { id: 'roster-rejected' },
            el('thead', {}, el('tr', {}, el('th', {}, 'Line'), el('th', {}, 'Why'))),
            el('tbody', {}, ...result.rejected.map((r) => el('tr', {}, el('td', {}, String(r.line)), el('td', {}, r.reason))))));
}

async function renderWorkshops(me, api, [workshopId, step, attendeeId]) {
    if (workshopId && step === 'vet' && attendeeId) {
        await renderVetting(api, workshopId, attendeeId);
        return;
    }
    if (workshopId) {
        await renderWorkshop(me, api, workshopId);
        return;
    }
    const workshops = await api('workshops');
    const list = workshops.length
        ? el('ul', { class: 'cards' }, ...workshops.map((w) => el('li', {},
            el('a', { href: `#/workshops/${w.id}` }, w.title),
            el('p', { class: 'muted' }, `${when(w.startsAt)} · ${w.venue}, ${w.city}`),
            el('p', {}, `${w.registered + w.checkedIn} of ${w.capacity} places taken`,
                w.waitlisted ? `, ${w.waitlisted} waiting` : '', `, ${w.checkedIn} checked in`))))
        : el('p', { class: 'muted' }, 'No workshops yet.');
    view.replaceChildren(el('h1', {}, 'Workshops'), newWorkshopForm(api), list);
}

function newWorkshopForm(api) {
    const field = (label, name, type = 'text', extra = {}) =>
        el('label', {}, label, el('input', { name, type, required: '', ...extra }));
    const error = el('p', { class: 'notice', hidden: '' });
    const form = el('form', { class: 'panel', id: 'new-workshop' },
        el('h2', {}, 'New workshop'),
        field('Title', 'title'), field('Starts', 'startsAt', 'datetime-local'), field('Ends', 'endsAt', 'datetime-local'),
        field('Venue', 'venue'), field('City', 'city'), field('Places', 'capacity', 'number', { min: '1', value: '20' }),
        el('label', {}, 'Trainers (one per line)', el('textarea', { name: 'trainers', rows: '2' })),
        error, el('button', { type: 'submit' }, 'Create workshop'));
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        const data = new FormData(form);
        sending(form, error, async () => {
            const created = await api('workshops', { method: 'POST', type: 'application/json', body: JSON.stringify({
                title: data.get('title'), venue: data.get('venue'), city: data.get('city'),
                startsAt: new Date(data.get('startsAt')).toISOString(), endsAt: new Date(data.get('endsAt')).toISOString(),
                capacity: Number(data.get('capacity')),
                trainers: data.get('trainers').split('\n').map((t) => t.trim()).filter(Boolean),
            }) });
            window.location.hash = `#/workshops/${created.id}`;
        });
    });
    return form;
}

const DECIDED = { VETTED: 'vetted', DECLINED: 'declined', FOLLOW_UP: 'to follow up' };

// said: what the last action did (or why it was refused), shown above the list; after an action
// at the door the search box has the focus back, its text selected, for the next person.
async function renderWorkshop(me, api, id, { said = null, refused = false, backToSearch = false } = {}) {
    const w = await api(`workshops/${id}`);
    const act = (attendee, action, label, done) => {
        const button = el('button', { type: 'button', class: action === 'check-in' ? 'primary' : 'danger',
            'aria-label': `${label} ${attendee.fullName}` }, label);
        button.addEventListener('click', async () => {
            // The list shows the newest workshop first, which may be next week's rather than the one at this door.
            const today = localDate();
            if (action === 'check-in' && (today < localDate(new Date(w.startsAt)) || today > localDate(new Date(w.endsAt)))
                && !window.confirm(`${w.title} is on ${when(w.startsAt)}, not today. Check ${attendee.fullName} in here anyway?`)) {
                return;
            }
            if (action === 'cancellation' && !window.confirm(`Cancel the registration of ${attendee.fullName}?`
                + (attendee.state === 'REGISTERED' ? ' Their place goes to the first person on the waitlist.' : ''))) {
                return;
            }
            button.disabled = true;
            try {
                await api(`workshops/${id}/attendees/${attendee.id}/${action}`, { method: 'POST' });
                await renderWorkshop(me, api, id, { said: `${attendee.fullName} ${done}.`, backToSearch: true });
            } catch (e) {
                // Another lead may have been quicker: the list as it is now, with the reason.
                await renderWorkshop(me, api, id, { said: e.message, refused: true, backToSearch: true }).catch(showError);
            }
        });
        return button;
    };
    // Admins only: someone who is no member asks to be forgotten (a member is erased on the members page).
    const erase = (a) => {
        const button = el('button', { type: 'button', class: 'danger', 'aria-label': `Erase ${a.fullName}` }, 'Erase…');
        button.addEventListener('click', async () => {
            const reason = window.prompt(`Erase ${a.fullName}? What identifies them goes from every workshop, for good. Why?`);
            if (!reason) return;
            button.disabled = true;
            try {
                await api(`workshops/${id}/attendees/${a.id}/erasure`, { method: 'POST', type: 'application/json', body: JSON.stringify({ reason }) });
                await renderWorkshop(me, api, id, { said: `${a.fullName} is erased.`, backToSearch: true });
            } catch (e) {
                await renderWorkshop(me, api, id, { said: e.message, refused: true, backToSearch: true }).catch(showError);
            }
        });
        return button;
    };
    const erased = (a) => a.email.startsWith('erased:');
    const erasable = (a) => me.roles.includes('admin') && a.decided !== 'VETTED' && !erased(a);
    const vetLink = (a) => el('a', { class: `button${a.decided ? '' : ' primary'}`, href: `#/workshops/${id}/vet/${a.id}`,
        'aria-label': `${a.decided ? 'Look again at' : 'Vet'} ${a.fullName}` }, a.decided ? 'Look again…' : 'Vet…');
    const rows = w.attendees.map((a) => el('tr', { 'data-attendee': a.fullName },
        el('td', {}, a.fullName, ...(erased(a) ? [] : [el('br'), el('span', { class: 'muted' }, a.email)])),
        el('td', {}, a.membershipNumber || '—'),
        el('td', { class: `state-${a.state.toLowerCase()}` }, a.state.replace('_', ' ').toLowerCase(),
            a.decided ? el('span', { class: `decided decided-${a.decided.toLowerCase()}` }, ` · ${DECIDED[a.decided]}`) : ''),
        el('td', {}, ...(a.state === 'REGISTERED' ? [act(a, 'check-in', 'Check in', 'is checked in'), act(a, 'cancellation', 'Cancel', 'is no longer registered')]
            : a.state === 'WAITLISTED' ? [act(a, 'cancellation', 'Cancel', 'is off the waitlist')]
                : a.state === 'CHECKED_IN' && a.decided !== 'VETTED' && !erased(a) ? [vetLink(a)]
                    : []), ...(erasable(a) ? [erase(a)] : []))));
    view.replaceChildren(
        el('p', {}, el('a', { href: '#/workshops' }, '← All workshops')),
        el('h1', {}, w.title),
        el('p', { class: 'muted' }, `${when(w.startsAt)} to ${when(w.endsAt)} · ${w.venue}, ${w.city}`,
            w.trainers.length ? ` · trainers: ${w.trainers.join(', ')}` : ''),
        el('p', {}, `${w.registered + w.checkedIn} of ${w.capacity} places taken, ${w.waitlisted} waiting, ${w.checkedIn} checked in.`),
        said ? el('p', { class: refused ? 'notice' : 'panel', id: 'workshop-said', role: refused ? 'alert' : 'status' }, said) : '',
        // On the day the list is what the lead works through: it comes before the form.
        w.attendees.length ? attendeeSearch() : '',
        w.attendees.length
            ? el('table', { id: 'attendees' },
                el('thead', {}, el('tr', {}, ...['Name', 'Membership', 'Status', ''].map((h) => el('th', {}, h || actionsHeading())))),
                el('tbody', {}, ...rows))
            : el('p', { class: 'muted' }, 'Nobody is registered yet.'),
        registerForm(me, api, id));
    const search = document.getElementById('attendee-search');
    if (backToSearch && search) {
        search.focus();
        search.select();
    }
}

// Finding someone at the door: filters the list as the lead types, ignoring case and accents.
let attendeeFilter = '';

function attendeeSearch() {
    const fold = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const input = el('input', { type: 'search', id: 'attendee-search', placeholder: 'Find an attendee by name or email',
        'aria-label': 'Find an attendee', autocomplete: 'off', value: attendeeFilter });
    const apply = () => {
        attendeeFilter = input.value;
        const wanted = fold(input.value.trim());
        document.querySelectorAll('#attendees tbody tr').forEach((row) => {
            row.hidden = wanted !== '' && !fold(row.textContent).includes(wanted);
        });
    };
    input.addEventListener('input', apply);
    whenTypingPauses([input], () => {
        const shown = document.querySelectorAll('#attendees tbody tr:not([hidden])').length;
        say(`${shown} ${shown === 1 ? 'attendee matches' : 'attendees match'}.`);
    });
    setTimeout(apply);
    return input;
}

// One form per workshop, kept across redraws of the list: a walk-in half typed in while another
// lead checks someone in stays as it was.
let registration = { workshopId: null, form: null };

function registerForm(me, api, workshopId) {
    if (registration.workshopId === workshopId) {
        return registration.form;
    }
    const error = el('p', { class: 'notice', hidden: '' });
    const form = el('form', { class: 'panel', id: 'register-attendee' },
        el('h2', {}, 'Register someone'),
        el('label', {}, 'Full name', el('input', { name: 'fullName', required: '' })),
        el('label', {}, 'Email', el('input', { name: 'email', type: 'email', required: '' })),
        el('label', {}, 'Membership number (if known)', el('input', { name: 'membershipNumber' })),
        el('label', {}, 'Phone', el('input', { name: 'phone', type: 'tel' })),
        error, el('button', { type: 'submit' }, 'Register'));
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        const data = Object.fromEntries(new FormData(form));
        sending(form, error, async () => {
            const attendee = await api(`workshops/${workshopId}/attendees`, { method: 'POST', type: 'application/json', body: JSON.stringify(data) });
            form.reset();
            await renderWorkshop(me, api, workshopId, { said: attendee.state === 'WAITLISTED'
                ? `${attendee.fullName} is on the waitlist: every place is taken. They get one if someone cancels.`
                : `${attendee.fullName} is registered.` });
        });
    });
    registration = { workshopId, form };
    return form;
}

// The check at the door: roster matches, every warning, earlier decisions, then the decision.
// Checking again keeps what the lead typed, and the roster entry they picked if it is still offered.
async function renderVetting(api, workshopId, attendeeId, postcode = '', typed = {}) {
    const base = `workshops/${workshopId}/attendees/${attendeeId}/vetting`;
    const [workshop, check] = await Promise.all([
        api(`workshops/${workshopId}`),
        api(`${base}?postcode=${encodeURIComponent(postcode)}`),
    ]);
    const attendee = workshop.attendees.find((a) => a.id === attendeeId);
    const postcodeInput = el('input', { id: 'vet-postcode', value: postcode, placeholder: 'e.g. LS1 4DY', autocomplete: 'off' });
    const recheck = el('button', { type: 'button' }, 'Check again');
    const reason = el('textarea', { id: 'vet-reason', rows: '2', placeholder: 'Why (required to decline)' });
    reason.value = typed.reason ?? '';
    const outcome = el('div', { id: 'vet-outcome', 'aria-live': 'polite' });
    const rosterEntry = rosterEntryChoice(check.matches);
    // Decided before a pick is put back: a name-only match picked stays a choice that can be undone.
    const entryToChoose = check.matches.length > 1 || !rosterEntry.value;
    if ([...rosterEntry.options].some((option) => option.value === typed.rosterEntry)) rosterEntry.value = typed.rosterEntry;
    let picked = typed.rosterEntry;
    rosterEntry.addEventListener('change', () => { picked = rosterEntry.value; });
    recheck.addEventListener('click', () => renderVetting(api, workshopId, attendeeId, postcodeInput.value,
        { reason: reason.value, rosterEntry: picked }).catch(showError));
    const decide = (value, label, css) => {
        const button = el('button', { type: 'button', class: `big ${css}`, 'data-outcome': value }, label);
        button.addEventListener('click', async () => {
            // Off before the request, not after: the answer of a second tap would replace the
            // first one's, and with it the temporary password shown only once.
            const decisions = view.querySelectorAll('.decisions button');
            decisions.forEach((b) => { b.disabled = true; });
            try {
                const result = await api(base, { method: 'POST', type: 'application/json',
                    body: JSON.stringify({ outcome: value, reason: reason.value || null, rosterEntryId: rosterEntry.value || null }) });
                // Decided: checking again would redraw the page, and the password shown only once with it.
                recheck.disabled = true;
                outcome.replaceChildren(...decisionResult(result, workshopId));
                outcome.scrollIntoView({ block: 'center' });
            } catch (e) {
                decisions.forEach((b) => { b.disabled = false; });
                outcome.replaceChildren(el('p', { class: 'notice' }, e.message));
            }
        });
        return button;
    };
    view.replaceChildren(
        el('p', {}, el('a', { href: `#/workshops/${workshopId}` }, `← ${workshop.title}`)),
        el('h1', {}, attendee ? attendee.fullName : 'Attendee'),
        el('p', { class: 'muted' }, attendee ? `${attendee.email}${attendee.membershipNumber ? ` · ${attendee.membershipNumber}` : ''}` : ''),
        el('ul', { id: 'vet-warnings', class: 'warnings' }, ...check.warnings.map((w) => el('li', { class: `warning ${w.kind}` }, w.message))),
        check.matches.length
            ? el('div', { id: 'vet-matches' }, el('h2', {}, 'On the roster'), rosterTable(check.matches.map((m) => m.entry)),
                el('p', { class: 'muted' }, 'Found by ', check.matches.map((m) => m.matchedBy.toLowerCase().replaceAll('_', ' ')).join(', ')),
                entryToChoose ? el('label', {}, 'Which entry is this person?', rosterEntry) : '')
            : el('p', { class: 'notice' }, 'No roster entry matches.'),
        check.earlierDecisions.length
            ? el('div', {}, el('h2', {}, 'Earlier decisions'), el('ul', {}, ...check.earlierDecisions.map((d) =>
                el('li', {}, `${when(d.decidedAt)}: ${d.outcome.toLowerCase().replace('_', ' ')}${d.reason ? ` (${d.reason})` : ''}`))))
            : '',
        el('label', {}, 'Postcode they give', postcodeInput), recheck,
        el('label', {}, 'Reason', reason),
        el('div', { class: 'decisions' }, decide('VETTED', 'Vet', 'primary'), decide('DECLINED', 'Decline', 'danger'),
            decide('FOLLOW_UP', 'Follow up', '')),
        outcome);
}

// The decision records the person's roster entry: later checks find them by it under any email,
// and erasing them removes it. One found by number, email or postcode is offered; one found by
// name alone may be a namesake's, so the lead says whether it is theirs.
function rosterEntryChoice(matches) {
    const strong = matches.filter((m) => m.matchedBy !== 'NAME');
    const chosen = strong.length === 1 ? strong[0] : null;
    const choice = el('select', { id: 'vet-roster-entry' }, el('option', { value: '' }, 'None of these'),
        ...matches.map((m) => el('option', { value: m.entry.id },
            `${m.entry.membershipNumber} · ${m.entry.fullName}${m.entry.postcode ? ` · ${m.entry.postcode}` : ''}`)));
    choice.value = chosen ? chosen.entry.id : '';
    return choice;
}

function decisionResult(result, workshopId) {
    const outcome = result.decision.outcome;
    const back = el('a', { class: 'button', href: `#/workshops/${workshopId}` }, '← Back to the attendees');
    if (outcome !== 'VETTED') {
        return [el('p', { class: 'panel' }, `Recorded: ${DECIDED[outcome]}.`), back];
    }
    if (!result.temporaryPassword) {
        return [el('p', { class: 'panel', id: 'vet-handover' },
            `Vetted. ${result.username} already has an account: it and their password stay as they are.`), back];
    }
    const handover = el('div', { class: 'panel handover', id: 'vet-handover' });
    // Off the screen once given: the next person in the queue is standing where this one stood.
    const handedOver = el('button', { type: 'button', class: 'primary' }, 'Handed over: hide the password');
    handedOver.addEventListener('click', () => {
        handover.replaceChildren(el('p', {}, `Vetted. ${result.username} has their temporary password.`), back);
        back.focus();
    });
    handover.append(
        el('h2', {}, 'Vetted: hand this over now'),
        el('p', {}, 'Username: ', el('strong', {}, result.username)),
        el('p', {}, 'Temporary password: ', el('strong', { id: 'vet-password' }, result.temporaryPassword)),
        el('p', { class: 'muted' }, 'It is shown only once. They choose their own password when they first sign in.'),
        result.invitationToFollow ? el('p', {}, 'An email with a link to set their password is on its way to them as well.') : '',
        handedOver);
    return [handover];
}

async function renderMembers(me, api) {
    const results = el('div', { id: 'member-results' });
    const search = el('input', { type: 'search', placeholder: 'Name or email', 'aria-label': 'Search members', autocomplete: 'off' });
    const skill = el('select', { 'aria-label': 'Skill', id: 'member-skill' }, el('option', { value: '' }, 'Any skill'),
        ...Object.entries(SKILLS).map(([value, label]) => el('option', { value }, label)));
    const region = el('input', { type: 'search', placeholder: 'Region', 'aria-label': 'Region', id: 'member-region' });
    // What an action did or why it was refused, above the list: the list and the search stay.
    const said = el('p', { class: 'notice', id: 'members-said', role: 'alert', hidden: '' });
    const refuse = (message) => {
        said.textContent = message;
        said.hidden = false;
    };
    const DONE = { suspension: 'suspended', revocation: 'revoked', reinstatement: 'reinstated', erasure: 'erased' };
    // A refused reason is offered again rather than typed anew.
    const reasons = new Map();
    const change = async (member, how, label) => {
        const reason = window.prompt(`${label} ${member.fullName}: why?`, reasons.get(member.id) || '');
        if (!reason) return;
        reasons.set(member.id, reason);
        said.hidden = true;
        try {
            await api(`members/${member.id}/${how}`, { method: 'POST', type: 'application/json', body: JSON.stringify({ reason }) });
            reasons.delete(member.id);
            await keepingFocus(results, find);
            say(`${member.fullName} ${DONE[how]}.`);
        } catch (e) {
            refuse(`${label} ${member.fullName}: ${e.message}`);
            await keepingFocus(results, find).catch(() => {});
        }
    };
    const button = (member, how, label, css = '') => {
        const b = el('button', { type: 'button', class: css }, label);
        b.addEventListener('click', () => change(member, how, label));
        return b;
    };
    // Admins only: everything held about the member, as a file to hand to them.
    const exportButton = (member) => {
        const b = el('button', { type: 'button' }, 'Export');
        b.addEventListener('click', async () => {
            try {
                await api.save(`members/${member.id}/export`, `member-${member.id}.json`);
            } catch (e) {
                refuse(`Export of ${member.fullName}: ${e.message}`);
            }
        });
        return b;
    };
    const matching = latestOnly((query) => api(`members?${query}`));
    const find = async () => {
        const members = await matching(`q=${encodeURIComponent(search.value)}&region=${encodeURIComponent(region.value)}`
            + (skill.value ? `&skill=${skill.value}` : ''));
        if (!members) return null;
        results.replaceChildren(members.length
            ? el('table', {},
                el('thead', {}, el('tr', {}, ...['Name', 'Email', 'Region', 'Skills', 'State', ''].map((h) => el('th', {}, h || actionsHeading())))),
                el('tbody', {}, ...members.map((m) => el('tr', { 'data-member': m.email },
                    el('td', {}, m.fullName, m.displayName !== m.fullName ? el('span', { class: 'muted' }, ` (${m.displayName})`) : ''),
                    el('td', {}, m.email), el('td', {}, m.region || '—'),
                    el('td', {}, (m.skills || []).map((k) => SKILLS[k]).join(', ') || '—'), el('td', { class: `state-${m.state.toLowerCase()}` }, m.state.toLowerCase(),
                        m.accountInStep ? '' : el('span', { class: 'muted' }, m.state === 'ACTIVE'
                            ? ' (sign-in not reopened yet: the account service did not answer; retried every 20 s)'
                            : ` (the platform refuses them; their account is ${m.state === 'ERASED' ? 'deleted' : 'closed'} once the account service answers)`)),
                    el('td', {}, ...(m.state === 'ACTIVE' ? [button(m, 'suspension', 'Suspend'), button(m, 'revocation', 'Revoke', 'danger')]
                        : m.state === 'SUSPENDED' ? [button(m, 'reinstatement', 'Reinstate'), button(m, 'revocation', 'Revoke', 'danger')]
                            : []),
                    ...(me.roles.includes('admin') && m.state !== 'ERASED'
                        ? [exportButton(m), button(m, 'erasure', 'Erase', 'danger')] : []))))))
            : el('p', { class: 'muted' }, 'No vetted members match.'));
        return members.length;
    };
    const findAndCount = () => find().then((count) => count != null && say(`${count} ${count === 1 ? 'member matches' : 'members match'}.`))
        .catch(showError);
    whenTypingPauses([search, region], findAndCount);
    skill.addEventListener('change', findAndCount);
    view.replaceChildren(el('h1', {}, 'Members'), el('div', { class: 'filters' }, search, skill, region), said, results);
    await find();
}

async function renderProfile(me, api) {
    let profile;
    try {
        profile = await api('profile');
    } catch (e) {
        view.replaceChildren(el('h1', {}, 'My profile'), el('p', { class: 'notice' }, e.message));
        return;
    }
    const saved = el('p', { 'aria-live': 'polite', hidden: '' }, 'Saved.');
    const error = el('p', { class: 'notice', hidden: '' });
    const form = el('form', { class: 'panel', id: 'profile' },
        // Only a chosen name fills the box: saving the first name and initial as if chosen would stop
        // it following the roster.
        el('label', {}, 'Name shown to other members', el('input', { name: 'displayName',
            value: profile.displayNameChosen ? profile.displayName : '',
            placeholder: profile.displayNameChosen ? 'Left empty: your first name and initial' : `Left empty: ${profile.displayName}` })),
        el('p', { class: 'muted' }, 'Your pitches, comments and crew places carry this name, the ones you made before too. No other member may go by it.'),
        el('label', {}, 'Region', el('input', { name: 'region', value: profile.region || '' })),
        el('fieldset', {}, el('legend', {}, 'Skills'), ...Object.entries(SKILLS).map(([value, label]) => {
            const box = el('input', { type: 'checkbox', name: 'skills', value });
            box.checked = (profile.skills || []).includes(value);
            return el('label', { class: 'check' }, box, ` ${label}`);
        })),
        el('label', {}, 'Availability', el('input', { name: 'availability', value: profile.availability || '',
            placeholder: 'e.g. weekends, evenings after 6' })),
        el('label', {}, 'Portfolio links (one per line, up to 5)',
            el('textarea', { name: 'portfolioLinks', rows: '3' }, (profile.portfolioLinks || []).join('\n'))),
        saved, error, el('button', { type: 'submit', class: 'primary' }, 'Save'));
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        const data = new FormData(form);
        saved.hidden = true;
        sending(form, error, async () => {
            await api('profile', { method: 'PUT', type: 'application/json', body: JSON.stringify({
                displayName: data.get('displayName'), region: data.get('region'), availability: data.get('availability'),
                skills: data.getAll('skills'),
                portfolioLinks: data.get('portfolioLinks').split('\n').map((l) => l.trim()).filter(Boolean),
            }) });
            saved.hidden = false;
        });
    });
    view.replaceChildren(el('h1', {}, 'My profile'),
        el('p', { class: 'muted' }, 'Leads use this to find crew for productions. Your full name and email stay with the leads.'), form);
}

const PITCH_STATES = ['SUBMITTED', 'IN_DISCUSSION', 'DRAFT', 'DECLINED', 'GREENLIT', 'WITHDRAWN'];
const FORMATS = { SHORT_FILM: 'Short film', EXPLAINER: 'Explainer', VOX_POP: 'Vox pop', ANIMATION: 'Animation',
    TESTIMONIAL: 'Testimonial', DOCUMENTARY: 'Documentary', OTHER: 'Other' };
const label = (state) => state.toLowerCase().replace('_', ' ');

// Producers see their own pitches, leads the board of all of them, grouped by state.
const pitchFilters = {};
async function renderPitches(me, api, [pitchId]) {
    if (pitchId === 'new') {
        view.replaceChildren(el('h1', {}, 'New pitch'), pitchForm(api));
        return;
    }
    if (pitchId) {
        await renderPitch(me, api, pitchId);
        return;
    }
    const lead = me.roles.includes('video-lead') || me.roles.includes('admin');
    // The filters are drawn once and the board under them on each change: a select redrawn under the
    // keyboard would lose its focus at every arrow key.
    const board = el('div', { id: 'pitch-board' });
    const filteredBoard = latestOnly((query) => Promise.all([api(`pitches?${query}`), api('productions')]));
    const drawBoard = async () => {
        const answer = await filteredBoard(new URLSearchParams(pitchFilters).toString());
        if (!answer) return;
        const [pitches, productions] = answer;
        const soon = (p) => p.deadline && endOfDay(p.deadline) - Date.now() < 7 * 24 * 3600 * 1000;
        const groups = PITCH_STATES.map((state) => {
            const inState = pitches.filter((p) => p.state === state)
                .sort((a, b) => (a.deadline || '9999').localeCompare(b.deadline || '9999'));
            return inState.length ? el('section', { 'data-state': state }, el('h2', {}, `${label(state)} (${inState.length})`),
                el('ul', { class: 'cards' }, ...inState.map((p) => el('li', {},
                    el('a', { href: `#/pitches/${p.id}` }, p.title),
                    el('p', { class: 'muted' }, `${p.ownerName} · ${FORMATS[p.format] || 'format not set'}`,
                        p.deadline ? ` · deadline ${day(p.deadline)}` : ''),
                    soon(p) ? el('p', { class: 'notice' }, endOfDay(p.deadline) < Date.now() ? 'Deadline passed' : 'Deadline within a week') : '')))) : '';
        });
        board.replaceChildren(...(pitches.length ? groups
            : [el('p', { class: 'muted' }, Object.keys(pitchFilters).length ? 'No pitch matches these filters.' : 'No pitches yet.')]),
        el('h2', {}, 'Productions'),
        productionCards(productions));
    };
    const filtered = (name, value) => {
        if (value) pitchFilters[name] = value; else delete pitchFilters[name];
        drawBoard().catch(showError);
    };
    const filter = (name, options, anyText) => {
        const select = el('select', { 'aria-label': anyText, 'data-filter': name }, el('option', { value: '' }, anyText),
            ...Object.entries(options).map(([v, text]) => {
                const option = el('option', { value: v }, text);
                option.selected = pitchFilters[name] === v;
                return option;
            }));
        select.addEventListener('change', () => filtered(name, select.value));
        return select;
    };
    const typed = (name, placeholder) => {
        const input = el('input', { type: 'search', placeholder, 'aria-label': placeholder, 'data-filter': name, value: pitchFilters[name] || '' });
        input.addEventListener('change', () => filtered(name, input.value.trim()));
        return input;
    };
    view.replaceChildren(el('h1', {}, lead ? 'Pitch board' : 'My pitches'),
        me.roles.includes('producer') ? el('p', {}, el('a', { class: 'button primary', href: '#/pitches/new' }, 'New pitch')) : '',
        el('div', { class: 'filters' }, filter('platform', PLATFORMS, 'Any platform'), filter('format', FORMATS, 'Any format'),
            ...(lead ? [typed('producer', 'Producer'), typed('region', "Producer's region")] : [])),
        board);
    await drawBoard();
}

function productionCards(productions) {
    return productions.length
        ? el('ul', { class: 'cards', id: 'productions' }, ...productions.map((p) => el('li', {},
            el('a', { href: `#/productions/${p.id}` }, p.title),
            el('span', { class: 'muted' }, ` · ${p.ownerName} · ${p.pitchId ? 'from a pitch' : 'finished video'} · `
                + `${PRODUCTION_STATES[p.state]}`))))
        : el('p', { class: 'muted' }, 'No productions yet: a greenlit pitch becomes one.');
}

function pitchForm(api, existing) {
    const value = (name) => (existing && existing[name] != null ? String(existing[name]) : '');
    const error = el('p', { class: 'notice', hidden: '' });
    const platforms = el('fieldset', {}, el('legend', {}, 'Platforms'), ...Object.entries(PLATFORMS).map(([v, text]) => {
        const box = el('input', { type: 'checkbox', name: 'platforms', value: v });
        box.checked = !!existing && existing.platforms.includes(v);
        return el('label', { class: 'check' }, box, ` ${text}`);
    }));
    const format = el('select', { name: 'format' }, el('option', { value: '' }, 'Choose…'),
        ...Object.entries(FORMATS).map(([v, text]) => {
            const option = el('option', { value: v }, text);
            option.selected = value('format') === v;
            return option;
        }));
    const form = el('form', { class: 'panel', id: 'pitch-form' },
        el('label', {}, 'Title', el('input', { name: 'title', required: '', maxlength: '200', value: value('title') })),
        el('label', {}, 'Logline (one sentence, up to 200 characters)',
            el('input', { name: 'logline', maxlength: '200', value: value('logline') })),
        el('label', {}, 'Synopsis', el('textarea', { name: 'synopsis', rows: '4', maxlength: '10000' }, value('synopsis'))),
        el('label', {}, 'Message or campaign goal', el('input', { name: 'goal', value: value('goal') })),
        el('label', {}, 'Target audience', el('input', { name: 'audience', value: value('audience') })),
        el('label', {}, 'Format', format), platforms,
        el('label', {}, 'Planned length (seconds)', el('input', { name: 'plannedLengthSeconds', type: 'number', min: '1',
            value: value('plannedLengthSeconds') })),
        el('label', {}, 'Topical deadline', el('input', { name: 'deadline', type: 'date', value: value('deadline') })),
        el('label', {}, 'What you need (crew, equipment, locations, actors)',
            el('textarea', { name: 'needs', rows: '3' }, value('needs'))),
        error, el('button', { type: 'submit', class: 'primary' }, existing ? 'Save changes' : 'Save draft'));
    noticingEdits(form);
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        const data = new FormData(form);
        const blank = (name) => (data.get(name) || null);
        const pitch = { title: data.get('title'), logline: blank('logline'), synopsis: blank('synopsis'), goal: blank('goal'),
            audience: blank('audience'), format: blank('format'), platforms: data.getAll('platforms'),
            plannedLengthSeconds: data.get('plannedLengthSeconds') ? Number(data.get('plannedLengthSeconds')) : null,
            deadline: blank('deadline'), needs: blank('needs') };
        sending(form, error, async () => {
            const saved = existing
                ? await api(`pitches/${existing.id}`, { method: 'PUT', type: 'application/json',
                    body: JSON.stringify({ version: existing.version, pitch }) })
                : await api('pitches', { method: 'POST', type: 'application/json', body: JSON.stringify(pitch) });
            window.location.hash = `#/pitches/${saved.id}`;
            if (existing) await renderPitch(null, api, saved.id);
        });
    });
    return form;
}

async function renderPitch(me, api, id) {
    me = me || await api('me');
    const p = await api(`pitches/${id}`);
    const lead = me.roles.includes('video-lead') || me.roles.includes('admin');
    const refused = el('p', { class: 'notice', 'aria-live': 'polite', hidden: '' });
    const moves = {
        SUBMITTED: !lead && { path: 'submission', text: 'Submit' },
        WITHDRAWN: !lead && { path: 'withdrawal', text: 'Withdraw', reason: 'Why withdraw? (optional)' },
        DRAFT: !lead && { path: 'revision', text: 'Revise' },
        IN_DISCUSSION: lead && { path: 'discussion', text: 'Discuss' },
        GREENLIT: lead && { path: 'greenlight', text: 'Greenlight', reason: 'A note for the producer (optional)' },
        DECLINED: lead && { path: 'decline', text: 'Decline', reason: 'Feedback for the producer (required)', required: true },
    };
    // A move with a reason asks for it below the buttons, in a box that keeps what was typed if the server refuses it.
    const asked = el('div', { id: 'move-reason' });
    const editForm = p.state === 'DRAFT' && p.yours ? pitchForm(api, p) : null;
    // Nobody decides on a pitch they are on: another lead does.
    const decides = (m) => !['greenlight', 'decline'].includes(m.path) || p.mayDecide;
    const buttons = p.allowedNext.map((state) => moves[state]).filter((m) => m && m.path && (lead || p.yours) && decides(m)).map((m) => {
        const b = el('button', { type: 'button', class: m.path === 'decline' ? 'danger' : 'primary', 'data-move': m.path }, m.text);
        const move = (reason) => api(`pitches/${id}/${m.path}`, m.reason
            ? { method: 'POST', type: 'application/json', body: JSON.stringify({ reason: reason || null }) }
            : { method: 'POST' });
        b.addEventListener('click', () => {
            if (m.path === 'submission' && editForm?.unsaved()) {
                refused.setAttribute('role', 'alert');
                refused.hidden = false;
                refused.textContent = 'Save your changes first: the pitch would go to the lead without them.';
                return;
            }
            if (!m.reason) {
                sending(buttons, refused, async () => {
                    await move();
                    await keepingFocus(view, () => renderPitch(me, api, id));
                });
                return;
            }
            const reason = el('textarea', { name: 'reason', rows: '3', ...(m.required ? { required: '' } : {}) });
            const said = el('p', { class: 'notice', hidden: '' });
            const cancel = el('button', { type: 'button' }, 'Cancel');
            const form = el('form', { class: 'panel', 'data-move': m.path }, el('label', {}, m.reason, reason),
                el('div', { class: 'decisions' }, el('button', { type: 'submit', class: b.className }, m.text), cancel), said);
            cancel.addEventListener('click', () => { asked.replaceChildren(); b.focus(); });
            form.addEventListener('submit', (event) => {
                event.preventDefault();
                sending(form, said, async () => {
                    await move(reason.value.trim());
                    await keepingFocus(view, () => renderPitch(me, api, id));
                });
            });
            asked.replaceChildren(form);
            reason.focus();
        });
        return b;
    });
    const facts = [['Logline', p.logline], ['Synopsis', p.synopsis], ['Goal', p.goal], ['Audience', p.audience],
        ['Format', FORMATS[p.format]], ['Platforms', p.platforms.map((k) => PLATFORMS[k]).join(', ')],
        ['Length', p.plannedLengthSeconds ? `${p.plannedLengthSeconds} s` : null], ['Deadline', p.deadline && day(p.deadline)], ['Needs', p.needs]]
        .filter(([, v]) => v);
    view.replaceChildren(
        el('p', {}, el('a', { href: '#/pitches' }, '← Pitches')),
        el('h1', {}, p.title),
        el('p', {}, el('span', { class: 'role', id: 'pitch-state' }, label(p.state)), ` by ${p.ownerName}`),
        p.feedback ? el('p', { class: 'notice', id: 'lead-feedback' },
            `${p.state === 'GREENLIT' ? 'The lead\'s note' : 'Feedback from the lead'}: ${p.feedback}`) : '',
        el('dl', {}, ...facts.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
        el('div', { class: 'decisions' }, ...buttons), asked, refused,
        lead && !p.mayDecide && p.allowedNext.some((state) => ['GREENLIT', 'DECLINED'].includes(state))
            ? el('p', { class: 'muted', id: 'decided-by-another' }, 'You are on this pitch: another lead greenlights or declines it.') : '',
        await attachmentsSection(api, id, p.yours),
        await crewSection(api, id, lead || p.yours),
        await discussion(api, id),
        editForm ? el('div', {}, el('h2', {}, 'Edit'), editForm) : '');
}

// Files go straight from the browser to storage through a presigned URL, with a progress bar.
async function attachmentsSection(api, pitchId, mayUpload) {
    const files = await api(`pitches/${pitchId}/attachments`);
    const section = el('section', { id: 'attachments' }, el('h2', {}, 'Attachments'),
        files.length ? el('ul', {}, ...files.map((f) => el('li', {},
            downloadButton(api, `pitches/${pitchId}/attachments/${f.id}`, f.fileName, f.fileName, 'link'),
            el('span', { class: 'muted' }, ` · ${f.kind.toLowerCase().replace('_', ' ')} · ${Math.ceil(f.size / 1024)} KB`))))
            : el('p', { class: 'muted' }, 'No files yet.'));
    if (!mayUpload) return section;
    const kind = el('select', { 'aria-label': 'Kind of file' }, ...['SCRIPT', 'STORYBOARD', 'REFERENCE_IMAGE', 'OTHER']
        .map((k) => el('option', { value: k }, k.toLowerCase().replace('_', ' '))));
    const input = el('input', { type: 'file', accept: '.pdf,.txt,.docx,.odt,image/jpeg,image/png,image/webp', 'aria-label': 'File to attach' });
    const progress = el('progress', { max: '100', value: '0', hidden: '', 'aria-label': 'Upload progress' });
    const status = el('p', { class: 'notice', hidden: '' });
    const upload = el('button', { type: 'button' }, 'Upload');
    upload.addEventListener('click', () => {
        const file = input.files[0];
        if (!file) return;
        // A second tap while the first is under way would attach the file twice.
        sending(upload, status, async () => {
            const target = await api(`pitches/${pitchId}/attachments`, { method: 'POST', type: 'application/json',
                body: JSON.stringify({ kind: kind.value, fileName: file.name, contentType: file.type || typeByExtension(file.name),
                    size: file.size }) });
            progress.hidden = false;
            await new Promise((resolve, reject) => {
                const xhr = new XMLHttpRequest();
                xhr.open('PUT', target.uploadUrl);
                xhr.setRequestHeader('Content-Type', target.contentType);
                xhr.upload.onprogress = (e) => { if (e.lengthComputable) progress.value = Math.round((100 * e.loaded) / e.total); };
                xhr.onload = () => (xhr.status < 300 ? resolve() : reject(new Error(`Storage answered ${xhr.status}`)));
                xhr.onerror = () => reject(new Error('The upload was interrupted: try again.'));
                xhr.send(file);
            });
            await api(`pitches/${pitchId}/attachments/${target.id}/completion`, { method: 'POST' });
            const replaced = await attachmentsSection(api, pitchId, mayUpload);
            section.replaceWith(replaced);
            say(`${file.name} is attached.`);
            replaced.querySelector('input[type=file]')?.focus();
        });
    });
    section.append(el('div', { class: 'filters' }, kind, input, upload), progress, status);
    return section;
}

// Browsers give no type for a file the computer has no program for, as a .docx where Word is not installed.
const ATTACHMENT_TYPES = { pdf: 'application/pdf', txt: 'text/plain', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png',
    webp: 'image/webp', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    odt: 'application/vnd.oasis.opendocument.text' };

function typeByExtension(fileName) {
    return ATTACHMENT_TYPES[fileName.split('.').pop().toLowerCase()] || 'application/octet-stream';
}

// The crew, and for the producer or lead a finder of members by skill and region to invite.
async function crewSection(api, pitchId, mayInvite) {
    const crew = await api(`pitches/${pitchId}/crew`);
    const redrawn = async (saying) => {
        const replaced = await crewSection(api, pitchId, mayInvite);
        section.replaceWith(replaced);
        say(saying);
        replaced.querySelector('h2').tabIndex = -1;
        replaced.querySelector('h2').focus();
    };
    const member = (c) => {
        if (!mayInvite) return el('li', {}, c.name);
        const remove = el('button', { type: 'button', class: 'link', 'aria-label': `Take ${c.name} off the crew` }, 'Take off');
        const refused = el('span', { class: 'notice', hidden: '' });
        remove.addEventListener('click', () => {
            if (!window.confirm(`Take ${c.name} off the crew? They will no longer see this pitch or its production.`)) return;
            sending(remove, refused, async () => {
                await api(`pitches/${pitchId}/crew/${c.id}`, { method: 'DELETE' });
                await redrawn(`${c.name} is off the crew.`);
            });
        });
        return el('li', {}, `${c.name} `, remove, refused);
    };
    const section = el('section', { id: 'crew' }, el('h2', {}, 'Crew'),
        crew.length ? el('ul', {}, ...crew.map(member)) : el('p', { class: 'muted' }, 'Nobody yet.'));
    if (!mayInvite) return section;
    const skill = el('select', { 'aria-label': 'Skill needed', id: 'crew-skill' },
        ...Object.entries(SKILLS).map(([v, text]) => el('option', { value: v }, text)));
    const region = el('input', { type: 'search', placeholder: 'Region', 'aria-label': 'Region', id: 'crew-region' });
    const found = el('ul', { id: 'crew-candidates' });
    const search = el('button', { type: 'button' }, 'Find crew');
    search.addEventListener('click', async () => {
        try {
            const candidates = await api(`crew-candidates?skill=${skill.value}&region=${encodeURIComponent(region.value)}`);
            found.replaceChildren(...(candidates.length ? candidates.map((c) => {
                const invite = el('button', { type: 'button', 'aria-label': `Invite ${c.displayName}` }, 'Invite');
                const refused = el('span', { class: 'notice', hidden: '' });
                invite.addEventListener('click', () => sending(invite, refused, async () => {
                    await api(`pitches/${pitchId}/crew`, { method: 'POST', type: 'application/json',
                        body: JSON.stringify({ memberId: c.memberId }) });
                    await redrawn(`${c.displayName} is invited.`);
                }));
                return el('li', {}, `${c.displayName}${c.region ? ` (${c.region})` : ''} `, invite, refused);
            }) : [el('li', { class: 'muted' }, 'No active member matches.')]));
            say(`${candidates.length} ${candidates.length === 1 ? 'member matches' : 'members match'}.`);
        } catch (e) {
            found.replaceChildren(el('li', { class: 'notice' }, e.message));
        }
    });
    section.append(el('div', { class: 'filters' }, skill, region, search), found);
    return section;
}

async function discussion(api, pitchId) {
    const comments = await api(`pitches/${pitchId}/comments`);
    const list = el('ol', { class: 'thread', id: 'discussion' }, ...comments.map((c) => el('li', {},
        el('p', { class: 'muted' }, `${c.authorName}, ${when(c.postedAt)}`), el('p', {}, c.body))));
    const body = el('textarea', { name: 'body', rows: '3', required: '', 'aria-label': 'Your message' });
    const error = el('p', { class: 'notice', hidden: '' });
    const form = el('form', { id: 'comment-form' }, body, error, el('button', { type: 'submit' }, 'Post'));
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        sending(form, error, async () => {
            await api(`pitches/${pitchId}/comments`, { method: 'POST', type: 'application/json', body: JSON.stringify({ body: body.value }) });
            const replaced = await discussion(api, pitchId);
            await keepingFocus(view, () => form.parentElement.replaceWith(replaced));
        });
    });
    return el('section', {}, el('h2', {}, 'Discussion'),
        comments.length ? list : el('p', { class: 'muted' }, 'No messages yet.'), form);
}

async function renderProductions(me, api, [productionId, page, ...cuts]) {
    if (page === 'review') {
        await renderReview(view, me, api, productionId, cuts[0]);
        return;
    }
    if (page === 'compare') {
        await renderCompare(view, me, api, productionId, cuts[0], cuts[1]);
        return;
    }
    if (productionId) {
        await renderProduction(me, api, productionId);
        return;
    }
    const productions = await api('productions');
    view.replaceChildren(el('h1', {}, 'Productions'),
        productionCards(productions));
}

const MEDIA_STATES = { UPLOADING: 'Uploading', ABORTED: 'Aborted', PROCESSING: 'Processing', REJECTED: 'Rejected',
    READY: 'Ready', FAILED: 'Failed' };

async function renderProduction(me, api, id) {
    const production = await api(`productions/${id}`);
    const mine = me.roles.includes('producer') && production.ownerId === me.id;
    const lead = me.roles.includes('video-lead') || me.roles.includes('admin');
    const list = el('ul', { class: 'cards' });
    const stale = el('p', { class: 'notice', hidden: '' });
    view.replaceChildren(
        el('p', {}, el('a', { href: '#/productions' }, '← Productions')),
        el('h1', {}, production.title),
        el('p', {}, el('span', { class: 'role', id: 'production-state' }, PRODUCTION_STATES[production.state]),
            el('span', { class: 'muted' }, ` ${production.ownerName} · ${production.pitchId ? 'from a pitch' : 'finished video'}`)),
        el('section', { id: 'cuts' }, el('h2', {}, 'Cuts'), stale, list),
        mine && !['RELEASED', 'REJECTED'].includes(production.state) ? uploader(api, id) : '',
        await releaseSection(api, me, production),
        production.state === 'RELEASED' ? await performanceSection(api, production) : '');
    const outputs = new Map();
    // Each event lists every cut. A card is drawn again only when its cut changed more than its
    // progress, which is written into the card in place: a proxy being watched plays on, and the
    // focus stays on a card's buttons, while a cut transcodes.
    let shown = new Map();
    // Cards wait for their outputs, so an older event can finish after a newer one: it is dropped.
    const cardsOf = latestOnly((all) => Promise.all(all.map(async (c) => {
        const seen = JSON.stringify({ ...c, job: c.job && { ...c.job, progress: null, secondsLeft: null, queuePosition: null } });
        const kept = shown.get(c.id);
        if (kept && kept.seen === seen) {
            showProgress(kept.card, c.job);
            return [c.id, { ...kept, cut: c }];
        }
        const card = await cutCard(api, c, lead, outputs);
        card.append(reviewActions(api, me, production, c, () => window.dispatchEvent(new HashChangeEvent('hashchange'))));
        return [c.id, { seen, card, cut: c }];
    })));
    const show = async (all) => {
        const built = await cardsOf(all);
        if (!built) return;
        const cards = new Map(built);
        const news = [...cards.values()].map(({ cut }) => cutNews(shown.get(cut.id)?.cut, cut)).filter(Boolean);
        if (shown.size && news.length) say(news.join(' '));
        shown = cards;
        placeInOrder(list, cards.size ? [...cards.values()].map((c) => c.card) : [el('li', { class: 'muted' }, 'No cuts yet.')]);
    };
    await show(await api(`productions/${id}/media`));
    api.follow(`productions/${id}/media/events`, (all) => show(all)
        .then(() => { stale.hidden = true; })
        .catch((e) => {
            // The cards shown stay, with the upload panel below them: only this update is missing.
            stale.textContent = `The cuts could not be brought up to date: ${e.message}`;
            stale.hidden = false;
        }), following.signal);
}

const JOB_STATES = { QUEUED: 'Waiting to be transcoded', RUNNING: 'Transcoding', SUCCEEDED: 'Transcoded', FAILED: 'Failed',
    CANCELLED: 'Cancelled' };

const percentOf = (job) => Math.round(job.progress * 100);

function progressWords(job) {
    return job.state === 'QUEUED'
        ? `${JOB_STATES.QUEUED}${job.queuePosition ? `: ${job.queuePosition} ahead` : ''}`
        : `${percentOf(job)}%${job.secondsLeft != null ? ` · about ${duration(job.secondsLeft)} left` : ''}`;
}

function showProgress(card, job) {
    const bar = card.querySelector('progress');
    if (!bar || !job) return;
    bar.value = percentOf(job);
    card.querySelector('.job-progress').textContent = progressWords(job);
}

// What a screen reader is told of a cut's news: a new state, a place in the queue, each tenth
// transcoded. Every tick would talk over everything else.
function cutNews(before, cut) {
    const name = `${cut.cutNumber ? `v${cut.cutNumber} ` : ''}${cut.originalName}`;
    if (!before) return null;
    if (before.state !== cut.state) return `${name}: ${MEDIA_STATES[cut.state]}.`;
    const [was, is] = [before.job, cut.job];
    if (!was || !is || cut.state !== 'PROCESSING') return null;
    if (was.state !== is.state || was.queuePosition !== is.queuePosition) return `${name}: ${progressWords(is)}.`;
    return Math.floor(percentOf(was) / 10) !== Math.floor(percentOf(is) / 10) ? `${name}: ${percentOf(is)}% transcoded.` : null;
}

async function cutCard(api, cut, lead, outputs) {
    const card = el('li', { 'data-media': cut.id, 'data-state': cut.state },
        el('strong', {}, cut.cutNumber ? `v${cut.cutNumber} · ` : '', cut.originalName),
        el('p', { class: 'muted' }, `${bytes(cut.size)} · `, el('span', { class: 'media-state' }, MEDIA_STATES[cut.state])));
    const job = cut.job;
    if (cut.state === 'PROCESSING' && job) {
        card.append(el('progress', { max: '100', value: String(percentOf(job)), 'aria-label': 'Transcoding progress' }),
            el('p', { class: 'job-progress' }, progressWords(job)));
    }
    if (cut.facts) {
        const f = cut.facts;
        card.append(el('p', { class: 'muted' }, `${f.displayWidth}×${f.displayHeight} · ${f.frameRate.toFixed(2)} fps`
            + `${f.variableFrameRate ? ' (variable)' : ''} · ${duration(Math.round(f.durationSeconds))} · ${f.videoCodec}`
            + `${f.audioCodec ? ` · ${f.audioCodec} ${f.audioChannels === 1 ? 'mono' : `${f.audioChannels} ch`}` : ' · no sound'}`
            + `${f.loudnessLufs != null ? ` · sound at ${f.loudnessLufs.toFixed(1)} LUFS, delivered at -14` : ''}`));
    }
    if (cut.rejection) card.append(el('p', { class: 'notice' }, cut.rejection));
    if (!['UPLOADING', 'ABORTED'].includes(cut.state)) {
        const original = el('button', { type: 'button', class: 'link' }, 'Download the original');
        const refused = el('span', { class: 'notice', hidden: '' });
        original.addEventListener('click', () => sending(original, refused, async () => {
            window.location.href = (await api(`media/${cut.id}/original`)).url;
        }));
        card.append(original, refused);
    }
    if (cut.state === 'FAILED' && job && job.error) card.append(el('p', { class: 'notice' }, job.error));
    if (cut.state === 'READY') {
        // The files' links expire minutes after they are signed, and a card can stay on a phone's
        // screen for hours: a link is signed again when it is used.
        const fresh = async (kind) => {
            outputs.set(cut.id, await api(`media/${cut.id}/outputs`));
            return outputs.get(cut.id).find((o) => o.kind === kind).url;
        };
        if (!outputs.has(cut.id)) await fresh('PROXY');
        const files = outputs.get(cut.id);
        const proxy = files.find((o) => o.kind === 'PROXY');
        const poster = files.find((o) => o.kind === 'POSTER');
        if (proxy) {
            const video = el('video', { controls: '', preload: 'none', playsinline: '', src: proxy.url,
                ...(poster ? { poster: poster.url } : {}), class: 'proxy' });
            let signedAgainAt = 0;
            video.addEventListener('error', async () => {
                // Once a minute at most: a store that is down would otherwise be asked again and again.
                if (Date.now() - signedAgainAt < 60_000) return;
                signedAgainAt = Date.now();
                const at = video.currentTime;
                video.src = await fresh('PROXY');
                video.currentTime = at;
            });
            card.append(video);
        }
        card.append(el('p', {}, 'Delivery: ', ...files.filter((o) => DELIVERY_SHAPES[o.kind]).flatMap((o) => {
            const link = el('a', { href: o.url, class: 'button delivery' }, `${DELIVERY_SHAPES[o.kind]} · ${o.width}×${o.height}`);
            link.addEventListener('click', async (event) => {
                event.preventDefault();
                // Without an answer the link as first signed is still worth a try.
                window.location.href = await fresh(o.kind).catch(() => o.url);
            });
            return [link, ' '];
        })));
    }
    if (lead) card.append(transcodingActions(api, cut, outputs));
    return card;
}

// A lead stops a transcode or runs it again; the event stream shows what follows.
function transcodingActions(api, cut, outputs) {
    const actions = el('div', { class: 'decisions' });
    const refused = el('p', { class: 'notice', hidden: '' });
    const act = (text, method) => {
        const b = el('button', { type: 'button' }, text);
        b.addEventListener('click', () => sending(b, refused, async () => {
            await api(`media/${cut.id}/transcoding`, { method });
            outputs.delete(cut.id);
        }));
        return b;
    };
    if (cut.state === 'PROCESSING') actions.append(act('Cancel transcoding', 'DELETE'));
    if (['READY', 'FAILED', 'REJECTED'].includes(cut.state)) actions.append(act('Transcode again', 'POST'));
    actions.append(refused);
    return actions;
}

function duration(seconds) {
    if (seconds < 60) return `${seconds} s`;
    const minutes = Math.round(seconds / 60);
    return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function bytes(n) {
    return n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(1)} GB` : n >= 1024 ** 2 ? `${(n / 1024 ** 2).toFixed(1)} MB`
        : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${Math.round(n)} bytes`;
}

// One uploader per production for the life of the page: a redraw (a decision, a return to the
// production) shows the same one, where a second would send the same parts beside the first.
const uploaders = new Map();

function uploader(api, productionId) {
    if (!uploaders.has(productionId)) uploaders.set(productionId, newUploader(api, productionId));
    return uploaders.get(productionId).section;
}

// Golden Retriever keeps unfinished uploads' file names for a day: not for whoever uses this phone next.
function forgetUploads() {
    uploaders.forEach(({ uppy }) => {
        const remembering = uppy.getPlugin('GoldenRetriever');
        if (remembering) uppy.removePlugin(remembering);
    });
    Object.keys(localStorage).filter((key) => key.startsWith('uppyState:')).forEach((key) => localStorage.removeItem(key));
    indexedDB.deleteDatabase('uppy-blobs');
}

// Uppy sends the file straight to storage in parts, through URLs the API signs ahead of need.
// The upload session is opened before Uppy cuts the file, so both agree on the part size; Golden
// Retriever remembers unfinished uploads, so re-adding the same file after a closed tab or a reboot
// resumes from the parts the store already holds.
function newUploader(api, productionId) {
    const target = el('div', { id: 'uploader' });
    const trouble = el('p', { class: 'notice', role: 'alert', hidden: '' });
    const speed = el('p', { class: 'muted', id: 'upload-speed' });
    const partUrls = signedAhead(api);
    const uppy = new Uppy.Uppy({ id: `production-${productionId}`, autoProceed: false,
        restrictions: { maxNumberOfFiles: 1, allowedFileTypes: ['video/*', '.mov', '.mp4', '.mkv', '.mxf', '.webm', '.avi'] } })
        // Cancelling throws away every part sent, so it is not a button beside pause for a thumb to miss.
        .use(Uppy.Dashboard, { inline: true, target, height: 340, width: '100%', hideCancelButton: true,
            proudlyDisplayPoweredByUppy: false, note: 'Video up to 50 GB. If the connection drops, it carries on where it stopped.' })
        .use(Uppy.GoldenRetriever)
        .use(Uppy.AwsS3, {
            shouldUseMultipart: () => true,
            // Read from the file each time: one Golden Retriever brings back skips the preprocessor.
            getChunkSize: (data) => uppy.getFiles().find((f) => f.data === data)?.meta.partSize,
            // A phone losing its signal for a minute is no reason to stop.
            retryDelays: [0, 1000, 3000, 5000, 10_000, 20_000, 30_000, 60_000],
            signPart: async (file, { uploadId, partNumber }) => ({ url: await partUrls(uploadId, partNumber) }),
            listParts: async (file, { uploadId }) => {
                try {
                    return (await api(`media/${uploadId}/parts`)).map((p) => ({ PartNumber: p.number, Size: p.size, ETag: p.etag }));
                } catch (failure) {
                    const cut = await finishedCut(uploadId);
                    if (!cut) throw failure;
                    // Joined already, its answer lost: every part counts as sent, and completion finds the cut done.
                    return Array.from({ length: cut.partCount }, (_, i) => ({ PartNumber: i + 1, ETag: '',
                        Size: Math.min(cut.partSize, cut.size - i * cut.partSize) }));
                }
            },
            // The server joins the parts it finds stored. If its answer was lost, the cut has moved on without it.
            completeMultipartUpload: async (file, { uploadId }) => {
                try {
                    await api(`media/${uploadId}/completion`, { method: 'POST' });
                } catch (failure) {
                    if (!await finishedCut(uploadId)) throw failure;
                }
                return {};
            },
            abortMultipartUpload: async (file, { uploadId }) => { await api(`media/${uploadId}/upload`, { method: 'DELETE' }); },
        });
    const finishedCut = async (uploadId) => {
        const cut = await api(`media/${uploadId}`).catch(() => null);
        return cut && !['UPLOADING', 'ABORTED'].includes(cut.state) ? cut : null;
    };
    const complain = (text) => {
        trouble.textContent = text;
        trouble.hidden = false;
    };
    uppy.addPreProcessor(async (fileIds) => {
        for (const fileId of fileIds) {
            const file = uppy.getFile(fileId);
            if (file.meta.mediaId) continue;
            const session = await api(`productions/${productionId}/media`, { method: 'POST', type: 'application/json',
                body: JSON.stringify({ fileName: file.name, contentType: file.type || '', size: file.size }) })
                .catch((refused) => {
                    complain(`${file.name}: ${refused.message}`);
                    throw refused;
                });
            uppy.setFileMeta(fileId, { mediaId: session.id, partSize: session.partSize });
            // Sent as an upload being resumed, from its first part: Uppy gives up on a new upload whose
            // part fails, and throws away every part stored, but only lists and carries on with one resumed.
            uppy.setFileState(fileId, { s3Multipart: { uploadId: session.id, key: session.id } });
        }
    });
    uppy.on('upload-error', async (file, failure) => {
        // Stopped on the server, or left too long: the parts are gone, and Retry cannot help.
        const cut = file.meta.mediaId ? await api(`media/${file.meta.mediaId}`).catch(() => null) : null;
        complain(cut?.state === 'ABORTED'
            ? `${file.name}: the upload was stopped, or left unfinished too long, and the parts sent were thrown away. Remove it from the list above and add the file again.`
            : `${file.name} stopped: ${failure.message}. The parts sent are kept: it carries on when the connection is back, or with Retry.`);
    });
    // Only a failed upload needs it: with none, retryAll reports every upload complete, sending or not.
    uppy.on('back-online', () => uppy.getFiles().some((file) => file.error) && uppy.retryAll());

    // Uppy's bar shows what is sent and the time left; the speed, over the last ten seconds, is the page's.
    let samples = [];
    let tenthSaid = 0;
    const still = () => {
        samples = [];
        speed.textContent = '';
    };
    uppy.on('upload-progress', (file, progress) => {
        const now = performance.now();
        samples.push([now, progress.bytesUploaded]);
        while (samples.length > 2 && now - samples[0][0] > 10_000) samples.shift();
        const [since, sent] = samples[0];
        if (now - since >= 1000) speed.textContent = `${bytes(Math.max(0, progress.bytesUploaded - sent) * 1000 / (now - since))}/s`;
    });
    uppy.on('progress', (percent) => {
        const tenth = Math.floor(percent / 10);
        // Progress an upload Golden Retriever brings back had before the tab closed is not news.
        if (sending && tenth > tenthSaid && tenth < 10) {
            tenthSaid = tenth;
            say(`Upload ${tenth * 10} % sent`);
        }
    });
    ['pause-all', 'upload-pause', 'upload-error', 'cancel-all'].forEach((event) => uppy.on(event, still));

    // A phone that goes to sleep suspends the page, and the upload with it. The browser lets go of
    // the lock whenever the page is hidden, so it is asked for again when the page is back; a
    // paused upload lets the screen sleep.
    let sending = false;
    let paused = false;
    let awake = null;
    const stayAwake = async () => {
        const lock = sending && !paused ? await navigator.wakeLock?.request('screen').catch(() => null) : null;
        awake?.release();
        awake = sending && !paused ? lock : (lock?.release(), null);
    };
    const rest = () => {
        sending = false;
        still();
        stayAwake();
    };
    document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && stayAwake());
    const pause = (isPaused) => {
        paused = isPaused;
        stayAwake();
    };
    uppy.on('pause-all', () => pause(true));
    uppy.on('resume-all', () => pause(false));
    uppy.on('upload-pause', (file, isPaused) => pause(isPaused));
    // Sent by every start: a new upload, a retry and one Golden Retriever brings back alike.
    uppy.on('upload-start', () => {
        trouble.hidden = true;
        if (!sending) tenthSaid = 0;
        sending = true;
        paused = false;
        still();
        stayAwake();
    });
    uppy.on('error', rest);
    // The cut's card, fed by the event stream, takes over from here.
    uppy.on('complete', (result) => {
        rest();
        if (result.successful.length) uppy.clear();
    });
    return { uppy, section: el('section', {}, el('h2', {}, 'Upload a cut'), target, speed, trouble) };
}

// One request signs the next parts too: each part costs the API a call and, while it is signed,
// the part waits. A URL is used once (a failed part asks again, and a new batch replaces what an
// older one left), and not when it is about to expire or its batch failed.
function signedAhead(api, partsAtOnce = 12) {
    const signed = new Map();
    return async (uploadId, partNumber) => {
        const key = `${uploadId}/${partNumber}`;
        const ahead = signed.get(key);
        signed.delete(key);
        let part = ahead && await ahead;
        if (!part || !(Date.parse(part.expiresAt) - Date.now() >= 60_000)) {
            const batch = api(`media/${uploadId}/parts/urls?from=${partNumber}&count=${partsAtOnce}`, { method: 'POST' });
            const orNone = batch.catch(() => []);
            for (let next = partNumber + 1; next < partNumber + partsAtOnce; next++) {
                signed.set(`${uploadId}/${next}`, orNone.then((urls) => urls.find((u) => u.partNumber === next)));
            }
            part = (await batch).find((u) => u.partNumber === partNumber);
        }
        return part.url;
    };
}

// What was typed on the page when a sign-in ended, kept in the tab across signing in again and
// put back in the same fields, found by id or name, once the same page is drawn again.
const TYPED_BEFORE_SIGNING_IN = 'typed-before-signing-in-again';
const TYPED_FIELDS = 'textarea, input:not([type]), input[type=text], input[type=url], input[type=search]';

// Kept for the account that typed it, and for the next page drawn only: on a phone handed round at
// a workshop's door, the next person to sign in does not get it, nor does it turn up days later.
function keepTyped(account) {
    const fields = [...view.querySelectorAll(TYPED_FIELDS)].filter((f) => f.value !== f.defaultValue && (f.id || f.name))
        .map((f) => ({ id: f.id, name: f.name, value: f.value }));
    if (fields.length) sessionStorage.setItem(TYPED_BEFORE_SIGNING_IN, JSON.stringify({ account, page: window.location.hash, fields }));
}

function restoreTyped(account) {
    const kept = JSON.parse(sessionStorage.getItem(TYPED_BEFORE_SIGNING_IN) || 'null');
    sessionStorage.removeItem(TYPED_BEFORE_SIGNING_IN);
    if (!kept || kept.account !== account || kept.page !== window.location.hash) return;
    kept.fields.forEach(({ id, name, value }) => {
        const field = id ? document.getElementById(id) : view.querySelector(`[name="${CSS.escape(name)}"]`);
        // A field the page drew with a value of its own (a profile, a pitch being edited) is put back as typed.
        if (field && field.value === field.defaultValue) field.value = value;
    });
}

// "pitch.endsAt" reads "Ends at", "portfolioLinks[1]" "Portfolio links, entry 2": the server names
// fields as its requests do, for the forms that mark them; a refusal outside a form is read.
function fieldInWords(field) {
    const { name, entry } = fieldNamed(field);
    const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    return `${words.charAt(0).toUpperCase()}${words.slice(1)}${entry === null ? '' : `, entry ${entry}`}`;
}

function showError(error) {
    view.replaceChildren(el('h1', {}, 'Something went wrong'), el('p', { class: 'notice' }, error.message));
}

function signInFailed(reason) {
    const again = el('button', { type: 'button', class: 'primary', id: 'sign-in-again' }, 'Sign in again');
    // Without the address's part that carried the failed sign-in, which would fail the same way again.
    again.addEventListener('click', () => window.location.replace(window.location.pathname));
    view.replaceChildren(el('h1', {}, 'Signing in did not finish'),
        el('p', { class: 'notice' }, `The answer from the sign-in page was lost or refused${reason ? ` (${reason})` : ''}. `
            + 'Check the connection, then sign in again.'), again);
}

start().catch(showError);
