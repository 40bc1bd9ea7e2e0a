// SPDX-License-Identifier: AGPL-3.0-or-later
// Small helpers every page of the shell builds with.

export function el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes).forEach(([name, value]) => {
        // The Content Security Policy refuses style attributes; styles set through the DOM are allowed.
        if (name === 'style') {
            node.style.cssText = value;
        } else {
            node.setAttribute(name, value);
        }
    });
    node.append(...children);
    return node;
}

export function when(iso) {
    return new Date(iso).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
}

export const two = (n) => String(n).padStart(2, '0');

// What a date input shows for this moment where the viewer is: toISOString() would give the day in UTC.
export function localDate(moment = new Date()) {
    return `${moment.getFullYear()}-${two(moment.getMonth() + 1)}-${two(moment.getDate())}`;
}

// What a datetime-local input shows for this moment where the viewer is; the input reads its value back as local time.
export function localDateTime(moment = new Date()) {
    return `${localDate(moment)}T${two(moment.getHours())}:${two(moment.getMinutes())}`;
}

// A calendar day such as a deadline. new Date('2026-11-27') is midnight UTC, the day before west of Greenwich.
export function day(isoDate) {
    return new Date(`${isoDate}T12:00`).toLocaleDateString([], { dateStyle: 'medium' });
}

// A deadline has passed once its whole day has, where the viewer is.
export function endOfDay(isoDate) {
    return new Date(`${isoDate}T23:59:59.999`);
}

/** Runs work once typing in these boxes pauses, rather than a search a key. */
export function whenTypingPauses(inputs, work) {
    let pending;
    inputs.forEach((input) => input.addEventListener('input', () => {
        clearTimeout(pending);
        pending = setTimeout(work, 250);
    }));
}

/**
 * An async function whose answers count only for its latest call; earlier ones give null. Typing or
 * choosing quickly, an earlier request's answer may come last and would draw what is no longer asked.
 */
export function latestOnly(ask) {
    let asked = 0;
    return async (...args) => {
        const mine = ++asked;
        const answer = await ask(...args);
        return mine === asked ? answer : null;
    };
}

/**
 * Says something to screen readers through the page's one status line, which stays on the page so
 * that its changes are read out: a region drawn already filled is not.
 */
export function say(text) {
    const status = document.getElementById('said');
    // The same words again (a second card ready) are read again only if the line changes.
    status.textContent = status.textContent === text ? `${text}\u00a0` : text;
}

/** Puts these nodes into the parent in this order, moving only those out of place: a node taken out and put back loses the focus. */
export function placeInOrder(parent, nodes) {
    // Those leaving go first, or each node after one replaced would seem out of place.
    [...parent.children].filter((child) => !nodes.includes(child)).forEach((child) => child.remove());
    nodes.forEach((node, i) => {
        if (parent.children[i] !== node) parent.insertBefore(node, parent.children[i] || null);
    });
}

// A control turned off while its request is sent may lose the focus to the page: it was the last to have it.
let lastFocused = null;
document.addEventListener('focusin', (event) => { lastFocused = event.target; });
const focusedControl = () => (document.activeElement && document.activeElement !== document.body ? document.activeElement
    : lastFocused?.disabled ? lastFocused : null);
const focusLost = () => !document.activeElement || document.activeElement === document.body || !document.activeElement.isConnected;

/**
 * Redraws a part of the page without losing the user's place in it. A redraw replaces the control
 * that has the focus, which sends the focus to the top of the page: it goes instead to the
 * control that took its place (same kind, same words, in the item of the same data-* keys), or
 * else to the first control of that item, or else to the part's heading.
 */
export async function keepingFocus(part, redraw) {
    const focused = focusedControl();
    const place = focused && part.contains(focused) ? placeOf(focused, part) : null;
    await redraw();
    // A control still on the page was not replaced; sending() gives it back the focus its turning off took.
    // Where the user has moved on while the page was fetched, the focus stays with them.
    if (!place || focused.isConnected || !focusLost()) return;
    const controls = [...part.querySelectorAll('a[href], button, input, select, textarea, video, [tabindex]')]
        .filter((c) => !c.disabled && !c.closest('[hidden]'));
    const heading = part.querySelector('h1, h2');
    if (heading) heading.tabIndex = -1;
    const next = controls.find((c) => placeOf(c, part).control === place.control)
        || controls.find((c) => placeOf(c, part).item === place.item && place.item !== '')
        || heading;
    next?.focus({ preventScroll: true });
}

// The data-* attributes that say which thing an element is; others (state, frame, shown, a cell's label) change as it is redrawn.
const IDENTITY_KEYS = ['attendee', 'channel', 'comment', 'decision', 'entry', 'filter', 'item', 'link', 'media', 'member', 'move',
    'outcome', 'tick', 'tool'];

function placeOf(control, part) {
    const keysOf = (node) => IDENTITY_KEYS.filter((key) => key in node.dataset).map((key) => `${key}=${node.dataset[key]}`).join(',');
    const items = [];
    for (let node = control.parentElement; node && node !== part; node = node.parentElement) {
        if (keysOf(node)) items.push(keysOf(node));
    }
    const item = items.join('/');
    const words = control.getAttribute('aria-label') || control.name || (control.matches('button, a') ? control.textContent : '');
    return { item, control: `${control.tagName}|${control.type || ''}|${words}|${keysOf(control)}|${item}` };
}

// Sends one thing at a time from a form, a button or a group of buttons: on a slow line a second
// tap would post the same comment or decision twice. A failure shows in the notice and leaves
// what was typed in place.
export async function sending(control, notice, work) {
    const form = control instanceof HTMLFormElement ? control : null;
    const buttons = form ? [...form.querySelectorAll('button')] : [control].flat();
    const focused = focusedControl();
    buttons.forEach((b) => { b.disabled = true; });
    notice.hidden = true;
    if (form) unmarkFields(form);
    try {
        await work();
    } catch (e) {
        const marked = form ? markFields(form, e.errors || []) : [];
        // An alert is read out when it shows, wherever the focus is: a refusal that marks no field leaves it on the button.
        notice.setAttribute('role', 'alert');
        notice.hidden = false;
        notice.textContent = marked.length && marked.length === e.errors.length ? 'Check the marked fields.' : e.message;
        if (marked.length) marked[0].focus();
    } finally {
        buttons.forEach((b) => { b.disabled = false; });
        if (focusLost() && focused?.isConnected) focused.focus({ preventScroll: true });
    }
}

/** "update.portfolioLinks[1]": the name "portfolioLinks" and the entry 2, counted from 1 (null for a field of one value). */
export function fieldNamed(field) {
    const [, name, index] = field.split('.').pop().match(/^(.*?)(?:\[(\d+)\])?$/);
    return { name, entry: index === undefined ? null : Number(index) + 1 };
}

// The server names a field as its request does ("pitch.goal", "portfolioLinks[0]"); the form's
// field of that name gets the message beside it, where the person typing will look. A field that
// holds a list (one link a line) gets one message saying which entries are wrong.
function markFields(form, errors) {
    return errors.map(({ field, message }) => {
        const { name, entry } = fieldNamed(field);
        const named = form.elements[name];
        const input = named instanceof RadioNodeList ? named[0] : named;
        if (!(input instanceof HTMLElement)) return null;
        const saying = entry === null ? message : `Entry ${entry}: ${message}`;
        const id = `${form.id || 'form'}-${input.name}-error`;
        const already = form.querySelector(`#${CSS.escape(id)}`);
        if (already) {
            already.append(el('br'), saying);
            return input;
        }
        const said = el('span', { class: 'field-error', id }, saying);
        input.after(said);
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', said.id);
        return input;
    }).filter(Boolean);
}

function unmarkFields(form) {
    form.querySelectorAll('.field-error').forEach((said) => said.remove());
    form.querySelectorAll('[aria-invalid]').forEach((input) => {
        input.removeAttribute('aria-invalid');
        input.removeAttribute('aria-describedby');
    });
}

// Saves a file the API hands out (see api.save); a failure shows beside the button.
export function downloadButton(api, path, name, label, className = '') {
    const button = el('button', { type: 'button', class: className }, label);
    const notice = el('span', { class: 'notice', hidden: '' });
    button.addEventListener('click', () => {
        if (!notice.isConnected) button.after(notice);
        sending(button, notice, () => api.save(path, name));
    });
    return button;
}

// Gives a form unsaved(): whether its fields now differ from what they held when this was called.
export function noticingEdits(form) {
    const typed = () => JSON.stringify([...new FormData(form).entries()]);
    const asFilled = typed();
    form.unsaved = () => typed() !== asFilled;
    return form;
}
