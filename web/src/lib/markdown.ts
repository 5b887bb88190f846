/**
 * Markdown from the bank or a model, made safe: marked renders it, DOMPurify keeps only plain
 * formatting. marked passes raw HTML and javascript: links through, so sanitizing is not optional.
 * Raw HTML is not rendered at all: it is escaped and reads as the characters it is. The bank never
 * needs it, and markup handed to any parser, even an inert one, already has the browser queue its
 * image loads and error handlers (blocked by the CSP, and logged, but better never created).
 */
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const marked = new Marked({ gfm: true, breaks: false, async: false, renderer: { html: ({ text }) => escapeHtml(text) } });

let hooked = false;
function purifier() {
  if (!hooked) {
    // Links leave the interview room in a new tab and tell the other site nothing.
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A') {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
    });
    hooked = true;
  }
  return DOMPurify;
}

/** Sanitized HTML for Markdown text: no scripts, styles, forms, images or event handlers. */
export function renderMarkdown(text: string): string {
  const html = marked.parse(text) as string;
  return purifier().sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'img', 'svg', 'math', 'iframe'],
    FORBID_ATTR: ['style', 'class', 'id'],
  });
}
