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
