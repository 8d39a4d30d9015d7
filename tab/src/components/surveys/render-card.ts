import { AdaptiveCard, GlobalSettings, HostConfig, SerializationContext } from 'adaptivecards';
import { cardHostConfig } from './card-host-config';

// The card root is not a tab stop of its own: the preview region around it is.
GlobalSettings.setTabIndexAtCardRoot = false;

const hostConfig = new HostConfig(cardHostConfig);

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** **bold**, _italic_ and [text](https://…) within a line of escaped text; a link's address is left as it is. */
function inline(line: string): string {
  const links: string[] = [];
  const marked = line.replace(/\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g, (_, text: string, url: string) => {
    links.push(url);
    return `\u0000${links.length - 1}\u0001${text}\u0000/\u0001`;
  });
  return marked
    .replace(/\*\*([^*\n]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|\W)_([^_\n]+)_(?=\W|$)/g, '$1<em>$2</em>')
    .replace(/\u0000(\d+)\u0001/g, (_, i: string) => `<a href="${links[Number(i)]}" target="_blank" rel="noopener noreferrer">`)
    .replace(/\u0000\/\u0001/g, '</a>');
}

const BULLET = /^\s*[-*]\s+(.*)$/;
const NUMBERED = /^\s*\d+\.\s+(.*)$/;

/**
 * The card markdown our texts may carry, as Teams shows it: **bold**, _italic_, [links](https://…) and
 * lists ("- item", or "1. item" on two lines or more, so a numbered question stays a sentence).
 * Everything else is escaped, so a title cannot put markup into the tab, and a link is only ever a web address.
 */
export function cardMarkdownToHtml(text: string): string {
  const lines = escapeHtml(text).split('\n');
  const out: string[] = [];
  let list: 'ul' | 'ol' | null = null;
  const close = () => {
    if (list) out.push(`</${list}>`);
    list = null;
  };
  lines.forEach((line, i) => {
    const bullet = BULLET.exec(line);
    const numbered = NUMBERED.exec(line);
    const inOl = numbered && (list === 'ol' || NUMBERED.test(lines[i + 1] ?? ''));
    const kind = bullet ? 'ul' : inOl ? 'ol' : null;
    if (kind) {
      if (list !== kind) {
        close();
        out.push(`<${kind}>`);
        list = kind;
      }
      out.push(`<li>${inline((bullet ?? numbered)![1] ?? '')}</li>`);
      return;
    }
    close();
    out.push(`${inline(line)}<br>`);
  });
  close();
  return out.join('').replace(/(<br>)+$/, '').replace(/<br>(<[uo]l>)/g, '$1');
}

AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = cardMarkdownToHtml(text);
  result.didProcess = true;
};

/** A rendered card, or why it could not be rendered. */
export type RenderedCard = { element: HTMLElement; warnings: string[] } | { error: string };

/**
 * Renders the card JSON with the Adaptive Cards renderer Microsoft's own hosts use, then makes it a
 * preview: inputs and buttons are disabled (nothing can be answered or sent, and none is a tab stop),
 * and each set of choices becomes a labelled group, so a screen reader reads the question once
 * rather than with the first choice only.
 */
export function renderCard(json: unknown): RenderedCard {
  if (!json || typeof json !== 'object' || (json as { type?: unknown }).type !== 'AdaptiveCard') return { error: 'not an Adaptive Card' };
  const card = new AdaptiveCard();
  card.hostConfig = hostConfig;
  const context = new SerializationContext();
  card.parse(json, context);
  // The renderer sets document.onclick for type-ahead lists the survey cards do not use; keep the tab's own.
  const onclick = document.onclick;
  const element = card.render();
  document.onclick = onclick;
  if (!element) return { error: 'the renderer returned nothing' };
  const warnings: string[] = [];
  for (let i = 0; i < context.eventCount; i++) warnings.push(context.getEventAt(i).message);
  makeReadOnly(element);
  groupChoices(element);
  return { element, warnings };
}

function makeReadOnly(root: HTMLElement) {
  root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | HTMLButtonElement>('input, textarea, select, button').forEach((control) => {
    control.disabled = true;
  });
  // Anything else the renderer made clickable (a selectAction on a text or container), and links in a text.
  root.querySelectorAll<HTMLElement>('[tabindex], a[href]').forEach((element) => {
    element.tabIndex = -1;
  });
}

/**
 * The renderer labels an expanded choice set with a <label> pointing at the <div> that holds the
 * radio buttons or check boxes, which labels nothing. The div becomes a radio group (or a group of
 * check boxes) named by that label, and each choice is named by its own text alone.
 */
function groupChoices(root: HTMLElement) {
  root.querySelectorAll<HTMLElement>('.ac-choiceSetInput-expanded, .ac-choiceSetInput-multiSelect').forEach((group) => {
    const label = root.querySelector<HTMLLabelElement>(`label[for="${CSS.escape(group.id)}"]`);
    if (!label) return;
    group.setAttribute('role', group.querySelector('input[type="radio"]') ? 'radiogroup' : 'group');
    group.setAttribute('aria-labelledby', label.id);
    label.removeAttribute('for');
    group.querySelectorAll('input').forEach((input) => {
      const own = input.parentElement?.querySelector('label')?.id;
      if (own) input.setAttribute('aria-labelledby', own);
    });
  });
}
