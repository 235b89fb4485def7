import { describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/errors';
import { formatLinks, linkFormats, renderTemplate, validateTemplate, type LinkItem } from '../../../lib/links/formats';
import { formatDuration, formatSize } from '../../../lib/format/units';

const item: LinkItem = {
  title: 'My clip',
  watch: 'https://media.cm/abc123',
  embed: 'https://media.cm/e/abc123',
  download: 'https://media.cm/d/abc123',
  code: 'abc123',
  size: 1.2 * 1024 ** 3,
  length: 3725,
  host: 'media.cm',
};
const second: LinkItem = { watch: 'https://media.cm/xyz', code: 'xyz', host: 'media.cm' };
// A <template> keeps parsed markup inert, so an iframe is not loaded.
function parseInert(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

const nasty: LinkItem = { ...item, title: 'a <b> "q" \'s\' & [x] ]y[ (z)*_' };

describe('formatLinks', () => {
  it('plain: one watch URL per line', () => {
    expect(formatLinks([item, second], 'plain')).toBe('https://media.cm/abc123\nhttps://media.cm/xyz');
  });

  it('html: link with title, watch URL as text when untitled', () => {
    expect(formatLinks([item, second], 'html')).toBe('<a href="https://media.cm/abc123">My clip</a>\n<a href="https://media.cm/xyz">https://media.cm/xyz</a>');
  });

  it('html: escapes markup characters in title and URL', () => {
    const out = formatLinks([{ ...nasty, watch: 'https://h.test/a?x=1&y="2"' }], 'html');
    expect(out).toBe('<a href="https://h.test/a?x=1&amp;y=&quot;2&quot;">a &lt;b&gt; &quot;q&quot; &#39;s&#39; &amp; [x] ]y[ (z)*_</a>');
    const links = parseInert(out).querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0].textContent).toBe(nasty.title);
    expect(links[0].getAttribute('href')).toBe('https://h.test/a?x=1&y="2"');
  });

  it('embed: iframe with escaped title, falls back to a link without embed URL', () => {
    const out = formatLinks([nasty, second], 'embed').split('\n');
    expect(out[0]).toBe(
      '<iframe src="https://media.cm/e/abc123" width="640" height="360" frameborder="0" allowfullscreen' +
        ' title="a &lt;b&gt; &quot;q&quot; &#39;s&#39; &amp; [x] ]y[ (z)*_"></iframe>',
    );
    expect(out[1]).toBe('<a href="https://media.cm/xyz">https://media.cm/xyz</a>');
    const iframe = parseInert(out[0]).querySelector('iframe');
    expect(iframe?.getAttribute('title')).toBe(nasty.title);
  });

  it('bbcode: brackets in title and URL cannot close the tag', () => {
    expect(formatLinks([item], 'bbcode')).toBe('[url=https://media.cm/abc123]My clip[/url]');
    const out = formatLinks([{ ...nasty, watch: 'https://h.test/a[1] b' }], 'bbcode');
    expect(out).toBe('[url=https://h.test/a%5B1%5D%20b]a <b> "q" \'s\' & (x) )y( (z)*_[/url]');
    expect(out.match(/\[|\]/g)).toHaveLength(4);
  });

  it('markdown: escapes link text and URL parentheses', () => {
    expect(formatLinks([item], 'markdown')).toBe('[My clip](https://media.cm/abc123)');
    const out = formatLinks([{ ...nasty, watch: 'https://h.test/a_(b)' }], 'markdown');
    expect(out).toBe('[a \\<b\\> "q" \'s\' & \\[x\\] \\]y\\[ (z)\\*\\_](https://h.test/a_%28b%29)');
  });

  it('keeps one item per line when a title holds newlines', () => {
    const out = formatLinks([{ ...item, title: 'two\nlines\r\n' }, second], 'html');
    expect(out.split('\n')).toHaveLength(2);
    expect(out).toContain('>two lines</a>');
  });

  it('template: renders each item with the template', () => {
    expect(formatLinks([item, second], 'template', '{code}: {watch}')).toBe('abc123: https://media.cm/abc123\nxyz: https://media.cm/xyz');
  });

  it('rejects a missing template, an unknown format and a non-http link in markup', () => {
    expect(() => formatLinks([item], 'template')).toThrow(/needs a template/);
    expect(() => formatLinks([item], 'rtf' as never)).toThrow(AppError);
    expect(() => formatLinks([{ ...item, watch: 'javascript:alert(1)' }], 'html')).toThrow(/Not an http\(s\) link/);
    expect(() => formatLinks([{ ...item, embed: 'data:text/html,x' }], 'embed')).toThrow(AppError);
  });

  it('returns an empty string for no items', () => {
    expect(formatLinks([], 'html')).toBe('');
  });

  it('linkFormats lists every format once with a label', () => {
    expect(linkFormats.map((f) => f.id).sort()).toEqual(['bbcode', 'embed', 'html', 'markdown', 'plain', 'template']);
    for (const f of linkFormats) expect(f.label).not.toBe('');
  });
});

describe('renderTemplate', () => {
  it('fills every variable', () => {
    expect(renderTemplate('{title}|{watch}|{embed}|{download}|{code}|{size}|{length}|{host}', item)).toBe(
      'My clip|https://media.cm/abc123|https://media.cm/e/abc123|https://media.cm/d/abc123|abc123|1.2 GB|1:02:05|media.cm',
    );
  });

  it('leaves unknown variables as they are and empties missing values', () => {
    expect(renderTemplate('{title}[{embed}] {views} {size} {length} {} {code', second)).toBe('[] {views}   {} {code');
  });

  it('uses m:ss below an hour', () => {
    expect(renderTemplate('{length}', { ...item, length: 65 })).toBe('1:05');
  });
});

describe('validateTemplate', () => {
  it('returns unknown variable names once each', () => {
    expect(validateTemplate('{title} {views} {Title} {views} {watch}')).toEqual(['views', 'Title']);
    expect(validateTemplate('{title} {watch}')).toEqual([]);
  });
});

describe('units', () => {
  it('formats sizes', () => {
    expect(formatSize(0)).toBe('0 B');
    expect(formatSize(1023)).toBe('1023 B');
    expect(formatSize(1536)).toBe('1.5 KB');
    expect(formatSize(1024 ** 2 - 1)).toBe('1.0 MB');
    expect(formatSize(5 * 1024 ** 4)).toBe('5.0 TB');
    expect(formatSize(undefined)).toBe('');
    expect(formatSize(-1)).toBe('');
    expect(formatSize(Number.NaN)).toBe('');
  });

  it('formats durations', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(59.6)).toBe('1:00');
    expect(formatDuration(3600)).toBe('1:00:00');
    expect(formatDuration(36_061)).toBe('10:01:01');
    expect(formatDuration(undefined)).toBe('');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('');
  });
});

describe('custom templates with markup', () => {
  const hostile: LinkItem = { ...item, title: '<img src=x onerror=alert(1)>.mp4 & "quoted"' };

  it('escapes every value for HTML when the template holds markup', () => {
    const out = formatLinks([hostile], 'template', '<a href="{watch}">{title}</a>');
    expect(out).toBe('<a href="https://media.cm/abc123">&lt;img src=x onerror=alert(1)&gt;.mp4 &amp; &quot;quoted&quot;</a>');
    const fragment = parseInert(out);
    expect(fragment.querySelector('img')).toBeNull();
    expect(fragment.querySelector('a')?.textContent).toBe(hostile.title);
  });

  it('keeps a plain-text template as it was', () => {
    expect(formatLinks([hostile], 'template', '{title} {watch}')).toBe(`${hostile.title} https://media.cm/abc123`);
  });

  it('takes an explicit filter over the default', () => {
    expect(renderTemplate('{title|raw}', hostile)).toBe(hostile.title);
    expect(renderTemplate('<b>{title|raw}</b>', hostile)).toBe(`<b>${hostile.title}</b>`);
    expect(renderTemplate('{title|html}', hostile)).toBe('&lt;img src=x onerror=alert(1)&gt;.mp4 &amp; &quot;quoted&quot;');
    expect(renderTemplate('?q={title|url}', item)).toBe('?q=My%20clip');
    expect(renderTemplate('[url={watch|bbcode}]{title|bbcode}[/url]', { ...item, title: 'a [b] c' })).toBe('[url=https://media.cm/abc123]a (b) c[/url]');
    expect(renderTemplate('[{title|markdown}]({watch|markdown})', { ...item, title: 'a_b' })).toBe('[a\\_b](https://media.cm/abc123)');
  });

  it('refuses a non-web link written into markup', () => {
    expect(() => formatLinks([{ ...item, watch: 'javascript:alert(1)' }], 'template', '<a href="{watch}">x</a>')).toThrow(AppError);
  });

  it('names an unknown filter', () => {
    expect(validateTemplate('{title|shout} {watch|html}')).toEqual(['title|shout']);
    expect(renderTemplate('{title|shout}', item)).toBe('{title|shout}');
  });

  it('stays linear on a long hostile template', () => {
    const template = `${'{'.repeat(100_000)}title|${'a'.repeat(100_000)}`;
    const started = performance.now();
    renderTemplate(template, item);
    validateTemplate(template);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
