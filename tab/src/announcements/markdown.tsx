import type { ReactNode } from 'react';

/** **bold**, _italic_ and [text](https://…) in one line, as React elements (nothing is read as HTML). */
function inline(text: string, key: string): ReactNode[] {
  const parts: ReactNode[] = [];
  const pattern = /\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)|\*\*([^*\n]+)\*\*|(^|[^\w])_([^_\n]+)_(?=[^\w]|$)/g;
  let last = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index + (match[4]?.length ?? 0);
    parts.push(text.slice(last, start));
    const k = `${key}-${match.index}`;
    if (match[1] && match[2]) parts.push(<a key={k} href={match[2]} target="_blank" rel="noopener noreferrer">{match[1]}</a>);
    else if (match[3]) parts.push(<strong key={k}>{match[3]}</strong>);
    else parts.push(<em key={k}>{match[5]}</em>);
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}

const BULLET = /^\s*[-*]\s+(.*)$/;
const NUMBERED = /^\s*\d+\.\s+(.*)$/;

/** An announcement's body on a page (the briefing sheet): paragraphs, lists, bold, italic and links. */
export function Markdown(props: { text: string }) {
  const blocks: ReactNode[] = [];
  const lines = props.text.split('\n');
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    const kind = BULLET.test(line) ? 'ul' : NUMBERED.test(line) ? 'ol' : null;
    if (kind) {
      const items: string[] = [];
      const pattern = kind === 'ul' ? BULLET : NUMBERED;
      for (let m = pattern.exec(lines[i] ?? ''); m && i < lines.length; m = pattern.exec(lines[++i] ?? '')) items.push(m[1] ?? '');
      const List = kind;
      blocks.push(<List key={`b${i}`}>{items.map((item, n) => <li key={n}>{inline(item, `l${i}-${n}`)}</li>)}</List>);
      continue;
    }
    if (!line.trim()) {
      i++;
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length && lines[i]!.trim() && !BULLET.test(lines[i]!) && !NUMBERED.test(lines[i]!)) paragraph.push(lines[i++]!);
    blocks.push(
      <p key={`p${i}`}>
        {paragraph.flatMap((text, n) => (n === 0 ? inline(text, `p${i}-${n}`) : [<br key={`br${i}-${n}`} />, ...inline(text, `p${i}-${n}`)]))}
      </p>,
    );
  }
  return <>{blocks}</>;
}
