// SPDX-License-Identifier: AGPL-3.0-or-later
// Review of cuts: the player with frame stepping and the viewer's name over the picture, comments
// pinned to frames with their drawings, the lead's decisions, and two versions compared in step.

/* global Hls */

import { day, downloadButton, el, keepingFocus, noticingEdits, say, sending, two, when } from './dom.js';

export const PRODUCTION_STATES = { IN_PRODUCTION: 'In production', IN_REVIEW: 'In review', CHANGES_REQUESTED: 'Changes requested',
    APPROVED: 'Approved', RELEASED: 'Released', REJECTED: 'Rejected' };
const DECISIONS = { CHANGES_REQUESTED: 'Request changes', APPROVED: 'Approve', REJECTED: 'Reject' };
const ACTIONS = { SUBMITTED: 'submitted', CHANGES_REQUESTED: 'asked for changes on', APPROVED: 'approved', REJECTED: 'rejected' };
const TOOLS = { arrow: 'Arrow', rectangle: 'Box', freehand: 'Pen' };

// The server's timecode, for the frame under the playhead: drop-frame at 29.97 and 59.94, where two
// (or four) frame numbers are skipped each minute but every tenth, so timecode keeps to the clock.
export function timecode(frame, rate) {
    const nominal = Math.round(rate.perSecond);
    let counted = frame;
    if (rate.dropFrame) {
        const dropped = nominal / 15;
        const perTen = nominal * 600 - dropped * 9;
        const perMinute = nominal * 60 - dropped;
        const tens = Math.floor(frame / perTen);
        const intoTen = frame % perTen;
        counted += dropped * 9 * tens + (intoTen > dropped ? dropped * Math.floor((intoTen - dropped) / perMinute) : 0);
    }
    return `${two(Math.floor(counted / (nominal * 3600)))}:${two(Math.floor(counted / (nominal * 60)) % 60)}:`
        + `${two(Math.floor(counted / nominal) % 60)}${rate.dropFrame ? ';' : ':'}${two(counted % nominal)}`;
}

// What waits on the person signed in: the review queue and their notifications, for the home page.
export async function waitingOnMe(api, me) {
    const lead = me.roles.includes('video-lead') || me.roles.includes('admin');
    const [queue, notifications] = await Promise.all([api('review-queue'), api('notifications')]);
    const unread = notifications.filter((n) => !n.readAt);
    const notice = (n) => {
        const item = el('li', {}, el('a', { href: `#/productions/${n.productionId}` }, n.message),
            el('span', { class: 'muted' }, ` · ${when(n.createdAt)}`));
        item.querySelector('a').addEventListener('click', () => { api(`notifications/${n.id}/read`, { method: 'POST' }); });
        return item;
    };
    return el('div', {},
        el('section', { id: 'review-queue' }, el('h2', {}, lead ? 'Waiting for review, oldest first' : 'Needs your action'),
            queue.length ? el('ul', { class: 'cards' }, ...queue.map((w) => el('li', {},
                el('a', { href: reviewLink(w.production) }, w.production.title),
                el('p', { class: 'muted' }, `${w.reason} · ${w.production.ownerName} · since ${when(w.since)}`
                    + `${w.deadline ? ` · due ${day(w.deadline)}` : ''}`
                    + `${lead && !w.mayDecide ? ' · you make it: another lead decides' : ''}`))))
                : el('p', { class: 'muted' }, lead ? 'No cut is waiting for review.' : 'Nothing needs you right now.')),
        el('section', { id: 'notifications' }, el('h2', {}, `Notifications${unread.length ? ` (${unread.length} new)` : ''}`),
            notifications.length ? el('ul', { class: 'thread' }, ...notifications.slice(0, 20).map(notice))
                : el('p', { class: 'muted' }, 'No notifications yet.')));
}

function reviewLink(production) {
    return production.cutInReview ? `#/productions/${production.id}/review/${production.cutInReview}` : `#/productions/${production.id}`;
}

// On a cut's card: open its review, and for its producer, submit it.
export function reviewActions(api, me, production, cut, onSubmitted) {
    const actions = el('div', { class: 'decisions' });
    if (cut.state !== 'READY') return actions;
    actions.append(el('a', { class: 'button', href: `#/productions/${production.id}/review/${cut.id}` },
        cut.cutNumber ? `Review v${cut.cutNumber}` : 'Watch and comment'));
    if (production.ownerId === me.id && !cut.cutNumber && production.state === 'IN_REVIEW') {
        actions.append(el('p', { class: 'muted' }, 'Another cut is in review: submit this one once a lead has decided on it.'));
    } else if (production.ownerId === me.id && !cut.cutNumber && !['RELEASED', 'REJECTED'].includes(production.state)) {
        const submit = el('button', { type: 'button', class: 'primary' }, 'Submit for review');
        const refused = el('p', { class: 'notice', hidden: '' });
        submit.addEventListener('click', () => sending(submit, refused, async () => {
            await api(`cuts/${cut.id}/submission`, { method: 'POST' });
            onSubmitted();
        }));
        actions.append(submit, refused);
    }
    return actions;
}

// Players of the page on show; a new page stops them, or they would go on loading segments unseen.
let players = [];
window.addEventListener('hashchange', () => stopPlayers());

function stopPlayers() {
    players.forEach((hls) => hls.destroy());
    players = [];
}

// at: the frame to show, so that adding a comment does not send the reviewer back to the start
export async function renderReview(view, me, api, productionId, cutId, at = null) {
    stopPlayers();
    const [production, cuts, thread, history, team, checklist] = await Promise.all([api(`productions/${productionId}`),
        api(`productions/${productionId}/media`), api(`cuts/${cutId}/comments`), api(`productions/${productionId}/review`),
        api(`productions/${productionId}/review/team`), api(`productions/${productionId}/checklist`)]);
    const cut = cuts.find((c) => c.id === cutId);
    const lead = me.roles.includes('video-lead') || me.roles.includes('admin');
    // Nobody decides on or checks a production they make: the server refuses, so nothing offers it.
    const decides = lead && !team.some((m) => m.accountId === me.id);
    const player = await reviewPlayer(api, me, cut, thread);
    if (at != null) player.video.addEventListener('loadedmetadata', () => player.seek(at), { once: true });
    const refresh = () => keepingFocus(view, () => renderReview(view, me, api, productionId, cutId, player.frame()));
    const comments = commentPanel(api, player, cutId, thread, team);
    const undecided = ['IN_REVIEW', 'IN_PRODUCTION', 'CHANGES_REQUESTED'].includes(production.state);
    const onCutInReview = production.cutInReview === cutId;
    const versions = cuts.filter((c) => c.cutNumber).sort((a, b) => a.cutNumber - b.cutNumber);
    const earlier = versions.filter((c) => c.cutNumber < (cut.cutNumber || Infinity));
    view.replaceChildren(
        el('p', {}, el('a', { href: `#/productions/${productionId}` }, `← ${production.title}`)),
        el('h1', {}, `${production.title} · ${cut.cutNumber ? `v${cut.cutNumber}` : cut.originalName}`),
        el('p', {}, el('span', { class: 'role', id: 'production-state' }, PRODUCTION_STATES[production.state]),
            ` ${production.ownerName}`, cut.approvedAt ? el('span', { class: 'role' }, 'Approved cut: frozen') : ''),
        versions.length > 1 ? el('p', {}, 'Versions: ', ...versions.flatMap((v) => [v.id === cutId
            ? el('strong', {}, `v${v.cutNumber}`) : el('a', { href: `#/productions/${productionId}/review/${v.id}` }, `v${v.cutNumber}`), ' ']),
            earlier.length ? el('a', { class: 'button', href: `#/productions/${productionId}/compare/${earlier[earlier.length - 1].id}/${cutId}` },
                `Compare with v${earlier[earlier.length - 1].cutNumber}`) : '') : '',
        player.element,
        comments,
        // Ticks and decisions vouch for the cut in review: offered on its page only.
        checklistPanel(api, me, production, checklist, lead, decides && onCutInReview),
        decides && production.state === 'IN_REVIEW' && onCutInReview ? decisionPanel(api, production, refresh) : '',
        decides && ['IN_PRODUCTION', 'CHANGES_REQUESTED'].includes(production.state) ? decisionPanel(api, production, refresh, ['REJECTED']) : '',
        lead && !decides && undecided
            ? el('p', { class: 'muted', id: 'decided-by-another' }, 'You make this production: another lead checks it and decides on it.') : '',
        reviewHistory(history));
}

// Two versions side by side: one play button, one playhead; each keeps its own comments.
export async function renderCompare(view, me, api, productionId, leftId, rightId) {
    stopPlayers();
    const [production, cuts] = await Promise.all([api(`productions/${productionId}`), api(`productions/${productionId}/media`)]);
    const sides = await Promise.all([leftId, rightId].map(async (id) => {
        const cut = cuts.find((c) => c.id === id);
        const thread = await api(`cuts/${id}/comments`);
        const player = await reviewPlayer(api, me, cut, thread, { controls: false });
        return { cut, player, element: el('div', { class: 'side' }, el('h2', {}, `v${cut.cutNumber}`), player.element,
            commentList(thread.comments, player)) };
    }));
    const [left, right] = sides.map((s) => s.player.video);
    const play = el('button', { type: 'button', class: 'primary' }, 'Play both');
    play.addEventListener('click', () => {
        if (left.paused) {
            right.currentTime = left.currentTime;
            Promise.all([left.play(), right.play()]);
            play.textContent = 'Pause both';
        } else {
            left.pause();
            right.pause();
            right.currentTime = left.currentTime;
            play.textContent = 'Play both';
        }
    });
    // The left side leads; the right is pulled back into step when it drifts by more than a frame.
    left.addEventListener('timeupdate', () => {
        if (Math.abs(right.currentTime - left.currentTime) > 1 / sides[0].player.rate.perSecond) right.currentTime = left.currentTime;
    });
    left.addEventListener('seeked', () => { right.currentTime = left.currentTime; });
    const scrub = el('input', { type: 'range', min: '0', max: String(left.duration || 0), step: 'any', 'aria-label': 'Playhead of both' });
    left.addEventListener('loadedmetadata', () => scrub.setAttribute('max', String(left.duration)));
    left.addEventListener('timeupdate', () => { scrub.value = String(left.currentTime); });
    scrub.addEventListener('input', () => { left.currentTime = Number(scrub.value); });
    view.replaceChildren(
        el('p', {}, el('a', { href: `#/productions/${productionId}/review/${rightId}` }, `← ${production.title}`)),
        el('h1', {}, `${production.title}: v${sides[0].cut.cutNumber} and v${sides[1].cut.cutNumber}`),
        el('div', { class: 'decisions' }, play, scrub),
        el('div', { class: 'compare' }, ...sides.map((s) => s.element)));
}

// The HLS ladder through hls.js; the API serves the playlists and the store the segments, behind
// links that soon expire. Browsers without Media Source Extensions play the 720p proxy instead.
async function reviewPlayer(api, me, cut, thread, { controls = true } = {}) {
    const rate = thread.frameRate;
    const outputs = await api(`media/${cut.id}/outputs`);
    const poster = outputs.find((o) => o.kind === 'POSTER');
    const video = el('video', { playsinline: '', preload: 'auto', class: 'review', ...(poster ? { poster: poster.url } : {}),
        ...(controls ? { controls: '' } : {}) });
    const stalled = el('p', { class: 'notice stalled', hidden: '' }, 'The video lost its connection: trying again…');
    if (window.Hls && Hls.isSupported()) {
        const master = new URL(`api/media/${cut.id}/hls/master.m3u8`, window.location.href).href;
        let failures = 0;
        // The store's links expire while a reviewer pauses to write, and phones lose the line: a
        // player given up on is started again from fresh playlists, which carry fresh links, at the
        // same place, waiting longer each time so that a store that is down is not hammered.
        const play = (startPosition) => {
            const hls = new Hls({ startPosition, xhrSetup: async (xhr, url) => {
                if (url.includes('/api/')) xhr.setRequestHeader('Authorization', `Bearer ${await api.token()}`);
            } });
            hls.on(Hls.Events.FRAG_LOADED, () => { failures = 0; stalled.hidden = true; });
            hls.on(Hls.Events.ERROR, (event, data) => {
                if (!data.fatal) return;
                if (data.type === Hls.ErrorTypes.MEDIA_ERROR && failures === 0) {
                    failures += 1;
                    hls.recoverMediaError();
                    return;
                }
                failures += 1;
                stalled.hidden = false;
                // Kept attached until then: the picture, and the frame a comment is pinned to, stay where they were.
                const at = video.currentTime;
                const retry = setTimeout(() => {
                    hls.destroy();
                    players = players.filter((p) => p !== hls && p !== pending);
                    play(at);
                }, Math.min(30, 2 ** failures) * 1000);
                // Leaving the page stops the players, and with them a retry still to come.
                const pending = { destroy: () => clearTimeout(retry) };
                players.push(pending);
            });
            hls.loadSource(master);
            hls.attachMedia(video);
            players.push(hls);
        };
        play(-1);
    } else {
        video.src = outputs.find((o) => o.kind === 'PROXY').url;
    }
    const canvas = el('canvas', { class: 'drawing', 'aria-hidden': 'true' });
    const f = cut.facts;
    // As wide as the picture and no wider, also where its height is capped: drawings are kept as
    // fractions of this box, and bars beside a portrait picture would shift them on other screens.
    const picture = el('div', { class: 'picture', style: `aspect-ratio: ${f.displayWidth} / ${f.displayHeight}; `
        + `max-width: calc(70vh * ${f.displayWidth} / ${f.displayHeight}); margin-inline: auto` },
        video, canvas, el('div', { class: 'watermark', 'aria-hidden': 'true' }, `${me.name} · review copy · ${new Date().toLocaleDateString()}`));
    // Frames are sought at their middle, so rounding in the decoder never lands on the one before.
    const frame = () => Math.min(thread.frameCount - 1, Math.floor(video.currentTime * rate.perSecond + 1e-6));
    const seek = (n) => { video.pause(); video.currentTime = (n + 0.5) / rate.perSecond; };
    // Not read out on each change, four times a second while the cut plays: a reader asks for it.
    const display = el('output', { class: 'timecode', 'data-frame': '0', 'aria-live': 'off' }, timecode(0, rate));
    const tick = () => {
        display.textContent = timecode(frame(), rate);
        display.setAttribute('data-frame', String(frame()));
    };
    ['timeupdate', 'seeked'].forEach((e) => video.addEventListener(e, tick));
    const step = (by, label) => {
        // Named by the words it shows, which is what voice control users say.
        const b = el('button', { type: 'button' }, by < 0 ? `◀ ${label}` : `${label} ▶`);
        b.addEventListener('click', () => seek(Math.max(0, Math.min(thread.frameCount - 1, frame() + by))));
        return b;
    };
    const timeline = el('div', { class: 'timeline', role: 'group', 'aria-label': 'Comments along the cut' });
    const player = { element: el('div', { class: 'player' }, picture, stalled,
        el('div', { class: 'decisions' }, step(-1, 'Back 1 frame'), display, step(1, 'Forward 1 frame')), timeline),
    video, canvas, rate, frame, seek, timeline, commentsFollowing: null };
    const resize = () => { canvas.width = canvas.clientWidth; canvas.height = canvas.clientHeight; };
    new ResizeObserver(() => { resize(); player.redraw?.(); }).observe(canvas);
    player.markers = (comments) => timeline.replaceChildren(...comments.filter((c) => !c.threadId).map((c) => {
        const start = (c.frame / thread.frameCount) * 100;
        const width = c.endFrame != null ? ((c.endFrame - c.frame + 1) / thread.frameCount) * 100 : 0;
        const marker = el('button', { type: 'button', class: `marker${width ? ' range' : ''}${c.resolved ? ' resolved' : ''}`, 'data-frame': String(c.frame),
            title: `${c.timecode}${c.resolved ? ' (resolved)' : ''} ${c.body}`, style: `left: ${start}%; ${width ? `width: ${width}%;` : ''}` });
        marker.addEventListener('click', () => seek(c.frame));
        return marker;
    }));
    player.markers(thread.comments);
    return player;
}

// Shapes are kept in fractions of the picture, so they land on the same spot at any player size.
function drawShapes(canvas, shapes) {
    const g = canvas.getContext('2d');
    g.clearRect(0, 0, canvas.width, canvas.height);
    g.lineWidth = Math.max(2, canvas.width / 200);
    shapes.forEach((shape) => {
        const p = shape.points.map(([x, y]) => [x * canvas.width, y * canvas.height]);
        g.strokeStyle = shape.color;
        g.beginPath();
        if (shape.kind === 'rectangle') {
            g.rect(p[0][0], p[0][1], p[1][0] - p[0][0], p[1][1] - p[0][1]);
        } else {
            g.moveTo(...p[0]);
            p.slice(1).forEach((point) => g.lineTo(...point));
        }
        if (shape.kind === 'arrow') {
            const [[x0, y0], [x1, y1]] = p;
            const angle = Math.atan2(y1 - y0, x1 - x0);
            const head = g.lineWidth * 6;
            [-0.5, 0.5].forEach((spread) => {
                g.moveTo(x1, y1);
                g.lineTo(x1 - head * Math.cos(angle + spread), y1 - head * Math.sin(angle + spread));
            });
        }
        g.stroke();
    });
}

// A comment, reply or resolution redraws the comments and the markers only: the player keeps
// playing where it was, and what is typed elsewhere on the page (a decision's summary) stays.
function commentPanel(api, player, cutId, thread, team) {
    const shapes = [];
    let tool = null;
    let endFrame = null;
    let drawing = null;
    const { canvas } = player;
    const point = (event) => {
        const box = canvas.getBoundingClientRect();
        return [Math.min(1, Math.max(0, (event.clientX - box.left) / box.width)), Math.min(1, Math.max(0, (event.clientY - box.top) / box.height))];
    };
    // A box or an arrow is two points, so it needs no drag: a tap sets the first point and a second
    // tap the other; on the keyboard the arrow keys move a crosshair and Enter sets each point.
    // Only the pen follows a pointer's path.
    let crosshair = null;
    const shown = () => {
        const at = player.frame();
        const here = thread.comments.filter((c) => c.drawing && !c.threadId && at >= c.frame && at <= (c.endFrame ?? c.frame));
        const aim = crosshair && [[crosshair[0] - 0.02, crosshair[1]], [crosshair[0] + 0.02, crosshair[1]], crosshair,
            [crosshair[0], crosshair[1] - 0.02], [crosshair[0], crosshair[1] + 0.02]];
        return [...here.flatMap((c) => c.drawing), ...shapes, ...(drawing ? [drawing] : []),
            ...(aim ? [{ kind: 'freehand', color: '#00e5ff', points: aim }] : [])];
    };
    const twoPoints = () => tool === 'arrow' || tool === 'rectangle';
    const apart = ([x0, y0], [x1, y1]) => Math.hypot(x1 - x0, y1 - y0) >= 0.01;
    // Sets a point of a box or arrow; a second one elsewhere finishes it.
    const setPoint = (at) => {
        if (!drawing) {
            drawing = { kind: tool, color: '#ffcc00', points: [at, at] };
        } else if (apart(drawing.points[0], at)) {
            drawing.points[1] = at;
            shapes.push(drawing);
            drawing = null;
            say(`${TOOLS[tool]} drawn: ${shapes.length} ${shapes.length === 1 ? 'shape' : 'shapes'} on this comment.`);
        }
        player.redraw();
    };
    player.redraw = () => drawShapes(canvas, shown());
    ['timeupdate', 'seeked'].forEach((e) => player.video.addEventListener(e, player.redraw));
    let pressedAt = null;
    let begunByThisPress = false;
    canvas.addEventListener('pointerdown', (event) => {
        if (!tool) return;
        player.video.pause();
        canvas.setPointerCapture(event.pointerId);
        pressedAt = point(event);
        // A box or arrow begun by a tap is finished by this press: its second point comes on release.
        begunByThisPress = !drawing;
        if (!drawing) drawing = { kind: tool, color: '#ffcc00', points: [pressedAt, pressedAt] };
    });
    canvas.addEventListener('pointermove', (event) => {
        if (!drawing || (!pressedAt && drawing.kind === 'freehand')) return;
        if (drawing.kind === 'freehand') drawing.points.push(point(event));
        else drawing.points[1] = point(event);
        player.redraw();
    });
    canvas.addEventListener('pointerup', (event) => {
        // A press begun outside the picture is none of its business.
        if (!drawing || !pressedAt) return;
        const at = point(event);
        const tapped = !apart(pressedAt, at);
        pressedAt = null;
        // A tap on a box or arrow not yet begun sets its first point; anything else ends the shape.
        if (tapped && twoPoints() && begunByThisPress) return;
        if (drawing.kind === 'freehand') {
            drawing.points.push(at);
        } else {
            drawing.points = [drawing.points[0], at];
        }
        // A pen's tap, or a second tap on the first point, draws nothing anyone could see.
        if (drawing.points.some((p) => apart(drawing.points[0], p))) shapes.push(drawing);
        drawing = null;
        player.redraw();
    });
    // The system took the press (a scroll, a gesture): whatever it began is dropped.
    canvas.addEventListener('pointercancel', () => {
        pressedAt = null;
        drawing = null;
        player.redraw();
    });
    canvas.addEventListener('keydown', (event) => {
        if (!tool || !twoPoints()) return;
        if (event.repeat && (event.key === 'Enter' || event.key === ' ')) {
            event.preventDefault();
            return;
        }
        player.video.pause();
        crosshair ??= drawing ? drawing.points[1] : [0.5, 0.5];
        const step = event.shiftKey ? 0.1 : 0.02;
        const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
        if (moves[event.key]) {
            const [dx, dy] = moves[event.key];
            crosshair = [Math.min(1, Math.max(0, crosshair[0] + dx)), Math.min(1, Math.max(0, crosshair[1] + dy))];
            if (drawing) drawing.points[1] = crosshair;
            player.redraw();
        } else if (event.key === 'Enter' || event.key === ' ') {
            setPoint(crosshair);
        } else {
            return;
        }
        event.preventDefault();
    });
    // The crosshair is the keyboard's: a click that focuses the picture draws with the pointer.
    canvas.addEventListener('focus', () => {
        if (!canvas.matches(':focus-visible')) return;
        crosshair = drawing ? drawing.points[1] : [0.5, 0.5];
        player.redraw();
    });
    canvas.addEventListener('blur', () => { crosshair = null; player.redraw(); });
    const tools = Object.entries(TOOLS).map(([kind, label]) => {
        const b = el('button', { type: 'button', 'aria-pressed': 'false', 'data-tool': kind }, label);
        b.addEventListener('click', () => {
            tool = tool === kind ? null : kind;
            drawing = null;
            tools.forEach((t) => t.setAttribute('aria-pressed', String(t.dataset.tool === tool)));
            canvas.classList.toggle('active', Boolean(tool));
            if (twoPoints()) {
                canvas.removeAttribute('aria-hidden');
                canvas.tabIndex = 0;
                canvas.setAttribute('role', 'application');
                canvas.setAttribute('aria-label', `Picture to draw a ${TOOLS[tool].toLowerCase()} on: arrow keys move the crosshair`
                    + ' (with Shift, further), Enter sets each of its two points');
            } else {
                canvas.setAttribute('aria-hidden', 'true');
                canvas.removeAttribute('tabindex');
                canvas.removeAttribute('role');
                canvas.removeAttribute('aria-label');
            }
        });
        return b;
    });
    const clear = el('button', { type: 'button' }, 'Clear drawing');
    clear.addEventListener('click', () => { shapes.length = 0; drawing = null; player.redraw(); });
    const rangeEnd = el('button', { type: 'button' }, 'Mark range end here');
    // An end marked by mistake is taken back here: the comment would otherwise go with it, or be
    // refused for ending before it starts, until the next comment was sent.
    const clearRange = el('button', { type: 'button', hidden: '' }, 'Clear range end');
    const where = el('span', { class: 'muted', id: 'comment-at' });
    const showWhere = () => {
        where.textContent = endFrame != null ? `From ${timecode(player.frame(), player.rate)} to ${timecode(endFrame, player.rate)}`
            : `At ${timecode(player.frame(), player.rate)}`;
        clearRange.hidden = endFrame == null;
    };
    ['timeupdate', 'seeked'].forEach((e) => player.video.addEventListener(e, showWhere));
    showWhere();
    rangeEnd.addEventListener('click', () => { endFrame = player.frame(); showWhere(); });
    clearRange.addEventListener('click', () => { endFrame = null; showWhere(); });
    const body = el('textarea', { id: 'comment-body', name: 'body', rows: '3', 'aria-label': 'Comment', placeholder: 'What should change at this frame?' });
    const mentions = team.map((m) => el('label', { class: 'check' }, el('input', { type: 'checkbox', value: m.accountId }), m.name));
    const error = el('p', { class: 'notice', hidden: '' });
    const form = el('form', { id: 'comment-form' }, el('h2', {}, 'Comment'), where, body,
        el('div', { class: 'decisions' }, ...tools, clear, rangeEnd, clearRange),
        team.length ? el('fieldset', {}, el('legend', {}, 'Notify'), ...mentions) : '',
        el('button', { type: 'submit', class: 'primary' }, 'Add comment at this frame'), error);
    const earlierOpen = () => (thread.earlierOpen.length ? el('section', { id: 'earlier-open' }, el('h2', {}, 'Still open from earlier versions'),
        el('ul', { class: 'thread' }, ...thread.earlierOpen.map((c) => el('li', {},
            el('p', {}, el('strong', {}, `v${c.cutNumber} ${c.timecode}`), ` ${c.authorName}: ${c.body}`))))) : '');
    const listed = el('div', {});
    const refresh = async () => {
        const fresh = await api(`cuts/${cutId}/comments`);
        // Replies half written in other threads are put back into their threads.
        const replies = new Map([...listed.querySelectorAll('li[data-comment]')]
            .map((item) => [item.dataset.comment, item.querySelector('input[aria-label=Reply]')?.value]).filter(([, typed]) => typed));
        Object.assign(thread, fresh);
        await keepingFocus(listed, () => listed.replaceChildren(commentList(thread.comments, player, api, refresh), earlierOpen()));
        replies.forEach((typed, id) => {
            const input = listed.querySelector(`li[data-comment="${CSS.escape(id)}"] input[aria-label=Reply]`);
            if (input) input.value = typed;
        });
        player.markers(thread.comments);
        player.redraw();
    };
    listed.append(commentList(thread.comments, player, api, refresh), earlierOpen());
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        sending(form, error, async () => {
            await api(`cuts/${cutId}/comments`, {
                method: 'POST', type: 'application/json', body: JSON.stringify({ frame: player.frame(), endFrame, body: body.value,
                    drawing: shapes.length ? shapes : null,
                    mentions: mentions.map((m) => m.querySelector('input')).filter((i) => i.checked).map((i) => i.value) }) });
            form.reset();
            shapes.length = 0;
            drawing = null;
            endFrame = null;
            showWhere();
            await refresh();
        });
    });
    return el('div', {}, form, listed);
}

// Threads in order along the cut; the one under the playhead is marked as the video plays.
function commentList(comments, player, api, refresh) {
    const threads = comments.filter((c) => !c.threadId).sort((a, b) => a.frame - b.frame);
    const items = threads.map((c) => {
        const go = el('button', { type: 'button', class: 'link timecode-link', 'data-frame': String(c.frame) },
            c.endFrame != null ? `${c.timecode}–${c.endTimecode}` : c.timecode);
        go.addEventListener('click', () => player.seek(c.frame));
        const item = el('li', { 'data-comment': c.id, class: c.resolved ? 'resolved' : '' },
            el('p', {}, go, ` ${c.authorName}${c.drawing ? ' · drawing' : ''}${c.resolved ? ` · resolved by ${c.resolvedBy}` : ''}`),
            el('p', {}, c.body),
            c.mentions.length ? el('p', { class: 'muted' }, `Notified: ${c.mentions.map((m) => m.name).join(', ')}`) : '',
            ...comments.filter((r) => r.threadId === c.id).map((r) => el('p', { class: 'reply' }, `↳ ${r.authorName}: ${r.body}`)));
        if (api) item.append(threadActions(api, c, refresh));
        return item;
    });
    const section = el('section', { id: 'comments' }, el('h2', {}, `Comments (${threads.length})`),
        threads.length ? el('ul', { class: 'thread' }, ...items) : el('p', { class: 'muted' }, 'No comments on this version yet.'));
    const follow = () => {
        if (!section.isConnected) return;
        const at = player.frame();
        threads.forEach((c, i) => {
            const current = at >= c.frame && at <= (c.endFrame ?? c.frame + Math.round(player.rate.perSecond * 2));
            items[i].classList.toggle('current', current);
            if (current) items[i].setAttribute('aria-current', 'true'); else items[i].removeAttribute('aria-current');
        });
    };
    // One list follows the player: the list this one replaces stops, shown or not, so none are left listening.
    player.commentsFollowing?.abort();
    player.commentsFollowing = new AbortController();
    ['timeupdate', 'seeked'].forEach((e) => player.video.addEventListener(e, follow, { signal: player.commentsFollowing.signal }));
    return section;
}

function threadActions(api, comment, refresh) {
    const reply = el('input', { type: 'text', 'aria-label': 'Reply', placeholder: 'Reply' });
    const send = el('button', { type: 'button' }, 'Reply');
    const toggle = el('button', { type: 'button' }, comment.resolved ? 'Reopen' : 'Resolve');
    const error = el('p', { class: 'notice', hidden: '' });
    send.addEventListener('click', () => {
        if (!reply.value.trim()) return;
        sending([send, toggle], error, async () => {
            await api(`comments/${comment.id}/replies`, { method: 'POST', type: 'application/json', body: JSON.stringify({ body: reply.value }) });
            reply.value = '';
            await refresh();
        });
    });
    toggle.addEventListener('click', () => sending([send, toggle], error, async () => {
        await api(`comments/${comment.id}/resolution`, { method: 'PUT', type: 'application/json',
            body: JSON.stringify({ resolved: !comment.resolved }) });
        await refresh();
    }));
    return el('div', {}, el('div', { class: 'decisions' }, reply, send, toggle), error);
}

function decisionPanel(api, production, refresh, allowed = ['CHANGES_REQUESTED', 'APPROVED', 'REJECTED']) {
    const summary = el('textarea', { id: 'decision-summary', rows: '3', 'aria-label': 'Summary for the producer',
        placeholder: 'What you decided and why: the producer reads this' });
    const error = el('p', { class: 'notice', hidden: '' });
    const buttons = allowed.map((decision) => {
        const b = el('button', { type: 'button', class: decision === 'APPROVED' ? 'primary big' : 'big', 'data-decision': decision },
            DECISIONS[decision]);
        b.addEventListener('click', () => sending(buttons, error, async () => {
            await api(`productions/${production.id}/review/decisions`, { method: 'POST', type: 'application/json',
                body: JSON.stringify({ decision, summary: summary.value, cut: production.cutInReview }) });
            // Awaited: the buttons stay disabled until the page shows the decision, or a second
            // click on this panel would decide again on what it no longer shows.
            await refresh();
        }));
        return b;
    });
    return el('section', { class: 'panel', id: 'decision' }, el('h2', {}, allowed.length > 1 ? 'Decision' : 'Reject the production'),
        summary, el('div', { class: 'decisions' }, ...buttons), error);
}

function reviewHistory(history) {
    return el('section', { id: 'review-history' }, el('h2', {}, 'History'),
        history.length ? el('ul', { class: 'thread' }, ...history.map((e) => el('li', {},
            el('p', {}, `${when(e.takenAt)}: ${e.actorName} ${ACTIONS[e.action]}${e.cutNumber ? ` v${e.cutNumber}` : ' the production'}`),
            e.summary ? el('p', {}, e.summary) : '')))
            : el('p', { class: 'muted' }, 'Nothing submitted yet.'));
}

// The pre-release checklist: what holds and why not, the producer's evidence, the lead's ticks.
// lead: may add checks and evidence; mayTick: a lead who does not make the production, on the cut in review's page
function checklistPanel(api, me, production, checklist, lead, mayTick) {
    const mayAdd = lead || production.ownerId === me.id;
    const panel = el('section', { class: 'panel', id: 'checklist' });
    const error = el('p', { class: 'notice', hidden: '' });
    // One request per control at a time: a quick second click would race the first to the server.
    // The panel is drawn again after each; an imprint typed and not saved yet stays as typed.
    const whileSending = (control, work, { imprintSaved = false } = {}) => sending(control, error, async () => {
        const current = await work();
        await keepingFocus(panel, () => show(current, imprintSaved));
    });
    const show = (current, imprintSaved = false) => {
        const typed = panel.querySelector('#imprint-form');
        const keptImprint = !imprintSaved && typed?.unsaved() ? typed : null;
        error.hidden = true;
        const items = current.items.map((item) => {
            const row = el('li', { 'data-item': item.id, class: item.done ? 'done' : 'open' },
                el('p', {}, el('strong', {}, `${item.done ? '✓' : '✗'} ${item.title}`), item.required ? '' : ' (optional)'),
                el('p', { class: 'muted' }, item.detail));
            if (mayTick && item.tickable) {
                const box = el('input', { type: 'checkbox', 'data-tick': item.id });
                box.checked = item.kind === 'MANUAL' ? item.done : item.detail.startsWith('nobody identifiable');
                box.addEventListener('change', () => whileSending(box, async () => {
                    try {
                        return await api(`productions/${production.id}/checklist/items/${item.id}`,
                            { method: 'PUT', type: 'application/json', body: JSON.stringify({ done: box.checked, cut: production.cutInReview }) });
                    } catch (e) {
                        // Refused: the box shows what holds, not what was asked.
                        box.checked = !box.checked;
                        throw e;
                    }
                }));
                row.append(el('label', { class: 'check' }, box, item.kind === 'MANUAL' ? 'I checked this' : 'Nobody can be identified'));
            }
            return row;
        });
        panel.replaceChildren(el('h2', {}, 'Before release'), el('ul', { class: 'thread' }, ...items),
            current.documents.length ? el('p', {}, 'On file: ', ...current.documents.flatMap((d) => [
                downloadButton(api, `productions/${production.id}/checklist/documents/${d.id}`, d.fileName, d.fileName, 'link'), ' '])) : '',
            mayAdd ? evidenceForms(api, production, current, whileSending, keptImprint) : '', error);
    };
    show(checklist);
    return panel;
}

// keptImprint: the imprint form as the viewer left it, typed into and not saved; it keeps the version it was filled from.
function evidenceForms(api, production, current, whileSending, keptImprint) {
    const base = `productions/${production.id}/checklist`;
    const upload = (label, path, accept, type) => {
        const input = el('input', { type: 'file', accept });
        input.addEventListener('change', () => {
            const file = input.files[0];
            if (file) {
                whileSending(input, async () => {
                    try {
                        return await api(`${base}/${path}?fileName=${encodeURIComponent(file.name)}`, { method: 'POST', type: type(file), body: file });
                    } finally {
                        // The same file, mended and picked again, would otherwise not count as a change.
                        input.value = '';
                    }
                });
            }
        });
        return el('label', {}, label, input);
    };
    return el('div', {}, keptImprint || imprintForm(base, current, whileSending, api),
        upload('Captions (SRT or WebVTT)', 'captions', '.srt,.vtt', (file) => (file.name.endsWith('.vtt') ? 'text/vtt' : 'application/x-subrip')),
        upload('Signed consent or release form (PDF or photo)', 'consent-forms', 'application/pdf,image/*',
            (file) => file.type || 'application/octet-stream'));
}

function imprintForm(base, current, whileSending, api) {
    const field = (name, label, value) => el('label', {}, label, el('input', { type: 'text', name, value: value || '' }));
    const imprint = current.imprint || {};
    const form = el('form', { id: 'imprint-form' }, el('h3', {}, 'Digital imprint'),
        field('promoter', 'Promoted by', imprint.promoter), field('promoterAddress', 'Their address', imprint.promoterAddress),
        field('onBehalfOf', 'On behalf of (if anyone)', imprint.onBehalfOf), field('onBehalfAddress', 'Their address', imprint.onBehalfAddress),
        el('button', { type: 'submit' }, 'Save imprint'));
    noticingEdits(form);
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        // The version it was filled in from: a save by someone else meanwhile is reported, not overwritten.
        const values = { ...Object.fromEntries(new FormData(form).entries()), version: current.imprint ? current.imprint.version : null };
        whileSending(form.querySelector('button[type=submit]'),
            () => api(`${base}/imprint`, { method: 'PUT', type: 'application/json', body: JSON.stringify(values) }), { imprintSaved: true });
    });
    return form;
}

// Admins decide what the checklist asks; built-in items can be made optional or retired, never deleted.
export async function renderChecklistItems(view, me, api) {
    const items = await api('checklist-items?withRetired=true');
    const error = el('p', { class: 'notice', hidden: '' });
    const row = (item) => {
        const title = el('input', { type: 'text', value: item.title, 'aria-label': 'Title' });
        const guidance = el('textarea', { rows: '2', 'aria-label': 'Guidance' }, item.guidance || '');
        const required = el('input', { type: 'checkbox' });
        required.checked = item.required;
        const retired = el('input', { type: 'checkbox' });
        retired.checked = Boolean(item.retiredAt);
        const save = el('button', { type: 'button' }, 'Save');
        save.addEventListener('click', () => sending(save, error, async () => {
            await api(`checklist-items/${item.id}`, { method: 'PUT', type: 'application/json',
                body: JSON.stringify({ title: title.value, guidance: guidance.value, required: required.checked, retired: retired.checked }) });
            await renderChecklistItems(view, me, api);
        }));
        return el('li', { class: retired.checked ? 'resolved' : '' }, el('p', { class: 'muted' }, item.kind === 'MANUAL'
            ? 'Checked by a lead' : `Satisfied by the production's ${item.kind.toLowerCase()}`), title, guidance,
        el('label', { class: 'check' }, required, 'Required for approval'), el('label', { class: 'check' }, retired, 'Retired'), save);
    };
    const title = el('input', { type: 'text', name: 'title', 'aria-label': 'New item' });
    const add = el('form', {}, el('h2', {}, 'Add a check a lead makes'), title,
        el('button', { type: 'submit', class: 'primary' }, 'Add as required'));
    // Disabled while sending: a double click added the same required item twice.
    add.addEventListener('submit', (event) => {
        event.preventDefault();
        sending(add, error, async () => {
            await api('checklist-items', { method: 'POST', type: 'application/json', body: JSON.stringify({ title: title.value, required: true }) });
            await renderChecklistItems(view, me, api);
        });
    });
    view.replaceChildren(el('h1', {}, 'Pre-release checklist'),
        el('p', { class: 'muted' }, 'Approval is refused while a required item is open on a production.'),
        el('ul', { class: 'cards', id: 'checklist-items' }, ...items.map(row)), add, error);
}
