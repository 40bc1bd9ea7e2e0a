// SPDX-License-Identifier: AGPL-3.0-or-later
// How released videos did: a video's days as a chart, the leaderboard and comparisons across
// videos, a producer's portfolio, and the import of the platforms' exports. Charts are drawn with
// Chart.js, served by this application (vendor/chart.js).

import { downloadButton, el, latestOnly, localDate } from './dom.js';
import { PLATFORMS } from './labels.js';

// Views are counted differently on each platform; the page says how next to the numbers.
const VIEW_DEFINITIONS = {
    YOUTUBE: 'YouTube counts a view each time a video starts, and since March 2025 every start or replay of a Short.',
    FACEBOOK: 'Facebook counts every play of a video or reel, replays included.',
    INSTAGRAM: 'Instagram counts every play of a reel, replays included.',
    TIKTOK: 'TikTok counts a view as soon as a video starts playing, replays included.',
    X: 'X counts a view when a video is at least half on screen for two seconds.',
    WHATSAPP: 'WhatsApp gives no view counts; share links count clicks instead.',
};
const PLATFORM_COLOURS = { YOUTUBE: '#c4302b', FACEBOOK: '#1877f2', INSTAGRAM: '#c13584', TIKTOK: '#111111', X: '#657786',
    WHATSAPP: '#1a7f45' };
// Lines are told apart by their dashes too: by colour alone YouTube's and Instagram's are alike to many eyes.
const PLATFORM_DASHES = { YOUTUBE: [], FACEBOOK: [10, 4], INSTAGRAM: [3, 3], TIKTOK: [12, 4, 3, 4], X: [6, 6], WHATSAPP: [1, 4] };
const TRAITS = { format: 'Format', platform: 'Platform', goal: 'Campaign goal', producer: 'Producer' };

const number = (n) => (n == null ? 'unknown' : Math.round(n).toLocaleString());
const hours = (seconds) => (seconds == null ? 'unknown' : `${(seconds / 3600).toLocaleString(undefined, { maximumFractionDigits: 1 })} h`);
const percent = (share) => `${(share * 100).toLocaleString(undefined, { maximumFractionDigits: 1 })} %`;

// Unknown, never zero, when no platform splits followers from the rest.
export function newAudience(audience) {
    if (audience.newShare == null) return 'unknown: no platform gave a followers split';
    const measured = audience.coverage != null && audience.coverage < 0.995 ? ` (measured on ${percent(audience.coverage)} of views)` : '';
    return `${percent(audience.newShare)}${measured}`;
}

// On a released production's page.
export async function performanceSection(api, production) {
    const video = await api(`performance/productions/${production.id}`);
    const section = el('section', { id: 'performance' }, el('h2', {}, 'Performance'));
    const posts = video.posts;
    const views = posts.reduce((sum, p) => (p.views == null ? sum : (sum ?? 0) + p.views), null);
    const totals = (p) => [p.views, p.watchSeconds, p.shares, p.reactions, p.comments];
    const known = (pick) => posts.map(pick).filter((v) => v != null);
    const sum = (pick) => (known(pick).length ? known(pick).reduce((a, b) => a + b, 0) : null);
    section.append(el('dl', { id: 'performance-totals' },
        el('dt', {}, 'Views'), el('dd', {}, number(views)),
        el('dt', {}, 'Watch time'), el('dd', {}, hours(sum((p) => p.watchSeconds))),
        el('dt', {}, 'Shares'), el('dd', {}, number(sum((p) => p.shares))),
        el('dt', {}, 'Reactions'), el('dd', {}, number(sum((p) => p.reactions))),
        el('dt', {}, 'Comments'), el('dd', {}, number(sum((p) => p.comments))),
        el('dt', {}, 'New audience'), el('dd', { id: 'new-audience' }, newAudience(video.audience))));
    if (!video.days.length) {
        section.append(el('p', { class: 'muted' }, 'No figures yet. A lead imports them from the platforms\' exports on the Performance page.'));
        return section;
    }
    section.append(chart('performance-chart', 'Views per day', video.days, (d) => d.views));
    if (video.days.some((d) => d.completionPercent != null)) {
        section.append(chart('retention-chart', 'Average percentage watched', video.days, (d) => d.completionPercent,
            (share) => (share == null ? 'unknown' : `${share.toLocaleString(undefined, { maximumFractionDigits: 1 })} %`)));
    }
    section.append(el('table', { id: 'post-performance', class: 'figures' },
        el('thead', {}, el('tr', {}, ...['Post', 'Views', 'Watch time', 'Shares', 'Reactions', 'Comments', 'New audience']
            .map((h) => el('th', {}, h)))),
        el('tbody', {}, ...posts.map((p) => el('tr', {},
            el('td', {}, el('abbr', { title: VIEW_DEFINITIONS[p.platform] }, PLATFORMS[p.platform]),
                el('span', { class: 'muted' }, p.days ? ` · ${p.days} days` : ' · no figures')),
            ...totals(p).map((value, i) => el('td', {}, i === 1 ? hours(value) : number(value))),
            el('td', {}, newAudience(p.audience)))))),
    el('p', { class: 'muted' }, ...[...new Set(posts.map((p) => p.platform))].map((p) => `${VIEW_DEFINITIONS[p]} `)),
    downloadButton(api, `performance/productions/${production.id}/days.csv`, `performance-${production.id}.csv`, 'Download the days as CSV'));
    return section;
}

// A chart whose canvas left the page (a refresh, another route) keeps listening for resizes until destroyed.
function destroyDetachedCharts() {
    Object.values(Chart.instances).filter((chart) => !chart.canvas.isConnected).forEach((chart) => chart.destroy());
}

// A line per platform over the days the figures cover.
function chart(id, title, days, pick, shown = number) {
    const dates = [...new Set(days.map((d) => d.day))].sort();
    const platforms = [...new Set(days.map((d) => d.platform))];
    const canvas = el('canvas', { id, role: 'img', 'aria-label': `${title}, by platform` });
    // What the lines show, for those who do not see them, or want the numbers: a day a row, built when opened.
    const figures = el('details', {}, el('summary', {}, `${title}: the figures`));
    figures.addEventListener('toggle', () => {
        if (!figures.open || figures.querySelector('table')) return;
        const byDay = new Map(days.map((d) => [`${d.day} ${d.platform}`, pick(d)]));
        figures.append(el('table', { class: 'figures' },
            el('thead', {}, el('tr', {}, el('th', {}, 'Day'), ...platforms.map((platform) => el('th', {}, PLATFORMS[platform])))),
            el('tbody', {}, ...dates.map((date) => el('tr', {}, el('th', { scope: 'row' }, date),
                ...platforms.map((platform) => el('td', {}, shown(byDay.get(`${date} ${platform}`)))))))));
    });
    const figure = el('figure', { class: 'chart' }, el('figcaption', {}, title), el('div', { class: 'chart-box' }, canvas), figures);
    // Chart.js measures its parent, so it draws once the figure is on the page.
    requestAnimationFrame(() => {
        destroyDetachedCharts();
        new Chart(canvas, chartOfDays(dates, platforms, days, pick));
    });
    return figure;
}

function chartOfDays(dates, platforms, days, pick) {
    return {
        type: 'line',
        data: {
            labels: dates,
            datasets: platforms.map((platform) => {
                const byDay = new Map(days.filter((d) => d.platform === platform).map((d) => [d.day, pick(d)]));
                return { label: PLATFORMS[platform], data: dates.map((d) => byDay.get(d) ?? null), borderColor: PLATFORM_COLOURS[platform],
                    borderDash: PLATFORM_DASHES[platform], backgroundColor: PLATFORM_COLOURS[platform], spanGaps: false, pointRadius: dates.length > 60 ? 0 : 2, tension: 0.2 };
            }),
        },
        options: { responsive: true, maintainAspectRatio: false, animation: false, interaction: { mode: 'index', intersect: false },
            scales: { y: { beginAtZero: true } } },
    };
}

// The Performance page: leads import and compare; producers see their portfolio.
export async function renderPerformance(view, me, api, [page, producerId]) {
    const lead = me.roles.includes('video-lead') || me.roles.includes('admin');
    if (page === 'producers' || !lead) {
        const videos = await api(`performance/producers/${producerId || 'me'}`);
        const name = videos[0]?.producer;
        const heading = producerId ? (name ? `${name}'s videos` : 'This producer\'s videos') : 'My videos\' performance';
        view.replaceChildren(el('h1', {}, heading),
            lead ? el('p', {}, el('a', { href: '#/performance' }, '← Performance')) : '',
            videoTable(videos, 'portfolio'));
        return;
    }
    const board = el('div', {}, el('p', { class: 'muted' }, 'Loading…'));
    // Kept across imports, with the grouping the lead chose: only its figures are drawn again.
    const comparison = comparisonPanel(api);
    const refresh = async () => {
        const videos = await api('performance/videos');
        board.replaceChildren(el('section', {}, el('h2', {}, 'Leaderboard'), videoTable(videos.slice(0, 100), 'leaderboard'),
            videos.length > 100 ? el('p', { class: 'muted' }, `The 100 most viewed of ${videos.length}; the CSV has them all.`) : '',
            downloadButton(api, 'performance/videos.csv', 'videos.csv', 'Download all as CSV')));
        await comparison.show();
    };
    view.replaceChildren(el('h1', {}, 'Performance'), importForm(api, refresh), board, comparison.panel);
    await refresh();
}

function videoTable(videos, id) {
    if (!videos.length) return el('p', { class: 'muted', id }, 'No released videos with figures yet.');
    return el('table', { id, class: 'figures' },
        el('thead', {}, el('tr', {}, ...['Video', 'Producer', 'Platforms', 'Views', 'Watch time', 'Shares', 'New audience']
            .map((h) => el('th', {}, h)))),
        el('tbody', {}, ...videos.map((v) => el('tr', {},
            el('td', {}, el('a', { href: `#/productions/${v.productionId}` }, v.title)),
            el('td', {}, el('a', { href: `#/performance/producers/${encodeURIComponent(v.producerId)}` }, v.producer)),
            el('td', {}, v.platforms.map((p) => PLATFORMS[p]).join(', ')),
            el('td', {}, number(v.views)), el('td', {}, hours(v.watchSeconds)), el('td', {}, number(v.shares)),
            el('td', {}, newAudience(v.audience))))));
}

// Drawn (show) once the panel is on the page, where Chart.js can measure it.
function comparisonPanel(api) {
    const by = el('select', { name: 'by', 'aria-label': 'Compare by' },
        ...Object.entries(TRAITS).map(([value, label]) => el('option', { value }, label)));
    const table = el('div');
    const canvas = el('canvas', { id: 'comparison-chart', role: 'img', 'aria-label': 'Views per video by group' });
    const said = el('p', { class: 'notice', role: 'alert', hidden: '' });
    const panel = el('section', { id: 'comparison' }, el('h2', {}, 'Comparisons'), el('label', {}, 'Compare by ', by), said,
        el('figure', { class: 'chart' }, el('div', { class: 'chart-box' }, canvas)), table);
    let drawn;
    // A change of grouping may race an import's redraw.
    const grouped = latestOnly((grouping) => api(`performance/comparisons?by=${grouping}`));
    const show = async () => {
        said.hidden = true;
        let groups;
        try {
            groups = await grouped(by.value);
        } catch (e) {
            said.textContent = `The comparison could not be drawn: ${e.message}`;
            said.hidden = false;
            return;
        }
        if (!groups) return;
        table.replaceChildren(el('table', { class: 'figures' },
            el('thead', {}, el('tr', {}, ...[TRAITS[by.value], 'Videos', 'Views', 'Views per video', 'Shares', 'New audience']
                .map((h) => el('th', {}, h)))),
            el('tbody', {}, ...groups.map((g) => el('tr', {}, el('td', {}, by.value === 'platform' ? PLATFORMS[g.name] : g.name),
                el('td', {}, String(g.videos)), el('td', {}, number(g.views)), el('td', {}, number(g.viewsPerVideo)),
                el('td', {}, number(g.shares)), el('td', {}, newAudience(g.audience)))))));
        drawn?.destroy();
        destroyDetachedCharts();
        drawn = new Chart(canvas, { type: 'bar', data: { labels: groups.map((g) => (by.value === 'platform' ? PLATFORMS[g.name] : g.name)),
            datasets: [{ label: 'Views per video', data: groups.map((g) => g.viewsPerVideo), backgroundColor: '#2563eb' }] },
        options: { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } } } });
    };
    by.addEventListener('change', () => show());
    return { panel, show };
}

function importForm(api, onImported) {
    const file = el('input', { type: 'file', name: 'file', accept: '.csv,text/csv', required: '' });
    // Today where the lead is, which is the day the platform's export was made.
    const asOf = el('input', { type: 'date', name: 'asOf', value: localDate() });
    const report = el('div', { id: 'import-report', 'aria-live': 'polite' });
    const form = el('form', { class: 'panel', id: 'metrics-import' }, el('h2', {}, 'Import figures'),
        el('p', { class: 'muted' }, 'YouTube Studio: Advanced mode → Export current view → Chart data.csv, once per metric. '
            + 'Meta Business Suite: Insights → Content → Export, for the Facebook page or the Instagram account. Anything else: ',
        downloadButton(api, 'metrics/template.csv', 'metrics-template.csv', 'the template', 'link'), '.'),
        el('label', {}, 'Export file', file), el('label', {}, 'Exported on (for lifetime totals)', asOf),
        el('button', { type: 'submit', class: 'primary' }, 'Import'), report);
    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        report.replaceChildren(el('p', { class: 'muted' }, 'Importing…'));
        try {
            const done = await api(`metrics/imports?asOf=${asOf.value}`, { method: 'POST', type: 'text/csv', body: file.files[0] });
            report.replaceChildren(el('p', {}, `${done.kept.toLocaleString()} lines kept, ${done.rejected.toLocaleString()} not`
                + `${done.beforePosting ? `, ${done.beforePosting.toLocaleString()} before the post went out` : ''}.`),
            done.columnsNotKept.length ? el('p', { class: 'muted' }, `Not kept: ${done.columnsNotKept.join(', ')}.`) : '',
            done.problems.length ? el('ul', { class: 'thread', id: 'import-problems' },
                ...done.problems.map((p) => el('li', {}, `Line ${p.line}: ${p.reason}`))) : '');
        } catch (e) {
            report.replaceChildren(el('p', { class: 'notice' }, e.message));
            return;
        }
        // The import stands, and its report with the lines to fix, whether or not the page's figures can be drawn again.
        await onImported().catch((e) => report.append(el('p', { class: 'notice', id: 'import-not-shown' },
            `The figures below do not show this import yet: ${e.message}. Open the page again to see them.`)));
    });
    return form;
}

